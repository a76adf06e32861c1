/* SPDX-License-Identifier: MIT */
/*
 * The mach_msg fast path.  It takes two shapes of simple (not COMPLEX)
 * messages of at most IPC_FASTPATH_MAX bytes with options exactly
 * MACH_SEND_MSG [| MACH_RCV_MSG]:
 *
 *  - an RPC request: COPY_SEND to the destination, MAKE_SEND_ONCE of the
 *    reply port, which is also rcv_name (a port in no set, with nothing
 *    queued and no other receiver);
 *  - a reply: MOVE_SEND_ONCE, no reply port.
 *
 * To a kernel port (the mach_port interface of a task port), the request
 * goes straight to the generated demultiplexer and the reply straight to
 * the caller's buffer: no kmsg, no send-once right, no queue.  To a user
 * port with a receiver already waiting, the message is handed to that
 * receiver and the caller switches to it (sched_switch_direct: no run
 * queue, no scheduling decision) while it waits for its reply.
 *
 * When that receiver waits here too (thread->ith_fp_direct), there is no
 * kmsg either: the sender writes the message, in the form the receiver
 * gets it, into the receiver's thread (ith_fp_msg), gives the request's
 * send-once right its name in the receiver's space at once (an entry off
 * the free list: no reverse lookup, no general right copy), and the
 * receiver copies the message out when it runs.  A receiver in the
 * ordinary receive gets a kmsg from the sender thread's cache instead.
 *
 * Everything else, and every shape whose checks fail, is declined before
 * anything changes (IPC_FASTPATH_DECLINED) and mach_msg.c does it.  When a
 * kernel routine's reply is not simple (rights, out-of-line memory), too
 * big for the buffer, or its reply port changed under it, the reply is
 * queued the ordinary way and the ordinary receive completes the call.
 */
#include <stddef.h>
#include <ipc/ipc_fastpath.h>
#include <ipc/ipc_space.h>
#include <ipc/ipc_port.h>
#include <ipc/ipc_kmsg.h>
#include <ipc/ipc_mqueue.h>
#include <ipc/ipc_right.h>
#include <kern/ipc_kobject.h>
#include <kern/task.h>
#include <kern/sched.h>
#include <kern/kstring.h>
#include <mach/mig_errors.h>
#include <machine/copyio.h>
#include <ipc/mach_msg.h>
#include "mach_portServer.h"

#define IPC_FASTPATH_MAX	256

_Static_assert(IPC_FASTPATH_MAX <= THREAD_FP_MSG_MAX,
	       "a fast message fits the receiver's ith_fp_msg");

bool ipc_fastpath_enabled = true;

#define FP_REQUEST	MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, \
				       MACH_MSG_TYPE_MAKE_SEND_ONCE)
#define FP_REPLY	MACH_MSGH_BITS(MACH_MSG_TYPE_MOVE_SEND_ONCE, 0)

union fp_buf {
	mach_msg_header_t	h;
	uint64_t		w[IPC_FASTPATH_MAX / 8];
};

union fp_reply {
	mig_reply_header_t	r;
	uint64_t		w[(mach_port_MAX_REPLY_SIZE + 7) / 8];
};

/* The entry `name' denotes, generation checked (type not checked). */
static inline struct ipc_entry *fp_entry(struct ipc_space *space,
					 mach_port_name_t name)
{
	uint32_t index = MACH_PORT_INDEX(name);
	struct ipc_entry *entry;

	if (index >= space->is_table_size)
		return NULL;
	entry = &space->is_table[index];
	if (IE_BITS_GEN(entry->ie_bits) != MACH_PORT_GEN(name))
		return NULL;
	return entry;
}

/*
 * The kernel's reply could not be given directly: queue it on the reply
 * port with a real send-once right; the ordinary receive takes it.
 */
static mach_msg_return_t fp_kernel_reply_slow(struct ipc_port *rport,
					      union fp_reply *out)
{
	mach_msg_size_t size = out->r.Head.msgh_size;
	struct ipc_kmsg *kmsg = ipc_kmsg_alloc(size);

