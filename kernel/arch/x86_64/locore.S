/* SPDX-License-Identifier: MIT */
/*
 * Low-level entry and exit: exception/interrupt stubs, the syscall entry,
 * the return to user mode, the context switch and the user copy routines
 * with their fault fixups.
 */
#include <machine/trap.h>
#include <machine/seg.h>
#include <machine/cpu_data.h>
#include <machine/vm_param.h>
#include <kern/syscall_sw.h>

/* A fault at `insn' resumes at `fixup' (see trap.c: trap_fixup). */
#define EX_ENTRY(insn, fixup)		\
	.pushsection __ex_table, "a";	\
	.balign 8;			\
	.quad insn, fixup;		\
	.popsection

	.text

/*
 * Exception and interrupt stubs: one per vector, each pushing a zero error
 * code when the CPU does not, then the vector number.
 */
#define HAS_ERR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || \
		    (v) == 21 || (v) == 29 || (v) == 30)

	.balign 16
	.globl	idt_stubs
idt_stubs:
	.set	vec, 0
	.rept	256
	.balign	16
	.if	HAS_ERR(vec)
	pushq	$vec
	.else
	pushq	$0
	pushq	$vec
	.endif
	jmp	alltraps
	.set	vec, vec + 1
	.endr

alltraps:
	pushq	%rax
	pushq	%rbx
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%rbp
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	cld
	movq	%rsp, %rdi
	/* Frame-pointer chain: a kernel fault backtrace walks through here. */
	movq	TF_RBP(%rsp), %rbp
	testb	$3, TF_CS(%rsp)
	jz	1f
	xorl	%ebp, %ebp		/* from user: end the chain */
1:	call	trap_dispatch

/*
 * trap_return: restore a full trap frame at %rsp and iret.  Also the path
 * a new user thread takes the first time it runs.
 */
	.globl	trap_return
trap_return:
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rbp
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rbx
	popq	%rax
	addq	$16, %rsp		/* trapno, err */
	iretq

/*
 * syscall entry.  RFLAGS.IF/DF/TF/AC are cleared by FMASK; the kernel runs
 * with interrupts off throughout (it is not preemptible).
 * In: rax = trap number (negative), rdi, rsi, rdx, r10, r8, r9 = arguments,
 * rcx = user rip, r11 = user rflags.
 */
	.balign	16
	.globl	syscall_entry
syscall_entry:
	movq	%rsp, cpu0 + CPU_USER_RSP(%rip)
	movq	cpu0 + CPU_KFRAME(%rip), %rsp	/* trap frame, top of stack */
	movq	%rcx, TF_RIP(%rsp)
	movq	%r11, TF_RFLAGS(%rsp)
	movq	cpu0 + CPU_USER_RSP(%rip), %rcx
	movq	%rcx, TF_RSP(%rsp)
	/* The ABI clobbers only rax, rcx and r11: keep the argument registers. */
	movq	%rdi, TF_RDI(%rsp)
	movq	%rsi, TF_RSI(%rsp)
	movq	%rdx, TF_RDX(%rsp)
	movq	%r10, TF_R10(%rsp)
	movq	%r8, TF_R8(%rsp)
	movq	%r9, TF_R9(%rsp)
	/*
	 * mach_trap_table is stored in reverse (kern/mach_traps.h): the slot
	 * of trap rax (-1 .. -(SIZE-1)) is at the table's last slot + 8 * rax.
	 */
	cmpq	$-MACH_TRAP_TABLE_SIZE, %rax
	jbe	syscall_bad
	call	*mach_trap_table + (MACH_TRAP_TABLE_SIZE - 1) * 8(, %rax, 8)
/*
 * No AST check here: the kernel is not preemptible and interrupts reach it
 * only in user mode or in the idle loop, so every reschedule happens at the
 * interrupt itself (clock_interrupt) or inside the trap (sched_*).  An SMP
 * kernel will need one.
 */
	.globl	syscall_exit
syscall_exit:
	movq	TF_RDI(%rsp), %rdi
	movq	TF_RSI(%rsp), %rsi
	movq	TF_RDX(%rsp), %rdx
	movq	TF_R10(%rsp), %r10
	movq	TF_R8(%rsp), %r8
	movq	TF_R9(%rsp), %r9
	movq	TF_RIP(%rsp), %rcx
	movq	TF_RFLAGS(%rsp), %r11
	movq	TF_RSP(%rsp), %rsp
	sysretq

syscall_bad:
	call	mach_trap_invalid
	jmp	syscall_exit

/*
 * mach_msg_trap takes a 4th argument: the ABI passes it in r10.  It may
 * block with a continuation (machine/pcb.h), so the callee-saved user
 * registers go into the trap frame too (8(%rsp): past our return address).
 */
	.globl	mach_msg_trap_entry
mach_msg_trap_entry:
	movq	%rbx, 8 + TF_RBX(%rsp)
	movq	%rbp, 8 + TF_RBP(%rsp)
	movq	%r12, 8 + TF_R12(%rsp)
	movq	%r13, 8 + TF_R13(%rsp)
	movq	%r14, 8 + TF_R14(%rsp)
	movq	%r15, 8 + TF_R15(%rsp)
	movq	%r10, %rcx
	jmp	mach_msg_trap

