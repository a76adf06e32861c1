/* SPDX-License-Identifier: MIT */
/*
 * exit.c: task exit and abort.
 *
 * exit() calls task_terminate() on the task's own port through the stub
 * mig generates from defs/mach.defs.  On the wire that is exactly the
 * message of the boot contract: a 32-byte header-only request, msgh_bits
 * MACH_MSGH_BITS(COPY_SEND, MAKE_SEND_ONCE), msgh_id 2008, a reply port
 * from mach_reply_port() (mig_get_reply_port), sent with
 * MACH_SEND_MSG|MACH_RCV_MSG.  The kernel ends the task on it, so the call
 * never returns; if it does, the error is printed and the task ends with
 * a fault instead, which the kernel also reports.
 */
#include <stdio.h>
#include <stdlib.h>

#include <mach/mach_interface.h>

#include "runtime/mach_rt.h"

_Noreturn static void
die_by_fault(void)
{
	for (;;)
		__asm__ volatile("ud2");
}

_Noreturn void
exit(int status)
{
	kern_return_t kr;

	(void)status;		/* Mach tasks have no exit status */
	__libmach_stdout_flush();
	kr = task_terminate(mach_task_self());
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