	if (kmsg == NULL)
		return MACH_RCV_TOO_LARGE;	/* no memory: the reply is lost */
	memcpy(&kmsg->ikm_header, out, size);
	ipc_port_make_sonce(rport);
	kmsg->ikm_header.msgh_remote_port = (uint64_t)(uintptr_t)rport;
	kmsg->ikm_header.msgh_local_port = 0;
	ipc_kmsg_copyin_from_kernel(kmsg);
	ipc_mqueue_send(kmsg, false);
	return IPC_FASTPATH_SENT;
}

/* An RPC to the mach_port interface of a task port. */
static mach_msg_return_t fp_kernel_rpc(uint64_t msg, union fp_buf *in,
				       mach_msg_size_t send_size,
				       mach_msg_size_t rcv_size,
				       mach_port_name_t rcv_name,
				       struct ipc_space *space,
				       struct ipc_entry *re,
				       struct ipc_port *dport,
				       struct ipc_port *rport)
{
	union fp_reply out;
	mach_msg_size_t size;
	mach_msg_return_t mr;

	if ((uint32_t)in->h.msgh_id - 3200u >= 100u ||
	    dport->ip_kotype != IKOT_TASK)
		return IPC_FASTPATH_DECLINED;

	/* The request as the server sees it. */
	in->h.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_PORT_SEND_ONCE,
					 MACH_MSG_TYPE_PORT_SEND);
	in->h.msgh_size = send_size;
	in->h.msgh_remote_port = (uint64_t)(uintptr_t)rport;
	in->h.msgh_local_port = (uint64_t)(uintptr_t)dport;
	rport->ip_references++;			/* in case the routine kills it */
	(void)mach_port_server(&in->h, &out.r.Head);

	size = out.r.Head.msgh_size;
	if ((out.r.Head.msgh_bits & MACH_MSGH_BITS_COMPLEX) || size > rcv_size ||
	    !rport->ip_active || fp_entry(space, rcv_name) != re ||
	    re->ie_object != rport || !(re->ie_bits & MACH_PORT_TYPE_RECEIVE) ||
	    rport->ip_messages.ikmq_head != NULL || rport->ip_pset != NULL) {
		mr = fp_kernel_reply_slow(rport, &out);
		ipc_port_release(rport);
		return mr;
	}
	rport->ip_references--;			/* not the last: the entry's */
	out.r.Head.msgh_bits = MACH_MSGH_BITS(0, MACH_MSG_TYPE_PORT_SEND_ONCE);
	out.r.Head.msgh_remote_port = MACH_PORT_NULL;
	out.r.Head.msgh_local_port = rcv_name;
	out.r.Head.msgh_seqno = rport->ip_seqno++;
	if (copyout(&out, (void *)msg, size) != 0)
		return MACH_RCV_INVALID_DATA;
	return MACH_MSG_SUCCESS;
}

/*
 * The receive half after a user send: wait on the reply port here and
 * give the message to the caller directly when it is simple; anything
 * else goes back to the ordinary receive (IPC_FASTPATH_SENT).
 */
static mach_msg_return_t fp_receive(uint64_t msg, mach_msg_size_t rcv_size,
				    struct ipc_space *space,
				    struct ipc_port *rport,
				    struct thread **handoff)
{
	struct thread *self = current_thread();
	struct ipc_kmsg *kmsg;
	mach_msg_header_t *h;
	struct ipc_port *dest, *reply;
	mach_msg_type_name_t dtype, rtype;
	mach_port_name_t rname = MACH_PORT_NULL;
	mach_msg_return_t mr;

