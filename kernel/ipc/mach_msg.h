/* SPDX-License-Identifier: MIT */
/*
 * mach_msg_trap, before general message passing exists (the IPC issue).
 *
 * What it does now:
 *  - a send to a task port (a send right in the caller's space to a kernel
 *    port of type IKOT_TASK) with msgh_id 2008 (task_terminate) terminates
 *    that task.  For the caller's own task it does not return.  For another
 *    task, with MACH_RCV_MSG on the reply port named as msgh_local_port, the
 *    kernel writes the MIG reply (id 2108, RetCode KERN_SUCCESS) into the
 *    receive buffer;
 *  - a receive with no send: no message can arrive yet, so it returns
 *    MACH_RCV_TIMED_OUT after the timeout with MACH_RCV_TIMEOUT, and blocks
 *    forever without it (as Mach would).
 *
 * Errors, checked before anything is done:
 *  MACH_SEND_MSG_TOO_SMALL	send_size < 32 or not a multiple of 4
 *  MACH_SEND_NO_BUFFER		send_size > MACH_MSG_SIZE_MAX
 *  MACH_SEND_INVALID_DATA	the header cannot be read
 *  MACH_SEND_INVALID_HEADER	a disposition that is not a port right type
 *  MACH_SEND_INVALID_DEST	dest is not a send right of the caller, not
 *				a task port, or the msgh_id is not 2008:
 *				no kernel server answers anything else yet
 *  MACH_SEND_INVALID_REPLY	msgh_local_port is not a receive right
 *				(for MAKE_SEND_ONCE / MAKE_SEND)
 *  MACH_RCV_INVALID_NAME	rcv_name is not a receive right
 *  MACH_RCV_TOO_LARGE		the reply does not fit in rcv_size
 *  MACH_RCV_INVALID_DATA	the reply cannot be written
 */
#ifndef _IPC_MACH_MSG_H_
#define _IPC_MACH_MSG_H_

#include <stdint.h>
#include <mach/message.h>

#define MACH_MSG_SIZE_MAX	(1024 * 1024)
#define MACH_TASK_TERMINATE_ID	2008	/* mach.defs: task_terminate */

/*
 * mach_msg_trap: the 7th argument (notify) is read from the user stack at
 * the trap frame's rsp + 8.
 */
mach_msg_return_t mach_msg_trap(uint64_t msg, mach_msg_option_t option,
				mach_msg_size_t send_size,
				mach_msg_size_t rcv_size,
				mach_port_name_t rcv_name,
				mach_msg_timeout_t timeout);

#endif /* _IPC_MACH_MSG_H_ */
