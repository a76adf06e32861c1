/* SPDX-License-Identifier: MIT */
/*
 * The mach_msg fast path between user tasks, in assembly: the RPC request
 * and its reply handed to a receiver that waits in the fast receive (see
 * ipc/ipc_fastpath.c, which is the reference for what is done here and
 * does the other fast shapes: the receive alone, a kernel RPC).
 *
 * syscall_entry_fast comes here for trap -25.  Taken: options exactly
 * MACH_SEND_MSG | MACH_RCV_MSG, with or without MACH_SEND_TIMEOUT (a send
 * handed to a waiting receiver never blocks: mach_msg_server's replies
 * carry it), a simple message of 32 to 504 bytes (a multiple of 8, in the
 * user half with room to spare) that is either
 *   request: COPY_SEND to a user port + MAKE_SEND_ONCE of rcv_name, or
 *   reply:   MOVE_SEND_ONCE (no dead-name request) + no reply port,
 * with rcv_name a receive right in no set, nothing queued, nobody waiting,
 * and the destination's only receiver waiting in the fast receive
 * (pcb.cont == ipc_fastpath_continue, buffer large enough) and, for a
 * request, a free entry in its space.  Every check comes before any
 * change; anything else goes, registers as they came, to the C path
 * (mach_msg_trap).
 *
 * Then: the message is copied in to the caller's ith_fp_msg and put in the
 * receiver's form there; the caller starts its wait with a continuation;
 * the receiver's address space is loaded, the message copied out to its
 * buffer, and the CPU returns to user mode as the receiver.  The caller's
 * kernel stack is abandoned (machine/pcb.h: continuations).
 *
 * The frame gets the user's rip, rflags, rsp, the arguments rdi, rsi, r10,
 * r8 (what a restart or the continuation needs; rdx and r9 too when the C
 * path takes over) and, once the checks allow us to use them, the
 * callee-saved registers.  Then:
 *   rbx self   rbp space   r13 send_size   r14 rcv_size   r15 rcv_name
 *   r8 dport   rsi rport   r10 receiver's space   r11 receiver
 * The receiver returns with its callee-saved registers from its frame,
 * rax = the mach_msg result and the other argument registers zero or its
 * own (doc/abi.texi, "Traps").
 */
#include <machine/trap.h>
#include <machine/cpu_data.h>
#include <kern/syscall_sw.h>
#include "assym.h"

#define EX_ENTRY(insn, fixup)		\
	.pushsection __ex_table, "a";	\
	.balign 8;			\
	.quad insn, fixup;		\
	.popsection

#define GEN_MASK	0xff000000
#define GEN_ONE		0x01000000
#define CR0_TS		0x8

/*
 * rsi = the port of receive right r15d in space rbp, fit for a fast
 * receive, or jump to fp_decline.  Clobbers rax.  A name's low byte is
 * its generation, which is the top byte of ie_bits (ipc_entry.h).
 */
.macro	RCV_PORT
	movl	%r15d, %eax
	shrl	$8, %eax
	cmpl	IS_TABLE_SIZE(%rbp), %eax
	jae	fp_decline
	shll	$IE_SIZE_SHIFT, %eax
	addq	IS_TABLE(%rbp), %rax
	cmpb	IE_BITS + 3(%rax), %r15b	/* the generation */
	jne	fp_decline
	testl	$PORT_TYPE_RECEIVE, IE_BITS(%rax)
	jz	fp_decline
	movq	IE_OBJECT(%rax), %rsi
	movq	IP_PSET(%rsi), %rax
	orq	IP_MSG_HEAD(%rsi), %rax
	orq	IP_RCV_WAITERS(%rsi), %rax
	jnz	fp_decline
.endm

/*
 * r11 = the receiver of dport r8 if it waits in the fast receive, alone,
 * with room for r13d bytes, or jump to `none' (no receiver waiting: a
 * kernel port, a dead one, ...) or fp_decline.
 */
.macro	FAST_RECEIVER none
	movq	IP_RCV_WAITERS(%r8), %r11
	testq	%r11, %r11
	jz	\none
	cmpq	$ipc_fastpath_continue, TH_PCB_CONT(%r11)
	jne	fp_decline
	cmpl	%r13d, TH_RCV_MAX(%r11)
	jb	fp_decline
	cmpq	$0, TH_WAIT_NEXT(%r11)
	jne	fp_decline