	/* ipc_mqueue_wait_port, for the port's only receiver (checked) and
	 * a receiver just woken by our send, switched to directly. */
	self->ith_wait_next = NULL;
	self->ith_waitq = &rport->ip_rcv_waiters;
	rport->ip_rcv_waiters = self;
	self->ith_rcv_max = rcv_size;
	self->ith_wait_mr = MACH_RCV_IN_PROGRESS;
	self->ith_kmsg = NULL;
	self->ith_fp_size = 0;
	self->ith_fp_direct = true;
	self->state = TH_WAIT;
	sched_switch_direct(*handoff);
	*handoff = NULL;
	self->ith_fp_direct = false;
	mr = self->ith_wait_mr;
	if (mr == MACH_RCV_IN_PROGRESS) {
		ipc_mqueue_unwait(self);
		mr = IPC_MQUEUE_RETRY;
	}
	if (mr == IPC_MQUEUE_RETRY)
		return IPC_FASTPATH_SENT;
	if (mr != MACH_MSG_SUCCESS)
		return mr;
	if (self->ith_fp_size != 0) {
		/* A direct message: rights already in our space. */
		mach_msg_size_t size = self->ith_fp_size;

		self->ith_fp_size = 0;
		return copyout(self->ith_fp_msg, (void *)msg, size) != 0 ?
		       MACH_RCV_INVALID_DATA : MACH_MSG_SUCCESS;
	}
	kmsg = self->ith_kmsg;
	self->ith_kmsg = NULL;
	h = &kmsg->ikm_header;
	dest = (struct ipc_port *)(uintptr_t)h->msgh_remote_port;
	if ((h->msgh_bits & MACH_MSGH_BITS_COMPLEX) || !dest->ip_active ||
	    dest->ip_receiver != space || dest->ip_references < 2) {
		/* Anything unusual: the ordinary copyout. */
		ipc_kmsg_copyout(space, self->task, kmsg);
	} else {
		reply = (struct ipc_port *)(uintptr_t)h->msgh_local_port;
		dtype = MACH_MSGH_BITS_REMOTE(h->msgh_bits);
		rtype = reply != NULL ? MACH_MSGH_BITS_LOCAL(h->msgh_bits) : 0;
		/* The destination right is used up by the delivery; the
		 * receive right keeps the port referenced. */
		if (dtype == MACH_MSG_TYPE_PORT_SEND_ONCE) {
			dest->ip_sorights--;
			dest->ip_references--;
		} else if (dest->ip_srights > 1) {
			dest->ip_srights--;
			dest->ip_references--;
		} else {
			ipc_port_release_send(dest);
		}
		if (reply != NULL)
			ipc_right_copyout(space, reply, rtype, &rname);
		h->msgh_bits = MACH_MSGH_BITS(rtype, dtype);
		h->msgh_remote_port = rname;
		h->msgh_local_port = dest->ip_receiver_name;
	}
	mr = copyout(h, (void *)msg, h->msgh_size) != 0 ?
	     MACH_RCV_INVALID_DATA : MACH_MSG_SUCCESS;
	ipc_kmsg_free(kmsg);
	return mr;
}

/*
 * A simple message straight to a receiver waiting in the fast receive on
 * `dport' (no set): the message goes into the receiver's ith_fp_msg in the
 * form it receives it, the send-once right of a request (rport non-NULL:
 * COPY_SEND + MAKE_SEND_ONCE) gets its name in the receiver's space now,
 * a reply's (MOVE_SEND_ONCE) right is used up by the delivery.  The caller
 * checked everything: this cannot fail.
 */
static void fp_direct_send(const union fp_buf *in, mach_msg_size_t size,
			   struct ipc_space *space, mach_port_name_t dname,
			   struct ipc_entry *de, struct ipc_port *dport,
			   struct ipc_port *rport, struct thread *receiver)
{
	struct ipc_space *rspace = receiver->task->itk_space;
	mach_msg_header_t *h = (mach_msg_header_t *)receiver->ith_fp_msg;
	uint32_t n = size / 8;

