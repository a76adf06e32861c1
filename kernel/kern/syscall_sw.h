/* SPDX-License-Identifier: MIT */
/* Trap numbers (ABI.md): negated, they index mach_trap_table.  The same
 * values as libmach's <mach/syscall_sw.h> (checked in mach_traps.c). */
#ifndef _KERN_SYSCALL_SW_H_
#define _KERN_SYSCALL_SW_H_

#define MACH_MSG_TRAP_NUM		25
#define MACH_REPLY_PORT_NUM		26
#define MACH_THREAD_SELF_NUM		27
#define MACH_TASK_SELF_NUM		28
#define MACH_HOST_SELF_NUM		29
#define MACH_PRINT_NUM			30
#define SWTCH_PRI_NUM			59
#define SWTCH_NUM			60
#define THREAD_SWITCH_NUM		61
#define MACH_TRAP_TABLE_SIZE		62

#endif /* _KERN_SYSCALL_SW_H_ */
