/* SPDX-License-Identifier: MIT */
/* mach_msg_trap: the general path (see mach_msg.h). */
#include <stddef.h>
#include <stdbool.h>
#include <ipc/mach_msg.h>
#include <ipc/ipc_kmsg.h>
#include <ipc/ipc_mqueue.h>
#include <ipc/ipc_right.h>
#include <ipc/ipc_port.h>
#include <ipc/ipc_pset.h>
#include <ipc/ipc_fastpath.h>
#include <kern/task.h>
#include <kern/ipc_kobject.h>
#include <kern/sched.h>
#include <kern/clock.h>
#include <kern/thread.h>
#include <machine/copyio.h>
#include <machine/cpu_data.h>

/*
 * The seventh argument of mach_msg_trap (notify), which the ABI leaves on
 * the user stack just above the trap stub's return address (ABI.md);
 * MACH_PORT_NULL when it cannot be read.  Read only for the options that
 * use it: the trap frame is the current thread's, valid the whole trap.
 */
static mach_port_name_t mach_msg_notify_arg(void)
{
	const struct trap_frame *tf = pcb_user_frame(&current_thread()->pcb);
	uint32_t name;

	if (copyin((const void *)(tf->rsp + 8), &name, sizeof(name)) != 0)
		return MACH_PORT_NULL;
	return name;
}

/*
 * MACH_SEND_NOTIFY on a full queue: may `space' force a message onto
 * `dest'?  Returns MACH_MSG_SUCCESS with *notifyp (the port whose receive
 * right `notify' names) and *imarp (a fresh request record), or
 * MACH_SEND_NOTIFY_IN_PROGRESS, MACH_SEND_INVALID_NOTIFY,
 * MACH_SEND_NO_NOTIFY; nothing changed.
 */
static mach_msg_return_t mach_msg_force_check(struct ipc_space *space,
					      struct ipc_port *dest,
					      mach_port_name_t notify,
					      struct ipc_port **notifyp,
					      struct ipc_marequest **imarp)
{
	if (ipc_mqueue_marequest_pending(dest, space))
		return MACH_SEND_NOTIFY_IN_PROGRESS;
	if (ipc_right_lookup_receive(space, notify, notifyp) != KERN_SUCCESS)
		return MACH_SEND_INVALID_NOTIFY;
	*imarp = ipc_marequest_alloc();
	return *imarp != NULL ? MACH_MSG_SUCCESS : MACH_SEND_NO_NOTIFY;
}

/*
 * Send the message at `msg'; *handoff gets a receiver woken, not yet run.
 * Returns MACH_MSG_SUCCESS, MACH_SEND_WILL_NOTIFY (forced onto a full
 * queue) or an error with nothing changed.
 */
static __attribute__((noinline)) mach_msg_return_t mach_msg_send(uint64_t msg, mach_msg_option_t option,
				       mach_msg_size_t send_size,
				       mach_msg_timeout_t timeout,
				       struct thread **handoff)
{
	struct ipc_space *space = current_task()->itk_space;
	struct ipc_marequest *imar = NULL;
	struct ipc_port *notify_port = NULL;
	struct ipc_port *cancel = NULL;
	uint64_t deadline = 0;
	struct ipc_kmsg *kmsg;
	struct ipc_port *dest;
	struct ipc_entry *entry;
	mach_msg_header_t *h;
	mach_msg_return_t mr;

	if (send_size < sizeof(mach_msg_header_t) || (send_size & 3) != 0)
		return MACH_SEND_MSG_TOO_SMALL;
	if (send_size > IPC_KMSG_SIZE_MAX)
		return MACH_SEND_NO_BUFFER;
	if (option & MACH_SEND_TIMEOUT)
		deadline = clock_ticks() + clock_ms_to_ticks(timeout);