	for (uint32_t i = 4; i < n; i++)	/* the body; the header below */
		receiver->ith_fp_msg[i] = in->w[i];
	if (rport != NULL) {
		/* COPY_SEND made and used up by the delivery: no change.
		 * MAKE_SEND_ONCE, copied out into the receiver's space. */
		uint32_t index = rspace->is_free;	/* checked non-zero */
		struct ipc_entry *e = &rspace->is_table[index];
		uint32_t gen = IE_BITS_GEN(e->ie_bits) + IE_BITS_GEN_ONE;

		/* ipc_entry_alloc without the table growth. */
		rspace->is_free = e->ie_next;
		rspace->is_count++;
		e->ie_next = 0;
		e->ie_object = rport;
		e->ie_bits = gen | MACH_PORT_TYPE_SEND_ONCE | 1;
		rport->ip_sorights++;
		rport->ip_references++;
		h->msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_PORT_SEND_ONCE,
					      MACH_MSG_TYPE_PORT_SEND);
		h->msgh_remote_port = MACH_PORT_MAKE(index, gen);
	} else {
		/* MOVE_SEND_ONCE: the right leaves our space and is used up
		 * by the delivery; the receive right keeps the port. */
		ipc_entry_dealloc(space, dname, de);
		dport->ip_sorights--;
		dport->ip_references--;
		h->msgh_bits = MACH_MSGH_BITS(0, MACH_MSG_TYPE_PORT_SEND_ONCE);
		h->msgh_remote_port = MACH_PORT_NULL;
	}
	h->msgh_size = size;
	h->msgh_local_port = dport->ip_receiver_name;
	h->msgh_seqno = dport->ip_seqno++;
	h->msgh_id = in->h.msgh_id;
	receiver->ith_fp_size = size;
	/* ipc_mqueue_deliver for the first waiter of a port in no set,
	 * with no timeout (checked): off the list, runnable, not queued. */
	dport->ip_rcv_waiters = receiver->ith_wait_next;
	receiver->ith_waitq = NULL;
	receiver->ith_wait_next = NULL;
	receiver->ith_kmsg = NULL;
	receiver->ith_wait_mr = MACH_MSG_SUCCESS;
	receiver->state = TH_RUN;
}

/*
 * The fast path proper: the whole mach_msg (its result), only its send
 * (IPC_FASTPATH_SENT, *handoff a receiver to run while the caller waits,
 * or NULL), or nothing (IPC_FASTPATH_DECLINED, nothing changed).
 */
static inline __attribute__((always_inline)) mach_msg_return_t
fp_try(uint64_t msg, mach_msg_option_t option, mach_msg_size_t send_size,
       mach_msg_size_t rcv_size, mach_port_name_t rcv_name,
       struct thread **handoff)
{
	struct ipc_space *space = current_task()->itk_space;
	struct ipc_entry *de, *re = NULL;
	struct ipc_port *dport, *rport = NULL;
	mach_port_name_t dname;
	struct ipc_kmsg *kmsg;
	struct thread *receiver;
	union fp_buf in;
	bool request;

	if ((option & ~(mach_msg_option_t)MACH_RCV_MSG) != MACH_SEND_MSG ||
	    send_size < sizeof(mach_msg_header_t) ||
	    send_size > IPC_FASTPATH_MAX || (send_size & 7) != 0)
		return IPC_FASTPATH_DECLINED;
	if (copyin((const void *)msg, &in, send_size) != 0)
		return IPC_FASTPATH_DECLINED;
	dname = (mach_port_name_t)in.h.msgh_remote_port;
	de = fp_entry(space, dname);
	if (de == NULL)
		return IPC_FASTPATH_DECLINED;
	dport = de->ie_object;

	if (in.h.msgh_bits == FP_REQUEST) {
		if (!(option & MACH_RCV_MSG) ||
		    (mach_port_name_t)in.h.msgh_local_port != rcv_name ||
		    !(de->ie_bits & MACH_PORT_TYPE_SEND) || !dport->ip_active)
			return IPC_FASTPATH_DECLINED;
		re = fp_entry(space, rcv_name);
		if (re == NULL || !(re->ie_bits & MACH_PORT_TYPE_RECEIVE))
			return IPC_FASTPATH_DECLINED;
		rport = re->ie_object;
		if (rport == dport || rport->ip_pset != NULL ||
		    rport->ip_messages.ikmq_head != NULL ||
		    rport->ip_rcv_waiters != NULL)
			return IPC_FASTPATH_DECLINED;
		if (dport->ip_receiver == IPC_SPACE_KERNEL)
			return fp_kernel_rpc(msg, &in, send_size, rcv_size,
					     rcv_name, space, re, dport, rport);
		request = true;
	} else if (in.h.msgh_bits == FP_REPLY &&
		   (mach_port_name_t)in.h.msgh_local_port == MACH_PORT_NULL) {
		if ((de->ie_bits & (IE_BITS_TYPE_MASK | IE_BITS_DNREQUEST)) !=
		    MACH_PORT_TYPE_SEND_ONCE || !dport->ip_active ||
		    dport->ip_receiver == IPC_SPACE_KERNEL)
			return IPC_FASTPATH_DECLINED;
		request = false;
	} else {
		return IPC_FASTPATH_DECLINED;
	}

