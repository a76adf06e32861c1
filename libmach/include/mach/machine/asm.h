/* SPDX-License-Identifier: MIT */
/* <mach/machine/asm.h>: helpers for x86_64 assembly sources (ELF, GNU as). */
#ifndef _MACH_MACHINE_ASM_H_
#define _MACH_MACHINE_ASM_H_

/* Integer arguments of the SysV calling convention. */
#define S_ARG0	%rdi
#define S_ARG1	%rsi
#define S_ARG2	%rdx
#define S_ARG3	%rcx
#define S_ARG4	%r8
#define S_ARG5	%r9
#define B_ARG0	S_ARG0
#define B_ARG1	S_ARG1
#define B_ARG2	S_ARG2
#define B_ARG3	S_ARG3

#define FRAME	pushq %rbp; movq %rsp, %rbp
#define EMARF	leave

#define TEXT_ALIGN	4
#define DATA_ALIGN	3
#define ALIGN		TEXT_ALIGN
#define P2ALIGN(p2)	.p2align p2

/* ELF symbols carry no leading underscore. */
#define EXT(x)		x
#define LEXT(x)		x ## :
#define SEXT(x)		#x
#define LCL(x)		x
#define LCLL(x)		x ## :
#define gLB(n)		n ## :
#define LB(x, n)	n
#define LBb(x, n)	n ## b
#define LBf(x, n)	n ## f

#define ENTRY(x)	.globl EXT(x); .type EXT(x), @function; \
			.p2align TEXT_ALIGN; LEXT(x)
#define ASENTRY(x)	.globl x; .type x, @function; .p2align TEXT_ALIGN; gLB(x)
#define END(x)		.size x, . - x

/* The trap instruction of this ABI (ABI.md: syscall, number in %rax). */
#define SVC		syscall

#endif /* _MACH_MACHINE_ASM_H_ */
