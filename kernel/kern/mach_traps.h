/* SPDX-License-Identifier: MIT */
/*
 * The Mach traps (ABI.md).  locore.S calls mach_trap_table[-rax] with the
 * user's rdi, rsi, rdx, r10, r8, r9; the result goes back in rax.  A
 * trap number outside the table or an unused slot returns
 * KERN_INVALID_ARGUMENT (GNU Mach's kern_invalid).
 *
 * Conditions for every trap: called on the current thread's kernel stack,
 * interrupts disabled; the frame is pcb_user_frame(&current_thread()->pcb).
 */
#ifndef _KERN_MACH_TRAPS_H_
#define _KERN_MACH_TRAPS_H_

#include <stdint.h>
#include <mach/kern_return.h>
#include <mach/port.h>
#include <kern/syscall_sw.h>

/*
 * The table is stored in reverse, MACH_TRAP_SLOT(n) for trap -n, so that
 * locore.S indexes it with the negative trap number itself.  Traps are
 * called with the user's rdi, rsi, rdx (and rcx = r10 for mach_msg_trap,
 * through mach_msg_trap_entry; the others take at most three arguments).
 */
#define MACH_TRAP_SLOT(n)	(MACH_TRAP_TABLE_SIZE - 1 - (n))
extern const void *const mach_trap_table[MACH_TRAP_TABLE_SIZE];
extern void mach_msg_trap_entry(void);

/* mach_trap_invalid: any unused trap number.  Returns KERN_INVALID_ARGUMENT. */
kern_return_t mach_trap_invalid(void);

/*
 * mach_task_self / mach_thread_self / mach_host_self: a send right to the
 * caller's task port, thread port, or the host name port, added to the
 * caller's space: the same name every time, one more user reference each
 * call (as GNU Mach).  MACH_PORT_NULL if the space is full.
 */
mach_port_name_t mach_task_self_trap(void);
mach_port_name_t mach_thread_self_trap(void);
mach_port_name_t mach_host_self_trap(void);

/*
 * mach_reply_port: a new port whose receive right the caller holds under
 * the returned name.  MACH_PORT_NULL when out of names or memory.
 */
mach_port_name_t mach_reply_port_trap(void);

/*
 * mach_print_trap: write a NUL-terminated user string (at most
 * MACH_PRINT_MAX bytes before the NUL) to the console.  Returns
 * KERN_SUCCESS, KERN_INVALID_ADDRESS (unmapped or kernel pointer; nothing
 * printed) or KERN_INVALID_ARGUMENT (no NUL in time; nothing printed).
 */
#define MACH_PRINT_MAX	4096
kern_return_t mach_print_trap(uint64_t string);

/* swtch / swtch_pri: yield; return TRUE if other threads were runnable. */
int swtch_trap(void);
int swtch_pri_trap(int pri);

/*
 * thread_switch_trap: yield, to `thread_name' if it names a runnable thread
 * of the caller's space (otherwise ignored, as GNU Mach).  SWITCH_OPTION_WAIT
 * sleeps `time' ms (rounded up to clock ticks); SWITCH_OPTION_DEPRESS is a
 * plain yield until priorities exist.  Returns KERN_SUCCESS or
 * KERN_INVALID_ARGUMENT for an unknown option.
 */
kern_return_t thread_switch_trap(mach_port_name_t thread_name, int option,
				 uint32_t time);

#endif /* _KERN_MACH_TRAPS_H_ */
