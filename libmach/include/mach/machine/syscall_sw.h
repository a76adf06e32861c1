/* SPDX-License-Identifier: MIT */
/*
 * <mach/machine/syscall_sw.h>: how a user-space trap stub looks on x86_64.
 * In an assembly file of a user task (not the kernel) it defines
 * kernel_trap() as a stub unless the includer has its own: load the
 * number into %rax, move the fourth argument from %rcx (C convention) to
 * %r10 (trap convention, as `syscall` clobbers %rcx), trap, return.
 */
#ifndef _MACH_MACHINE_SYSCALL_SW_H_
#define _MACH_MACHINE_SYSCALL_SW_H_

#if defined(__ASSEMBLER__) && !defined(KERNEL) && !defined(kernel_trap)
#include <mach/machine/asm.h>

#define kernel_trap(trap_name, trap_number, number_args) \
	ENTRY(trap_name)				\
	movq	%rcx, %r10;				\
	movq	$ trap_number, %rax;			\
	SVC;						\
	ret;						\
	END(trap_name)
#endif

#endif /* _MACH_MACHINE_SYSCALL_SW_H_ */
