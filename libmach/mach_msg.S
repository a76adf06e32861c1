/* SPDX-License-Identifier: MIT */
/*
 * mach_msg(): mach_msg_trap with restarts, in assembly so that an RPC costs
 * the trap and little else.
 *
 * An interrupted send is sent again; an interrupted receive (the send, if
 * any, already done) is restarted as a receive only.  MACH_SEND_INTERRUPT
 * and MACH_RCV_INTERRUPT ask for the interruption to be returned instead.
 *
 * The arguments are those of the trap, in the same places (traps.S): the
 * fourth moves from %rcx to %r10 and the seventh (notify) stays on the
 * stack at 8(%rsp), where the C caller put it.  A mach_msg_trap that fails
 * keeps the argument registers (doc/abi.texi: "Traps"), so a restart
 * needs no saved copy of them.
 * The option bits and return codes are <mach/message.h>'s (checked in
 * mig_support.c).
 */
#define MACH_MSG_TRAP		-25
#define SEND_MSG		0x00000001	/* MACH_SEND_MSG */
#define SEND_INTERRUPT		0x00000040	/* MACH_SEND_INTERRUPT */
#define RCV_INTERRUPT		0x00000400	/* MACH_RCV_INTERRUPT */
#define SEND_INTERRUPTED	0x10000007	/* MACH_SEND_INTERRUPTED */
#define RCV_INTERRUPTED		0x10004005	/* MACH_RCV_INTERRUPTED */

	.text
	.globl	mach_msg
	.type	mach_msg, @function
	.globl	__mach_msg			/* glibc's own name for it */
	.type	__mach_msg, @function
	.balign	16
mach_msg:
__mach_msg:
	movq	%rcx, %r10
1:	movq	$MACH_MSG_TRAP, %rax
	syscall
	testl	%eax, %eax
	jnz	2f
	ret
2:	cmpl	$SEND_INTERRUPTED, %eax
	jne	3f
	testl	$SEND_INTERRUPT, %esi
	jz	1b
	ret
3:	cmpl	$RCV_INTERRUPTED, %eax
	jne	4f
	testl	$RCV_INTERRUPT, %esi
	jnz	4f
	andl	$~SEND_MSG, %esi
	xorl	%edx, %edx
	jmp	1b
4:	ret
	.size	mach_msg, . - mach_msg
	.size	__mach_msg, . - __mach_msg

	.section .note.GNU-stack, "", @progbits
