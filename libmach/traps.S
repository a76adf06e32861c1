/* SPDX-License-Identifier: MIT */
/*
 * traps.S: the Mach trap stubs (ABI.md, "Traps").
 *
 * `syscall` with the (negative) trap number in %rax and the arguments in
 * %rdi, %rsi, %rdx, %r10, %r8, %r9.  A C call passes the fourth argument
 * in %rcx, which `syscall` overwrites with the return address, so it moves
 * to %r10.  A seventh argument (mach_msg_trap's notify) stays where the C
 * caller put it: on the user stack just above the return address, i.e. at
 * 8(%rsp) when `syscall` executes, since the stub pushes nothing.
 * The kernel returns the result in %rax; %rcx and %r11 are clobbered,
 * which the C calling convention allows.  Stubs of traps with three
 * arguments or fewer skip the %rcx move: the null trap stays short.
 */

	.macro	mach_trap name, number, nargs
	.text
	.globl	\name
	.type	\name, @function
	.balign	16
\name:
	.if	\nargs >= 4
	movq	%rcx, %r10
	.endif
	movq	$\number, %rax		/* sign-extended: %rax is negative */
	syscall
	ret
	.size	\name, . - \name
	.endm

/* One stub per trap of <mach/syscall_sw.h>'s table. */
#define kernel_trap(name, number, nargs) mach_trap name, number, nargs;
#include <mach/syscall_sw.h>

	.section .note.GNU-stack, "", @progbits