	/*
	 * The message is copied in again after each wait for room: nothing
	 * is held while the thread waits (a thread destroyed there leaves
	 * nothing behind).
	 */
	for (;;) {
		uint64_t ticks = 0;

		kmsg = ipc_kmsg_alloc(send_size);
		if (kmsg == NULL)
			return MACH_SEND_NO_BUFFER;
		h = &kmsg->ikm_header;
		if (copyin((const void *)msg, h, send_size) != 0) {
			ipc_kmsg_free(kmsg);
			return MACH_SEND_INVALID_DATA;
		}
		h->msgh_size = send_size;
		if (option & MACH_SEND_CANCEL) {
			mr = ipc_kmsg_copyin_cancel(space, h,
						    mach_msg_notify_arg(),
						    &cancel);
			if (mr != MACH_MSG_SUCCESS) {
				ipc_kmsg_free(kmsg);
				return mr;
			}
		}
		mr = ipc_kmsg_copyin_dest(space, h->msgh_bits,
					  (mach_port_name_t)h->msgh_remote_port,
					  &dest);
		if (mr != MACH_MSG_SUCCESS) {
			ipc_kmsg_free(kmsg);
			return mr;
		}
		if (MACH_MSGH_BITS_REMOTE(h->msgh_bits) ==
		    MACH_MSG_TYPE_MOVE_SEND_ONCE ||
		    MACH_MSGH_BITS_REMOTE(h->msgh_bits) ==
		    MACH_MSG_TYPE_MAKE_SEND_ONCE || !ipc_mqueue_full(dest))
			break;
		/* The queue is full: wait for room, still holding every right;
		 * with MACH_SEND_NOTIFY, when the wait is over (at once
		 * without MACH_SEND_TIMEOUT), force the message in. */
		if (option & (MACH_SEND_TIMEOUT | MACH_SEND_NOTIFY)) {
			uint64_t now = clock_ticks();

			if (!(option & MACH_SEND_TIMEOUT) || now >= deadline) {
				if (!(option & MACH_SEND_NOTIFY)) {
					ipc_kmsg_free(kmsg);
					return MACH_SEND_TIMED_OUT;
				}
				mr = mach_msg_force_check(space, dest,
							  mach_msg_notify_arg(),
							  &notify_port, &imar);
				if (mr != MACH_MSG_SUCCESS) {
					ipc_kmsg_free(kmsg);
					return mr;
				}
				break;
			}
			ticks = deadline - now;
		}
		ipc_kmsg_free(kmsg);
		mr = ipc_mqueue_wait_room(dest, ticks);
		if (mr == MACH_SEND_TIMED_OUT && (option & MACH_SEND_NOTIFY))
			continue;	/* the wait is over: force it */
		if (mr != MACH_MSG_SUCCESS)
			return mr;	/* TIMED_OUT or INTERRUPTED */
	}
	mr = ipc_kmsg_copyin(space, kmsg, cancel);
	if (mr != MACH_MSG_SUCCESS) {
		ipc_kmsg_free(kmsg);
		if (imar != NULL)
			ipc_marequest_free(imar);
		return mr;
	}
	ipc_kmsg_dealloc_ool(current_task(), msg, kmsg);
	if (imar != NULL) {
		/* Nothing blocked since the check: the queue is still full
		 * with no receiver waiting, so the message is queued. */
		ipc_space_reference(space);
		imar->imar_space = space;
		imar->imar_notify = ipc_port_make_sonce(notify_port);
		imar->imar_named = ipc_space_reverse_lookup(space, dest,
							    &entry) !=
				   MACH_PORT_NULL;
		kmsg->ikm_marequest = imar;
		mr = MACH_SEND_WILL_NOTIFY;
	}
	*handoff = ipc_mqueue_send(kmsg, (option & MACH_RCV_MSG) != 0);
	return mr;
}

/*
 * MACH_RCV_NOTIFY: the reply right of the message just received will get
 * a new name in `space' (a send-once right, or a send right to a live
 * port the space has no name for): the only case that makes a dead-name
 * request, as in Mach.
 */
static bool mach_msg_reply_needs_name(struct ipc_space *space,
				      const mach_msg_header_t *h)
{
	struct ipc_port *reply =
		(struct ipc_port *)(uintptr_t)h->msgh_local_port;
	struct ipc_entry *entry;

	if (!IP_VALID(reply) || !reply->ip_active)
		return false;
	return MACH_MSGH_BITS_LOCAL(h->msgh_bits) ==
	       MACH_MSG_TYPE_PORT_SEND_ONCE ||
	       ipc_space_reverse_lookup(space, reply, &entry) == MACH_PORT_NULL;
}

/*
 * After the copyout of a message whose reply right got the new name
 * `name' (MACH_PORT_NULL: none could be had): register `dn' as its
 * dead-name request for the receive right `notify' names, if it still
 * names one.  Consumes `dn' either way.
 */
static void mach_msg_reply_dnrequest(struct ipc_space *space,
				     mach_port_name_t name,
				     mach_port_name_t notify,
				     struct ipc_dnrequest *dn)
{
	struct ipc_port *notify_port;
	struct ipc_entry *entry;

	if (MACH_PORT_NAME_VALID(name) &&
	    ipc_right_lookup_receive(space, notify, &notify_port) ==
	    KERN_SUCCESS &&
	    (entry = ipc_entry_lookup(space, name)) != NULL &&
	    (entry->ie_bits & (MACH_PORT_TYPE_SEND |
			       MACH_PORT_TYPE_SEND_ONCE)) &&
	    !(entry->ie_bits & IE_BITS_DNREQUEST)) {
		ipc_right_dnrequest_add(space, name, entry, dn,
					ipc_port_make_sonce(notify_port));
		return;
	}
	ipc_dnrequest_free(dn);
}