	/* A user port: only with a receiver waiting that can take it. */
	receiver = dport->ip_pset == NULL ? dport->ip_rcv_waiters :
					    ipc_mqueue_waiter(dport);
	if (receiver == NULL || receiver->ith_rcv_max < send_size)
		return IPC_FASTPATH_DECLINED;
	if (receiver->ith_fp_direct && dport->ip_pset == NULL &&
	    receiver->wakeup_tick == 0 &&
	    receiver->ith_wait_mr == MACH_RCV_IN_PROGRESS &&
	    receiver->task != NULL &&
	    dport->ip_receiver == receiver->task->itk_space &&
	    receiver->task->itk_space->is_active &&
	    (!request || receiver->task->itk_space->is_free != 0)) {
		fp_direct_send(&in, send_size, space, dname, de, dport,
			       request ? rport : NULL, receiver);
		goto sent;
	}
	kmsg = ipc_kmsg_alloc(send_size);
	if (kmsg == NULL)
		return IPC_FASTPATH_DECLINED;

	/* Nothing can fail from here on. */
	memcpy(&kmsg->ikm_header, &in, send_size);
	kmsg->ikm_header.msgh_size = send_size;
	kmsg->ikm_header.msgh_remote_port = (uint64_t)(uintptr_t)dport;
	if (request) {
		dport->ip_srights++;		/* COPY_SEND */
		dport->ip_references++;
		ipc_port_make_sonce(rport);
		kmsg->ikm_header.msgh_bits =
			MACH_MSGH_BITS(MACH_MSG_TYPE_PORT_SEND,
				       MACH_MSG_TYPE_PORT_SEND_ONCE);
		kmsg->ikm_header.msgh_local_port = (uint64_t)(uintptr_t)rport;
	} else {
		/* MOVE_SEND_ONCE: the entry's right and reference move. */
		ipc_entry_dealloc(space, dname, de);
		kmsg->ikm_header.msgh_bits =
			MACH_MSGH_BITS(MACH_MSG_TYPE_PORT_SEND_ONCE, 0);
		kmsg->ikm_header.msgh_local_port = 0;
	}
	kmsg->ikm_header.msgh_seqno = dport->ip_seqno++;
	ipc_mqueue_deliver(receiver, kmsg);
sent:
	if (!(option & MACH_RCV_MSG)) {
		sched_setrun(receiver);
		return MACH_MSG_SUCCESS;
	}
	*handoff = receiver;

	/* The receive: on our own port alone, wait here. */
	if (!request) {
		re = fp_entry(space, rcv_name);
		if (re == NULL || !(re->ie_bits & MACH_PORT_TYPE_RECEIVE))
			return IPC_FASTPATH_SENT;
		rport = re->ie_object;
		if (rport->ip_pset != NULL ||
		    rport->ip_messages.ikmq_head != NULL ||
		    rport->ip_rcv_waiters != NULL)
			return IPC_FASTPATH_SENT;
	}
	return fp_receive(msg, rcv_size, space, rport, handoff);
}

mach_msg_return_t ipc_fastpath(uint64_t msg, mach_msg_option_t option,
			       mach_msg_size_t send_size,
			       mach_msg_size_t rcv_size,
			       mach_port_name_t rcv_name,
			       mach_msg_timeout_t timeout)
{
	struct thread *handoff = NULL;
	mach_msg_return_t mr;

	mr = fp_try(msg, option, send_size, rcv_size, rcv_name, &handoff);
	if (__builtin_expect(mr == IPC_FASTPATH_DECLINED, 0))
		return mach_msg_general(msg, option, send_size, rcv_size,
					rcv_name, timeout);
	if (mr == IPC_FASTPATH_SENT)
		return mach_msg_receive(msg, option, rcv_size, rcv_name,
					timeout, handoff);
	return mr;
}