.endm

	.text
/*
 * The system call entry while the fast path is on (gdt.c points LSTAR
 * here; ipc_fastpath_disable points it at locore.S's syscall_entry):
 * mach_msg comes on here, every other trap goes there.
 */
	.balign	16
	.globl	syscall_entry_fast
syscall_entry_fast:
	cmpq	$-MACH_MSG_TRAP_NUM, %rax
	jne	syscall_entry
	movq	%rsp, %rax
	movq	cpu0 + CPU_KFRAME(%rip), %rsp
	movq	%rax, TF_RSP(%rsp)
	movq	%rcx, TF_RIP(%rsp)
	movq	%r11, TF_RFLAGS(%rsp)
	movq	%rdi, TF_RDI(%rsp)
	movq	%rsi, TF_RSI(%rsp)
	movq	%r10, TF_R10(%rsp)
	movq	%r8, TF_R8(%rsp)
	cmpl	$FP_SEND_RCV, %esi
	je	1f
	cmpl	$FP_SEND_RCV_TIMEOUT, %esi	/* a send that cannot block */
	jne	fp_slow
1:	cmpl	$MSGH_SIZEOF, %edx
	jb	fp_slow
	testl	$~(TH_FP_MSG_MAX - 8), %edx	/* a multiple of 8, < MAX */
	jnz	fp_slow
	movabsq	$FP_USER_MAX, %rax		/* the message below it */
	cmpq	%rax, %rdi
	ja	fp_slow

	movq	%rbx, TF_RBX(%rsp)
	movq	%rbp, TF_RBP(%rsp)
	movq	%r12, TF_R12(%rsp)
	movq	%r13, TF_R13(%rsp)
	movq	%r14, TF_R14(%rsp)
	movq	%r15, TF_R15(%rsp)
	movq	cpu0 + CPU_ACTIVE_THREAD(%rip), %rbx
	movl	%edx, %r13d
	movl	%r10d, %r14d
	movl	%r8d, %r15d
	movq	%rdi, %rsi
	leaq	TH_FP_MSG(%rbx), %rdi
	movl	%edx, %ecx
	shrl	$3, %ecx
fp_copyin:
	rep movsq
	EX_ENTRY(fp_copyin, fp_decline)

	/* The destination entry: de = rcx, its bits edx, dport r8. */
	movq	TH_TASK(%rbx), %rax
	movq	TASK_SPACE(%rax), %rbp
	movl	TH_FP_MSG + MSGH_REMOTE(%rbx), %eax
	movl	%eax, %ecx
	shrl	$8, %ecx
	cmpl	IS_TABLE_SIZE(%rbp), %ecx
	jae	fp_decline
	shll	$IE_SIZE_SHIFT, %ecx
	addq	IS_TABLE(%rbp), %rcx
	cmpb	IE_BITS + 3(%rcx), %al		/* the generation */
	jne	fp_decline
	movl	IE_BITS(%rcx), %edx
	movq	IE_OBJECT(%rcx), %r8
	movl	TH_FP_MSG + MSGH_BITS(%rbx), %eax
	cmpl	$FP_REQUEST_BITS, %eax
	jne	fp_reply

	/* ---- request ---- */
	cmpl	TH_FP_MSG + MSGH_LOCAL(%rbx), %r15d
	jne	fp_decline
	testl	$PORT_TYPE_SEND, %edx
	jz	fp_decline
	RCV_PORT
	FAST_RECEIVER fp_request_kernel	/* none if dport is rport */
	movq	IP_RECEIVER(%r8), %r10
	movl	IS_FREE(%r10), %eax
	testl	%eax, %eax
	jz	fp_decline

	/*
	 * Nothing fails from here on.  COPY_SEND is made and used up by the
	 * delivery: no change.  MAKE_SEND_ONCE: a send-once right in the free
	 * entry eax of the receiver's space (ipc_entry_alloc, no growth).
	 */
	movl	%eax, %ecx
	shll	$IE_SIZE_SHIFT, %ecx
	addq	IS_TABLE(%r10), %rcx
	movl	IE_BITS(%rcx), %edx
	andl	$GEN_MASK, %edx
	addl	$GEN_ONE, %edx
	movl	IE_NEXT(%rcx), %edi
	movl	%edi, IS_FREE(%r10)
	incl	IS_COUNT(%r10)
	movl	$0, IE_NEXT(%rcx)
	movq	%rsi, IE_OBJECT(%rcx)
	leal	PORT_TYPE_SEND_ONCE + 1(%rdx), %edi
	movl	%edi, IE_BITS(%rcx)
	incl	IP_SORIGHTS(%rsi)
	incl	IP_REFERENCES(%rsi)
	shll	$8, %eax
	shrl	$24, %edx
	orl	%edx, %eax
	movq	%rax, TH_FP_MSG + MSGH_REMOTE(%rbx)
	movl	$FP_REQUEST_RCV_BITS, TH_FP_MSG + MSGH_BITS(%rbx)
	jmp	fp_deliver

	/* ---- reply ---- */
