/* SPDX-License-Identifier: MIT */
/*
 * stdlib.h: process exit of libmach's freestanding C runtime.
 */
#ifndef _LIBMACH_STDLIB_H_
#define _LIBMACH_STDLIB_H_

#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

/*
 * exit: flush the console line buffer and terminate the calling task
 * (a task_terminate request to mach_task_self()).  The status is not
 * reported anywhere yet: Mach tasks have no exit status.
 */
_Noreturn void exit(int status);

/* abort: flush, print "libmach: abort" and end the task with a fault. */
_Noreturn void abort(void);

#endif /* _LIBMACH_STDLIB_H_ */
