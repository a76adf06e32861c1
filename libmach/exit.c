/* SPDX-License-Identifier: MIT */
/*
 * exit.c: task exit and abort.
 *
 * Until the kernel serves the mach interface through MIG, exit() sends the
 * one message the boot contract defines: a header-only task_terminate
 * request (msgh_id 2008) to the task's own task port.  The kernel ends the
 * task on it, so the trap never returns; if it does, the error is printed
 * and the task ends with a fault instead, which the kernel also reports.
 */
#include <stdio.h>
#include <stdlib.h>

#include "runtime/mach_rt.h"

#define TASK_TERMINATE_ID 2008	/* mach.defs: subsystem mach 2000, routine 8 */

_Noreturn static void
die_by_fault(void)
{
	for (;;)
		__asm__ volatile("ud2");
}

_Noreturn void
exit(int status)
{
	mach_msg_header_t req = { 0 };
	union {
		mach_msg_header_t head;
		char space[64];
	} reply;
	mach_port_t reply_port;
	kern_return_t kr;

	(void)status;		/* Mach tasks have no exit status */
	__libmach_stdout_flush();
	reply_port = mach_reply_port();
	req.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND,
				       MACH_MSG_TYPE_MAKE_SEND_ONCE);
	req.msgh_size = sizeof req;
	req.msgh_remote_port = mach_task_self();
	req.msgh_local_port = reply_port;
	req.msgh_id = TASK_TERMINATE_ID;
	kr = mach_msg_trap(&req, MACH_SEND_MSG | MACH_RCV_MSG, sizeof req,
			   sizeof reply, reply_port, MACH_MSG_TIMEOUT_NONE,
			   MACH_PORT_NULL);
	printf("libmach: task_terminate returned 0x%x\n", (unsigned)kr);
	__libmach_stdout_flush();
	die_by_fault();
}

_Noreturn void
abort(void)
{
	__libmach_stdout_flush();
	printf("libmach: abort\n");
	__libmach_stdout_flush();
	die_by_fault();
}