fp_reply:
	cmpl	$FP_REPLY_BITS, %eax
	jne	fp_decline
	cmpl	$0, TH_FP_MSG + MSGH_LOCAL(%rbx)
	jne	fp_decline
	movl	%edx, %eax
	andl	$IE_BITS_TYPE_DNREQ, %eax
	cmpl	$PORT_TYPE_SEND_ONCE, %eax
	jne	fp_decline
	RCV_PORT
	FAST_RECEIVER fp_decline

	/*
	 * Nothing fails from here on.  MOVE_SEND_ONCE: the right leaves our
	 * space (ipc_entry_dealloc) and is used up by the delivery; the
	 * receive right keeps the port referenced.
	 */
	andl	$GEN_MASK, %edx
	movl	%edx, IE_BITS(%rcx)
	movq	$0, IE_OBJECT(%rcx)
	movl	IS_FREE(%rbp), %eax
	movl	%eax, IE_NEXT(%rcx)
	movl	TH_FP_MSG + MSGH_REMOTE(%rbx), %eax
	shrl	$8, %eax
	movl	%eax, IS_FREE(%rbp)
	decl	IS_COUNT(%rbp)
	decl	IP_SORIGHTS(%r8)
	decl	IP_REFERENCES(%r8)
	movl	$FP_REPLY_RCV_BITS, TH_FP_MSG + MSGH_BITS(%rbx)
	movq	$0, TH_FP_MSG + MSGH_REMOTE(%rbx)

fp_deliver:
	movl	%r13d, TH_FP_MSG + MSGH_SIZE(%rbx)
	movl	IP_RECEIVER_NAME(%r8), %eax
	movq	%rax, TH_FP_MSG + MSGH_LOCAL(%rbx)
	movl	IP_SEQNO(%r8), %eax
	movl	%eax, TH_FP_MSG + MSGH_SEQNO(%rbx)
	incl	IP_SEQNO(%r8)

	/* The receiver leaves its wait: running, as an ordinary thread. */
	xorl	%eax, %eax
	movq	%rax, IP_RCV_WAITERS(%r8)
	movq	%rax, TH_WAITQ(%r11)
	movq	%rax, TH_PCB_CONT(%r11)
	movl	$TH_RUN_STATE, TH_STATE(%r11)

	/*
	 * We wait on rport with a continuation (ipc_fastpath.c: fp_wait; a
	 * running thread is on no wait list: ith_wait_next is NULL).  The
	 * arguments of the call are in the frame.
	 */
	movq	%rbx, IP_RCV_WAITERS(%rsi)
	leaq	IP_RCV_WAITERS(%rsi), %rdx
	movq	%rdx, TH_WAITQ(%rbx)
	movl	%r14d, TH_RCV_MAX(%rbx)
	movl	$RCV_IN_PROGRESS, TH_WAIT_MR(%rbx)
	movl	$TH_WAIT_STATE, TH_STATE(%rbx)
	movq	$ipc_fastpath_continue, TH_PCB_CONT(%rbx)

	/* Become the receiver (pcb_activate); rdx = its frame. */
	movq	TH_PCB_CR3(%r11), %rax
	movq	%rax, %cr3
	movq	TH_PCB_KFRAME(%r11), %rdx
	leaq	TF_SIZE(%rdx), %rax
	movq	%rax, tss0 + TSS_RSP0(%rip)
	movq	%rdx, cpu0 + CPU_KFRAME(%rip)
	movq	%r11, cpu0 + CPU_ACTIVE_THREAD(%rip)
	/* Lazy FPU (machine/fpu.h): CR0.TS set unless the receiver owns
	 * the registers (its pcb is at offset 0). */
	cmpq	%r11, fpu_owner(%rip)
	je	fp_fpu_owner
	cmpb	$0, fpu_ts(%rip)
	je	fp_fpu_set
