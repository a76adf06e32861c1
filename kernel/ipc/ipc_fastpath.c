/* SPDX-License-Identifier: MIT */
/*
 * The mach_msg fast path.  Its shapes, with options exactly as shown:
 *
 *  - MACH_SEND_MSG | MACH_RCV_MSG (MACH_SEND_TIMEOUT allowed: these sends
 *    never block), an RPC request: a simple (not COMPLEX) message of 32
 *    to THREAD_FP_MSG_MAX - 8 bytes, a multiple of 8, COPY_SEND to the
 *    destination, MAKE_SEND_ONCE of the reply port, which is also
 *    rcv_name;
 *  - MACH_SEND_MSG | MACH_RCV_MSG, a reply: the same but MOVE_SEND_ONCE to
 *    the destination and no reply port;
 *  - MACH_RCV_MSG alone.
 *
 * The receive (alone or after the send) must be on a port in no set, with
 * nothing queued and nobody else waiting.  The thread then waits with a
 * continuation (machine/pcb.h, as in Mach 3.0): it keeps nothing on its
 * kernel stack, and whoever gives it a message may finish its mach_msg
 * (fp_wait below).
 *
 * A request or reply to a user port goes only to a receiver waiting that
 * way; that hand-off is arch/x86_64/fastpath.S, in assembly.  The message
 * is copied in once, into the sender's ith_fp_msg, and turned there into
 * the form the receiver gets: the destination right is used up by the
 * delivery, the reply port's send-once right goes straight into a free
 * entry of the receiver's space (no reverse lookup, no general right
 * copy).  The sender starts its own wait, loads the receiver's address
 * space, copies the message out to the receiver's buffer and returns to
 * user mode as the receiver: no kmsg, no queue, no scheduling decision, no
 * context switch.
 *
 * Here: the receive half of any mach_msg with no options besides
 * MACH_SEND_MSG | MACH_SEND_TIMEOUT | MACH_RCV_MSG (ipc_fastpath_receive,
 * from the general path), and a request to the mach_port interface of a
 * task port (ipc_fastpath_kernel, from the assembly), which goes straight
 * to the generated demultiplexer and its reply straight to the caller's
 * buffer.
 * When that reply is not simple (rights, out-of-line memory), too big for
 * the buffer, or its reply port changed under it, it is queued the
 * ordinary way and the ordinary receive completes the call.
 *
 * Everything else, and every shape whose checks fail, is declined before
 * anything changes and mach_msg.c does it.  A waiter woken by anything but
 * a fast send (a kmsg from the general path, its port dying, thread_abort)
 * runs ipc_fastpath_continue, which completes the receive the general way.
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
#include <machine/pcb.h>
#include <machine/gdt.h>
#include <ipc/mach_msg.h>
#include "mach_portServer.h"

_Static_assert((THREAD_FP_MSG_MAX & (THREAD_FP_MSG_MAX - 1)) == 0,
	       "fastpath.S's size check masks with THREAD_FP_MSG_MAX - 8");

bool ipc_fastpath_enabled = true;

void ipc_fastpath_disable(void)
{
	ipc_fastpath_enabled = false;
	syscall_set_entry(false);
}

#define FP_REQUEST	MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, \
				       MACH_MSG_TYPE_MAKE_SEND_ONCE)
#define FP_REPLY	MACH_MSGH_BITS(MACH_MSG_TYPE_MOVE_SEND_ONCE, 0)

/* fp_kernel_rpc's results besides a mach_msg return code. */
#define FP_DECLINED	((mach_msg_return_t)-1)
#define FP_QUEUED	((mach_msg_return_t)-2)

union fp_reply {
	mig_reply_header_t	r;
	uint64_t		w[(mach_port_MAX_REPLY_SIZE + 7) / 8];
};


/*
 * The port of a receive right `name' a fast receive can wait on (in no
 * set, nothing queued, nobody waiting), or NULL.
 */
static inline struct ipc_port *fp_rcv_port(struct ipc_space *space,
					   mach_port_name_t name)
{
	struct ipc_entry *re = ipc_entry_lookup(space, name);
	struct ipc_port *rport;

	if (re == NULL || !(re->ie_bits & MACH_PORT_TYPE_RECEIVE))
		return NULL;
	rport = re->ie_object;
	if (rport->ip_pset != NULL || rport->ip_messages.ikmq_head != NULL ||
	    rport->ip_rcv_waiters != NULL)
		return NULL;
	return rport;
}

/*
 * Make the current thread the only receiver waiting on `rport' (checked by
 * fp_rcv_port), with a continuation.  The arguments of its mach_msg are in
 * its trap frame (rdi the buffer, r8 rcv_name).  The caller then leaves
 * its stack for good.  fastpath.S does the same.
 */
static inline void fp_wait(struct thread *self, struct ipc_port *rport,
			   mach_msg_size_t rcv_size)
{
	rport->ip_rcv_waiters = self;
	self->ith_waitq = &rport->ip_rcv_waiters;
	self->ith_rcv_max = rcv_size;
	self->ith_wait_mr = MACH_RCV_IN_PROGRESS;
	self->state = TH_WAIT;
	self->pcb.cont = ipc_fastpath_continue;
}