mach_msg_return_t mach_msg_receive(uint64_t msg,
					  mach_msg_option_t option,
					  mach_msg_size_t rcv_size,
					  mach_port_name_t rcv_name,
					  mach_msg_timeout_t timeout,
					  struct thread *handoff)
{
	struct task *task = current_task();
	struct ipc_space *space = task->itk_space;
	struct ipc_dnrequest *dn = NULL;
	mach_port_name_t notify = MACH_PORT_NULL;
	struct ipc_port *notify_port;
	struct ipc_entry *entry;
	struct ipc_kmsg *kmsg = NULL;
	uint32_t size = 0;
	bool is_pset;
	mach_msg_return_t mr;

	mr = ipc_fastpath_receive(msg, option, rcv_size, rcv_name, handoff);
	if (mr != IPC_FASTPATH_DECLINED)
		return mr;
	entry = ipc_entry_lookup(space, rcv_name);
	if (entry == NULL ||
	    !(entry->ie_bits & (MACH_PORT_TYPE_RECEIVE | MACH_PORT_TYPE_PORT_SET))) {
		mr = MACH_RCV_INVALID_NAME;
		goto out_handoff;
	}
	is_pset = (entry->ie_bits & MACH_PORT_TYPE_PORT_SET) != 0;
	if (!is_pset && ((struct ipc_port *)entry->ie_object)->ip_pset != NULL) {
		mr = MACH_RCV_IN_SET;
		goto out_handoff;
	}
	if (option & MACH_RCV_NOTIFY) {
		notify = mach_msg_notify_arg();
		if (ipc_right_lookup_receive(space, notify, &notify_port) !=
		    KERN_SUCCESS) {
			mr = MACH_RCV_INVALID_NOTIFY;
			goto out_handoff;
		}
	}
	mr = ipc_mqueue_receive(entry->ie_object, is_pset, rcv_size,
				(option & MACH_RCV_LARGE) != 0,
				(option & MACH_RCV_TIMEOUT) != 0,
				clock_ms_to_ticks(timeout), handoff,
				&kmsg, &size);
	if (mr == MACH_RCV_TOO_LARGE) {
		/* Tell the caller the size it needs. */
		(void)copyout(&size, (void *)(msg + 4), sizeof(size));
		if (kmsg != NULL)
			ipc_kmsg_destroy(kmsg);
		return mr;
	}
	if (mr != MACH_MSG_SUCCESS)
		return mr;
	size = kmsg->ikm_header.msgh_size;
	/* The request's record is had only now (a thread destroyed while it
	 * waits above never comes back to free it). */
	if ((option & MACH_RCV_NOTIFY) &&
	    mach_msg_reply_needs_name(space, &kmsg->ikm_header)) {
		dn = ipc_dnrequest_alloc();
		if (dn == NULL) {
			ipc_kmsg_destroy(kmsg);
			return MACH_RCV_HEADER_ERROR | MACH_MSG_IPC_KERNEL;
		}
	}
	ipc_kmsg_copyout(space, task, kmsg);
	if (dn != NULL)
		mach_msg_reply_dnrequest(space,
			(mach_port_name_t)kmsg->ikm_header.msgh_remote_port,
			notify, dn);
	if (copyout(&kmsg->ikm_header, (void *)msg, size) != 0)
		mr = MACH_RCV_INVALID_DATA;
	ipc_kmsg_free(kmsg);
	return mr;

out_handoff:
	if (handoff != NULL)
		sched_setrun(handoff);
	return mr;
}

__attribute__((noinline))
mach_msg_return_t mach_msg_general(uint64_t msg, mach_msg_option_t option,
				   mach_msg_size_t send_size,
				   mach_msg_size_t rcv_size,
				   mach_port_name_t rcv_name,
				   mach_msg_timeout_t timeout)
{
	struct thread *handoff = NULL;
	mach_msg_return_t mr;

	if (option & MACH_SEND_MSG) {
		mr = mach_msg_send(msg, option, send_size, timeout, &handoff);
		if (mr != MACH_MSG_SUCCESS)
			return mr;
	}
	if (option & MACH_RCV_MSG)
		return mach_msg_receive(msg, option, rcv_size, rcv_name,
					timeout, handoff);
	if (handoff != NULL)
		sched_setrun(handoff);
	return MACH_MSG_SUCCESS;
}

mach_msg_return_t mach_msg_trap(uint64_t msg, mach_msg_option_t option,
				mach_msg_size_t send_size,
				mach_msg_size_t rcv_size,
				mach_port_name_t rcv_name,
				mach_msg_timeout_t timeout)
{
	return mach_msg_general(msg, option, send_size, rcv_size, rcv_name,
				timeout);
}
