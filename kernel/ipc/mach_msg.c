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
#include <machine/copyio.h>

/* Send the message at `msg'; *handoff gets a receiver woken, not yet run. */
static __attribute__((noinline)) mach_msg_return_t mach_msg_send(uint64_t msg, mach_msg_option_t option,
				       mach_msg_size_t send_size,
				       mach_msg_timeout_t timeout,
				       struct thread **handoff)
{
	struct ipc_space *space = current_task()->itk_space;
	uint64_t deadline = 0;
	struct ipc_kmsg *kmsg;
	struct ipc_port *dest;
	mach_msg_header_t *h;
	mach_msg_return_t mr;

	if (send_size < sizeof(mach_msg_header_t) || (send_size & 3) != 0)
		return MACH_SEND_MSG_TOO_SMALL;
	if (send_size > IPC_KMSG_SIZE_MAX)
		return MACH_SEND_NO_BUFFER;
	kmsg = ipc_kmsg_alloc(send_size);
	if (kmsg == NULL)
		return MACH_SEND_NO_BUFFER;
	h = &kmsg->ikm_header;
	if (option & MACH_SEND_TIMEOUT)
		deadline = clock_ticks() + clock_ms_to_ticks(timeout);

	for (;;) {
		uint64_t ticks = 0;

		if (copyin((const void *)msg, h, send_size) != 0) {
			ipc_kmsg_free(kmsg);
			return MACH_SEND_INVALID_DATA;
		}
		h->msgh_size = send_size;
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
		/* The queue is full: wait for room, still holding every right. */
		if (option & MACH_SEND_TIMEOUT) {
			uint64_t now = clock_ticks();

			if (now >= deadline) {
				ipc_kmsg_free(kmsg);
				return MACH_SEND_TIMED_OUT;
			}
			ticks = deadline - now;
		}
		mr = ipc_mqueue_wait_room(dest, ticks);
		if (mr != MACH_MSG_SUCCESS) {
			ipc_kmsg_free(kmsg);
			return mr;	/* TIMED_OUT or INTERRUPTED */
		}
	}
	mr = ipc_kmsg_copyin(space, kmsg);
	if (mr != MACH_MSG_SUCCESS) {
		ipc_kmsg_free(kmsg);
		return mr;
	}
	ipc_kmsg_dealloc_ool(current_task(), msg, kmsg);
	*handoff = ipc_mqueue_send(kmsg, (option & MACH_RCV_MSG) != 0);
	return MACH_MSG_SUCCESS;
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
	struct ipc_entry *entry;
	struct ipc_kmsg *kmsg = NULL;
	uint32_t size = 0;
	bool is_pset;
	mach_msg_return_t mr;

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
	ipc_kmsg_copyout(space, task, kmsg);
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
	if (ipc_fastpath_enabled)
		return ipc_fastpath(msg, option, send_size, rcv_size, rcv_name,
				    timeout);
	return mach_msg_general(msg, option, send_size, rcv_size, rcv_name,
				timeout);
}