uint64_t ipc_fastpath_continue(void)
{
	struct thread *self = current_thread();
	struct trap_frame *tf = pcb_user_frame(&self->pcb);
	struct task *task = self->task;
	struct ipc_kmsg *kmsg;
	mach_msg_size_t size;
	mach_msg_return_t mr = self->ith_wait_mr;

	if (mr == MACH_RCV_IN_PROGRESS) {
		ipc_mqueue_unwait(self);
		mr = IPC_MQUEUE_RETRY;
	}
	if (mr == IPC_MQUEUE_RETRY)
		return mach_msg_receive(tf->rdi, MACH_RCV_MSG,
					self->ith_rcv_max,
					(mach_port_name_t)tf->r8, 0, NULL);
	if (mr != MACH_MSG_SUCCESS)
		return mr;
	kmsg = self->ith_kmsg;
	self->ith_kmsg = NULL;
	size = kmsg->ikm_header.msgh_size;
	ipc_kmsg_copyout(task->itk_space, task, kmsg);
	if (copyout(&kmsg->ikm_header, (void *)tf->rdi, size) != 0)
		mr = MACH_RCV_INVALID_DATA;
	ipc_kmsg_free(kmsg);
	return mr;
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
	return FP_QUEUED;
}

/*
 * An RPC to the mach_port interface of a task port: FP_DECLINED (nothing
 * changed), FP_QUEUED (the reply waits on the reply port) or the result.
 */
static mach_msg_return_t fp_kernel_rpc(uint64_t msg, mach_msg_header_t *in,
				       mach_msg_size_t send_size,
				       mach_msg_size_t rcv_size,
				       mach_port_name_t rcv_name,
				       struct ipc_space *space,
				       struct ipc_port *dport,
				       struct ipc_port *rport)
{
	union fp_reply out;
	mach_msg_size_t size;
	mach_msg_return_t mr;

	if ((uint32_t)in->msgh_id - 3200u >= 100u ||
	    dport->ip_kotype != IKOT_TASK)
		return FP_DECLINED;

	/* The request as the server sees it. */
	in->msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_PORT_SEND_ONCE,
				       MACH_MSG_TYPE_PORT_SEND);
	in->msgh_size = send_size;
	in->msgh_remote_port = (uint64_t)(uintptr_t)rport;
	in->msgh_local_port = (uint64_t)(uintptr_t)dport;
	rport->ip_references++;			/* in case the routine kills it */
	(void)mach_port_server(in, &out.r.Head);

	size = out.r.Head.msgh_size;
	if ((out.r.Head.msgh_bits & MACH_MSGH_BITS_COMPLEX) || size > rcv_size ||
	    !rport->ip_active || fp_rcv_port(space, rcv_name) != rport) {
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

uint64_t ipc_fastpath_kernel(struct ipc_port *dport, struct ipc_port *rport)
{
	struct thread *self = current_thread();
	struct trap_frame *tf = pcb_user_frame(&self->pcb);
	uint64_t msg = tf->rdi;
	mach_msg_option_t option = (mach_msg_option_t)tf->rsi;
	mach_msg_size_t send_size = (mach_msg_size_t)tf->rdx;
	mach_msg_size_t rcv_size = (mach_msg_size_t)tf->r10;
	mach_port_name_t rcv_name = (mach_port_name_t)tf->r8;
	mach_msg_return_t mr;

	mr = fp_kernel_rpc(msg, (mach_msg_header_t *)self->ith_fp_msg,
			   send_size, rcv_size, rcv_name, self->task->itk_space,
			   dport, rport);
	if (mr == FP_DECLINED)
		return mach_msg_general(msg, option, send_size, rcv_size,
					rcv_name, (mach_msg_timeout_t)tf->r9);
	if (mr == FP_QUEUED)
		return mach_msg_receive(msg, option, rcv_size, rcv_name, 0,
					NULL);
	return mr;
}

mach_msg_return_t ipc_fastpath_receive(uint64_t msg, mach_msg_option_t option,
				       mach_msg_size_t rcv_size,
				       mach_port_name_t rcv_name,
				       struct thread *handoff)
{
	struct thread *self = current_thread();
	struct trap_frame *tf = pcb_user_frame(&self->pcb);
	struct ipc_port *rport;

	if (!ipc_fastpath_enabled ||
	    (option & ~(mach_msg_option_t)(MACH_SEND_MSG | MACH_SEND_TIMEOUT |
					   MACH_RCV_MSG)) != 0 ||
	    tf->rdi != msg || (mach_port_name_t)tf->r8 != rcv_name)
		return IPC_FASTPATH_DECLINED;
	rport = fp_rcv_port(self->task->itk_space, rcv_name);
	if (rport == NULL)
		return IPC_FASTPATH_DECLINED;
	fp_wait(self, rport, rcv_size);
	if (handoff != NULL)
		sched_handoff_continue(handoff);
	sched_block_continue();
}