fp_fpu_done:

	/* The message out to the receiver's buffer (its rdi), exactly
	 * within the user half: we cannot decline any more. */
	movq	TF_RDI(%rdx), %rdi
	movabsq	$USER_ADDRESS_MAX, %rax
	subq	%r13, %rax
	cmpq	%rax, %rdi
	ja	fp_copyout_fault
	leaq	TH_FP_MSG(%rbx), %rsi
	movl	%r13d, %ecx
	shrl	$3, %ecx
fp_copyout:
	rep movsq
	EX_ENTRY(fp_copyout, fp_copyout_fault)
	xorl	%eax, %eax			/* MACH_MSG_SUCCESS */

	/*
	 * Return to user mode as the receiver: its callee-saved registers
	 * from its frame, rax the result, rdi its own buffer's end, the other
	 * argument registers zero (a successful mach_msg_trap clobbers them,
	 * as a C call may; they never carry another task's or the kernel's
	 * data).
	 */
fp_exit:
	movq	%rdx, %rsp
	movq	TF_RBX(%rsp), %rbx
	movq	TF_RBP(%rsp), %rbp
	movq	TF_R12(%rsp), %r12
	movq	TF_R13(%rsp), %r13
	movq	TF_R14(%rsp), %r14
	movq	TF_R15(%rsp), %r15
	xorl	%edx, %edx
	xorl	%esi, %esi
	xorl	%r8d, %r8d
	xorl	%r9d, %r9d
	xorl	%r10d, %r10d
	movq	TF_RIP(%rsp), %rcx
	movq	TF_RFLAGS(%rsp), %r11
	movq	TF_RSP(%rsp), %rsp
	sysretq

fp_copyout_fault:
	movl	$RCV_INVALID_DATA, %eax
	jmp	fp_exit


/* CR0.TS and fpu_ts (fpu_set_ts, inline); rdx is kept. */
fp_fpu_owner:
	cmpb	$0, fpu_ts(%rip)
	je	fp_fpu_done
	clts
	movb	$0, fpu_ts(%rip)
	jmp	fp_fpu_done
fp_fpu_set:
	movq	%cr0, %rax
	orq	$CR0_TS, %rax
	movq	%rax, %cr0
	movb	$1, fpu_ts(%rip)
	jmp	fp_fpu_done

/*
 * A request to a port whose receiver is the kernel: the message is in
 * ith_fp_msg, rcv_name checked (rport rsi).  ipc_fastpath_kernel does the
 * rest (and falls back to the general path); its result returns with
 * every user register from the frame.
 */
fp_request_kernel:
	cmpq	$SPACE_KERNEL, IP_RECEIVER(%r8)
	jne	fp_decline
	movq	%r13, TF_RDX(%rsp)		/* the frame made complete */
	movq	%r9, TF_R9(%rsp)
	movq	%r8, %rdi
	call	ipc_fastpath_kernel
	movq	cpu0 + CPU_KFRAME(%rip), %rsp
	jmp	return_user_cont

/*
 * Declined after the callee-saved registers were taken: the user's
 * registers back in place, the arguments from the frame.
 */
fp_decline:
	movl	%r13d, %edx			/* send_size */
	movq	TF_RBX(%rsp), %rbx
	movq	TF_RBP(%rsp), %rbp
	movq	TF_R12(%rsp), %r12
	movq	TF_R13(%rsp), %r13
	movq	TF_R14(%rsp), %r14
	movq	TF_R15(%rsp), %r15
	movq	TF_RDI(%rsp), %rdi
	movq	TF_RSI(%rsp), %rsi
	movq	TF_R10(%rsp), %r10
	movq	TF_R8(%rsp), %r8

/* The C path, as syscall_entry would call it: the frame made complete. */
fp_slow:
	movq	%rdx, TF_RDX(%rsp)
	movq	%r9, TF_R9(%rsp)
	call	mach_msg_trap_entry
	jmp	syscall_exit

	.section .note.GNU-stack, "", @progbits
