/* SPDX-License-Identifier: MIT */
/*
 * entry.S: entry point of the boot benchmark task.  Its first instruction
 * reads the time stamp counter (under QEMU -icount shift=0: the guest
 * instructions executed since power-on), then it continues into libmach's
 * crt0 with the stack untouched.
 */
	.text
	.globl	bench_start
	.type	bench_start, @function
bench_start:
	rdtsc
	movl	%eax, bench_first_tsc(%rip)
	movl	%edx, bench_first_tsc+4(%rip)
	jmp	_start
	.size	bench_start, . - bench_start

	.bss
	.balign	8
	.globl	bench_first_tsc
bench_first_tsc:
	.zero	8

	.section .note.GNU-stack, "", @progbits
