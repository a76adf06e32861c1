/* SPDX-License-Identifier: MIT */
/*
 * The trap frame: what an exception, an interrupt or a system call leaves
 * on top of the current thread's kernel stack.  locore.S builds it with the
 * TF_* offsets below; the _Static_asserts in trap.c pin the C layout to them.
 *
 * Interrupts and exceptions save every register.  The `syscall` entry
 * saves rip, rflags, rsp and the argument registers rdi, rsi, rdx, r10,
 * r8, r9, which it restores on the way out (a trap clobbers only rax, rcx
 * and r11); the callee-saved registers are kept by the C code.
 * mach_msg_trap (fastpath.S, mach_msg_trap_entry) also saves the
 * callee-saved ones, since it may block with a continuation and return
 * through another thread's path (machine/pcb.h); a successful one may
 * return with the argument registers zeroed (doc/abi.texi).  cs, ss, err
 * and trapno are not written in a syscall frame (a syscall always returns
 * through sysret).
 */
#ifndef _MACHINE_TRAP_H_
#define _MACHINE_TRAP_H_

#define TF_R15		0
#define TF_R14		8
#define TF_R13		16
#define TF_R12		24
#define TF_R11		32
#define TF_R10		40
#define TF_R9		48
#define TF_R8		56
#define TF_RBP		64
#define TF_RDI		72
#define TF_RSI		80
#define TF_RDX		88
#define TF_RCX		96
#define TF_RBX		104
#define TF_RAX		112
#define TF_TRAPNO	120
#define TF_ERR		128
#define TF_RIP		136
#define TF_CS		144
#define TF_RFLAGS	152
#define TF_RSP		160
#define TF_SS		168
#define TF_SIZE		176

/* Exception vectors */
#define T_DIVIDE	0
#define T_DEBUG		1
#define T_NMI		2
#define T_BREAKPOINT	3
#define T_OVERFLOW	4
#define T_BOUND		5
#define T_INVALID_OP	6
#define T_NO_FPU	7
#define T_DOUBLE_FAULT	8
#define T_FPU_OVERRUN	9
#define T_INVALID_TSS	10
#define T_SEG_NOT_PRESENT 11
#define T_STACK_FAULT	12
#define T_GENERAL_PROT	13
#define T_PAGE_FAULT	14
#define T_FPU_ERROR	16
#define T_ALIGNMENT	17
#define T_MACHINE_CHECK	18
#define T_SIMD_ERROR	19
#define T_VIRT		20
#define T_CONTROL_PROT	21

/* Interrupt vectors */
#define T_IRQ_BASE	32		/* legacy PIC IRQ0..15 -> 32..47 */
#define T_TIMER		32		/* local APIC timer or PIT IRQ0 */
#define T_APIC_SPURIOUS	255

/* Page fault error code bits */
#define PF_PRESENT	0x1
#define PF_WRITE	0x2
#define PF_USER		0x4
#define PF_IFETCH	0x10

#ifndef __ASSEMBLER__
#include <stdint.h>

struct trap_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	int64_t  trapno;	/* vector (not written by syscalls) */
	uint64_t err;
	uint64_t rip, cs, rflags, rsp, ss;
};

/*
 * trap_dispatch: C side of every exception and interrupt.
 * Conditions: interrupts disabled; frame on the current kernel stack.
 * May switch threads (timer) or not return at all (a killed task's thread).
 */
void trap_dispatch(struct trap_frame *tf);

/* Name of an exception vector ("page fault", ...). */
const char *trap_name(unsigned vector);

/* idt_init: build and load the IDT.  Called once at boot. */
void idt_init(void);
#endif

#endif /* _MACHINE_TRAP_H_ */