/*
 * return_user_cont: leave a system call that blocked with a continuation,
 * rsp = the running thread's trap frame, rax = the result: the
 * callee-saved registers from the frame, then syscall_exit.
 */
	.globl	return_user_cont
return_user_cont:
	movq	TF_RBX(%rsp), %rbx
	movq	TF_RBP(%rsp), %rbp
	movq	TF_R12(%rsp), %r12
	movq	TF_R13(%rsp), %r13
	movq	TF_R14(%rsp), %r14
	movq	TF_R15(%rsp), %r15
	jmp	syscall_exit

/*
 * A thread blocked with a continuation, switched to: switch_context
 * "returns" here at the top of its stack (rsp = its trap frame) with the
 * previous thread in rax and the continuation in rbx.
 */
	.globl	cont_start
cont_start:
	movq	%rax, %rdi
	call	thread_continue
	call	*%rbx
	jmp	return_user_cont

/*
 * uint64_t *switch_context(uint64_t *old_ksp, uint64_t new_ksp, void *old)
 * Save the callee-saved registers on the current stack, store the stack
 * pointer in *old_ksp, switch to new_ksp and restore.  Returns, on the new
 * stack, the `old' argument of the call that switched to it.
 */
	.globl	switch_context
switch_context:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	movq	%rdx, %rax
	ret

/*
 * void context_load(uint64_t new_ksp, struct thread *old)
 * The second half of switch_context, for a thread that saves nothing.
 */
	.globl	context_load
context_load:
	movq	%rdi, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	movq	%rsi, %rax
	ret

/*
 * First run of a user thread: switch_context "returns" here with the
 * previous thread in %rax; finish the switch in C, then enter user mode
 * through the trap frame at the top of the stack.
 */
	.globl	thread_start_user
thread_start_user:
	movq	%rax, %rdi
	call	thread_continue
	jmp	trap_return

/* First run of a kernel thread: %r12 = function, %r13 = argument. */
	.globl	thread_start_kernel
thread_start_kernel:
	movq	%rax, %rdi
	call	thread_continue
	movq	%r13, %rdi
	call	*%r12
1:	hlt
	jmp	1b

/*
 * int copyin(const void *uaddr, void *kaddr, size_t len)
 * int copyout(const void *kaddr, void *uaddr, size_t len)
 * Return 0, or 1 when any byte of the user range is outside the user half
 * or unmapped.  Never fault.
 */
	.globl	copyin
copyin:
	movq	%rdi, %rax
	addq	%rdx, %rax
	jc	copy_fail
	movabsq	$VM_MAX_USER_ADDRESS, %r8
	cmpq	%r8, %rax
	ja	copy_fail
	movq	%rdx, %rcx
	xchgq	%rdi, %rsi
	shrq	$3, %rcx		/* quadwords first: an iteration */
copyin_insn:				/* counts as one instruction */
	rep movsq
	movl	%edx, %ecx
	andl	$7, %ecx
copyin_insn2:
	rep movsb
	xorl	%eax, %eax
	ret
	EX_ENTRY(copyin_insn, copy_fail)
	EX_ENTRY(copyin_insn2, copy_fail)

	.globl	copyout
copyout:
	movq	%rsi, %rax
	addq	%rdx, %rax
	jc	copy_fail
	movabsq	$VM_MAX_USER_ADDRESS, %r8
	cmpq	%r8, %rax
	ja	copy_fail
	movq	%rdx, %rcx
	xchgq	%rdi, %rsi
	shrq	$3, %rcx		/* quadwords first: an iteration */
copyout_insn:				/* counts as one instruction */
	rep movsq
	movl	%edx, %ecx
	andl	$7, %ecx
copyout_insn2:
	rep movsb
	xorl	%eax, %eax
	ret
	EX_ENTRY(copyout_insn, copy_fail)
	EX_ENTRY(copyout_insn2, copy_fail)

copy_fail:
	movl	$1, %eax
	ret

/*
 * int copyinstr(const char *uaddr, char *kbuf, size_t size, size_t *lenp)
 * Copy a NUL-terminated string of at most size-1 characters.
 * Returns 0 (and *lenp = length without the NUL), 1 on a bad address,
 * 2 when no NUL is found within size bytes.
 */
	.globl	copyinstr
copyinstr:
	xorl	%r8d, %r8d
	movabsq	$VM_MAX_USER_ADDRESS, %r9
1:	cmpq	%rdx, %r8
	jae	3f
	leaq	(%rdi, %r8), %r10
	cmpq	%r9, %r10
	jae	copy_fail
copyinstr_insn:
	movb	(%r10), %al
	movb	%al, (%rsi, %r8)
	incq	%r8
	testb	%al, %al
	jnz	1b
	decq	%r8
	movq	%r8, (%rcx)
	xorl	%eax, %eax
	ret
3:	movl	$2, %eax
	ret
	EX_ENTRY(copyinstr_insn, copy_fail)

	.section .note.GNU-stack, "", @progbits
