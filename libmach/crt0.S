/* SPDX-License-Identifier: MIT */
/*
 * crt0.S: entry point of a user task.
 *
 * The kernel starts a task at _start with %rsp 16-byte aligned and pointing
 * at argc, followed by argv[0..argc-1], NULL, envp[...], NULL and the auxv
 * (boot contract).  The registers are not relied upon: everything is read
 * from the stack.  main's return value goes to exit(), which never returns.
 */
	.section .text.start, "ax", @progbits
	.globl	_start
	.type	_start, @function
_start:
	.cfi_startproc
	.cfi_undefined rip		/* outermost frame for debuggers */
	xorl	%ebp, %ebp
	movq	(%rsp), %rdi		/* argc */
	leaq	8(%rsp), %rsi		/* argv */
	leaq	16(%rsp,%rdi,8), %rdx	/* envp: past argv[argc] == NULL */
	movq	%rdx, environ(%rip)
	andq	$-16, %rsp		/* already aligned; be defensive */
	call	main
	movl	%eax, %edi
	call	exit
	ud2				/* exit does not return */
	.cfi_endproc
	.size	_start, . - _start

	.bss
	.balign	8
	.globl	environ
	.type	environ, @object
environ:
	.zero	8
	.size	environ, 8

	.section .note.GNU-stack, "", @progbits
