/* SPDX-License-Identifier: MIT */
/* mach_msg_trap: the task_terminate request only (see mach_msg.h). */
#include <stddef.h>
#include <stdbool.h>
#include <ipc/mach_msg.h>
#include <ipc/ipc_right.h>
#include <ipc/ipc_port.h>
#include <kern/task.h>
#include <kern/clock.h>
#include <machine/copyio.h>
#include <machine/pcb.h>

/* The MIG reply to a routine with no out arguments: header + RetCode. */
struct mig_reply_error {
	mach_msg_header_t	head;
	uint32_t		ret_code_type[2];	/* 8-byte descriptor */
	int32_t			ret_code;
	uint32_t		pad;
};

_Static_assert(sizeof(struct mig_reply_error) == 48, "reply is 48 bytes");

#define MACH_MSG_TYPE_INTEGER_32	2
#define MIG_REPLY_ID_OFFSET		100

static bool msg_type_is_right(unsigned t)
{
	return t >= MACH_MSG_TYPE_MOVE_RECEIVE && t <= MACH_MSG_TYPE_MAKE_SEND_ONCE;
}

/* Receive with nothing sendable yet: time out, or wait forever. */
static mach_msg_return_t mach_msg_receive_nothing(mach_msg_option_t option,
						  mach_msg_timeout_t timeout)
{
	if (option & MACH_RCV_TIMEOUT) {
		if (timeout != 0)
			clock_sleep(clock_ms_to_ticks(timeout));
		return MACH_RCV_TIMED_OUT;
	}
	clock_sleep(0);
	return MACH_RCV_INTERRUPTED;		/* not reached yet */
}

mach_msg_return_t mach_msg_trap(uint64_t msg, mach_msg_option_t option,
				mach_msg_size_t send_size,
				mach_msg_size_t rcv_size,
				mach_port_name_t rcv_name,
				mach_msg_timeout_t timeout)
{
	struct ipc_space *space = current_task()->itk_space;
	struct trap_frame *tf = pcb_user_frame(&current_thread()->pcb);
	mach_msg_header_t hdr;
	struct ipc_port *dest, *reply = NULL, *rcv_port;
	uint64_t notify;
	unsigned rbits, lbits;
	struct task *target;

	/* The 7th argument, above the user stub's return address. */
	if (copyin((const void *)(tf->rsp + 8), &notify, sizeof(notify)) != 0)
		notify = 0;
	(void)notify;				/* no notifications yet */

	if (!(option & MACH_SEND_MSG)) {
		if (!(option & MACH_RCV_MSG))
			return MACH_MSG_SUCCESS;
		if (ipc_right_lookup_receive(space, rcv_name, &rcv_port) !=
		    KERN_SUCCESS)
			return MACH_RCV_INVALID_NAME;
		return mach_msg_receive_nothing(option, timeout);
	}

	/* Validate the send. */
	if (send_size < sizeof(mach_msg_header_t) || (send_size & 3) != 0)
		return MACH_SEND_MSG_TOO_SMALL;
	if (send_size > MACH_MSG_SIZE_MAX)
		return MACH_SEND_NO_BUFFER;
	if (copyin((const void *)msg, &hdr, sizeof(hdr)) != 0)
		return MACH_SEND_INVALID_DATA;
	rbits = MACH_MSGH_BITS_REMOTE(hdr.msgh_bits);
	lbits = MACH_MSGH_BITS_LOCAL(hdr.msgh_bits);
	if (!msg_type_is_right(rbits) ||
	    (lbits != 0 && !msg_type_is_right(lbits)))
		return MACH_SEND_INVALID_HEADER;
	if ((rbits != MACH_MSG_TYPE_COPY_SEND && rbits != MACH_MSG_TYPE_MOVE_SEND) ||
	    ipc_right_lookup_send(space, (mach_port_name_t)hdr.msgh_remote_port,
				  &dest) != KERN_SUCCESS)
		return MACH_SEND_INVALID_DEST;
	if (!dest->ip_active || dest->ip_kotype != IKOT_TASK ||
	    hdr.msgh_id != MACH_TASK_TERMINATE_ID)
		return MACH_SEND_INVALID_DEST;
	if ((mach_port_name_t)hdr.msgh_local_port != MACH_PORT_NULL) {
		if ((lbits != MACH_MSG_TYPE_MAKE_SEND_ONCE &&
		     lbits != MACH_MSG_TYPE_MAKE_SEND) ||
		    ipc_right_lookup_receive(space,
					     (mach_port_name_t)hdr.msgh_local_port,
					     &reply) != KERN_SUCCESS)
			return MACH_SEND_INVALID_REPLY;
	}
	target = dest->ip_kobject;

	/* Validate the receive of the reply, when there is one to get. */
	bool want_reply = (option & MACH_RCV_MSG) && target != current_task();

	if (want_reply) {
		if (ipc_right_lookup_receive(space, rcv_name, &rcv_port) !=
		    KERN_SUCCESS)
			return MACH_RCV_INVALID_NAME;
		if (rcv_port == reply && rcv_size < sizeof(struct mig_reply_error))
			return MACH_RCV_TOO_LARGE;
	}

	/* Act. */
	task_terminate(target);			/* no return for our own task */
	if (!want_reply)
		return MACH_MSG_SUCCESS;
	if (rcv_port != reply)
		return mach_msg_receive_nothing(option, timeout);

	struct mig_reply_error r = {
		.head = {
			.msgh_bits = MACH_MSGH_BITS(0, MACH_MSG_TYPE_MOVE_SEND_ONCE),
			.msgh_size = sizeof(r),
			.msgh_remote_port = MACH_PORT_NULL,
			.msgh_local_port = rcv_name,
			.msgh_seqno = reply->ip_seqno++,
			.msgh_id = MACH_TASK_TERMINATE_ID + MIG_REPLY_ID_OFFSET,
		},
		.ret_code_type = {
			MACH_MSG_TYPE_INTEGER_32 | (32U << 8) | (1U << 29), 1
		},
		.ret_code = KERN_SUCCESS,
		.pad = 0,
	};

	if (copyout(&r, (void *)msg, sizeof(r)) != 0)
		return MACH_RCV_INVALID_DATA;
	return MACH_MSG_SUCCESS;
}
