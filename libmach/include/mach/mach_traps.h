/* SPDX-License-Identifier: MIT */
/*
 * <mach/mach_traps.h>: C prototypes of the traps a user task calls
 * directly (numbers in <mach/syscall_sw.h>; mach_msg_trap is in
 * <mach/message.h>).  Each is a real function, not a cached variable.
 */
#ifndef _MACH_MACH_TRAPS_H_
#define _MACH_MACH_TRAPS_H_

#include <mach/port.h>
#include <mach/kern_return.h>
#include <mach/message.h>

#ifndef KERNEL

/* A fresh receive right, for use as a reply port. */
extern mach_port_t mach_reply_port(void);

/* Send rights to the calling thread, task and host (new user reference). */
extern mach_port_t mach_thread_self(void);
extern mach_port_t mach_task_self(void);
extern mach_port_t mach_host_self(void);

/* Print a NUL-terminated string on the kernel console (debugging). */
extern kern_return_t mach_print(const char *string);

/* Yield the processor; TRUE if other threads were waiting to run. */
extern boolean_t swtch(void);
extern boolean_t swtch_pri(int priority);

/* Hand the processor to a thread (SWITCH_OPTION_*, time in ms). */
extern kern_return_t thread_switch(mach_port_t thread, int option,
				   mach_msg_timeout_t option_time);

/* Event counters. */
extern kern_return_t evc_wait(natural_t event);
extern kern_return_t evc_wait_clear(natural_t event);

#endif /* !KERNEL */

#endif /* _MACH_MACH_TRAPS_H_ */
