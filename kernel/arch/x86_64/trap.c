/* SPDX-License-Identifier: MIT */
/*
 * Exception and interrupt dispatch.
 *
 * A user-mode exception ends the faulting task (after the VM layer had its
 * chance with a page fault).  A kernel-mode page or protection fault at an
 * instruction listed in __ex_table (the copyin/copyout family) resumes at
 * its fixup; any other kernel exception is a panic.
 */
#include <stddef.h>
#include <machine/trap.h>
#include <machine/cpu.h>
#include <machine/cpu_data.h>
#include <machine/timer.h>
#include <machine/fpu.h>
#include <machine/vm_param.h>
#include <kern/panic.h>
#include <kern/kprintf.h>
#include <kern/ksyms.h>
#include <kern/task.h>
#include <kern/thread.h>
#include <kern/clock.h>
#include <vm/vm_fault.h>

_Static_assert(offsetof(struct trap_frame, r15) == TF_R15, "tf r15");
_Static_assert(offsetof(struct trap_frame, r11) == TF_R11, "tf r11");
_Static_assert(offsetof(struct trap_frame, r10) == TF_R10, "tf r10");
_Static_assert(offsetof(struct trap_frame, rbp) == TF_RBP, "tf rbp");
_Static_assert(offsetof(struct trap_frame, rdi) == TF_RDI, "tf rdi");
_Static_assert(offsetof(struct trap_frame, rsi) == TF_RSI, "tf rsi");
_Static_assert(offsetof(struct trap_frame, rdx) == TF_RDX, "tf rdx");
_Static_assert(offsetof(struct trap_frame, rcx) == TF_RCX, "tf rcx");
_Static_assert(offsetof(struct trap_frame, rax) == TF_RAX, "tf rax");
_Static_assert(offsetof(struct trap_frame, trapno) == TF_TRAPNO, "tf trapno");
_Static_assert(offsetof(struct trap_frame, err) == TF_ERR, "tf err");
_Static_assert(offsetof(struct trap_frame, rip) == TF_RIP, "tf rip");
_Static_assert(offsetof(struct trap_frame, cs) == TF_CS, "tf cs");
_Static_assert(offsetof(struct trap_frame, rflags) == TF_RFLAGS, "tf rflags");
_Static_assert(offsetof(struct trap_frame, rsp) == TF_RSP, "tf rsp");
_Static_assert(offsetof(struct trap_frame, ss) == TF_SS, "tf ss");
_Static_assert(sizeof(struct trap_frame) == TF_SIZE, "tf size");
_Static_assert(TF_SIZE % 16 == 0, "kernel stack stays 16-byte aligned");

static const char *const trap_names[] = {
	[T_DIVIDE] = "divide error",
	[T_DEBUG] = "debug",
	[T_NMI] = "NMI",
	[T_BREAKPOINT] = "breakpoint",
	[T_OVERFLOW] = "overflow",
	[T_BOUND] = "bound range",
	[T_INVALID_OP] = "invalid opcode",
	[T_NO_FPU] = "device not available",
	[T_DOUBLE_FAULT] = "double fault",
	[T_FPU_OVERRUN] = "coprocessor overrun",
	[T_INVALID_TSS] = "invalid TSS",
	[T_SEG_NOT_PRESENT] = "segment not present",
	[T_STACK_FAULT] = "stack fault",
	[T_GENERAL_PROT] = "general protection",
	[T_PAGE_FAULT] = "page fault",
	[15] = "reserved",
	[T_FPU_ERROR] = "x87 error",
	[T_ALIGNMENT] = "alignment check",
	[T_MACHINE_CHECK] = "machine check",
	[T_SIMD_ERROR] = "SIMD error",
	[T_VIRT] = "virtualization",
	[T_CONTROL_PROT] = "control protection",
};

const char *trap_name(unsigned vector)
{
	if (vector < sizeof(trap_names) / sizeof(trap_names[0]) &&
	    trap_names[vector] != NULL)
		return trap_names[vector];
	return vector < T_IRQ_BASE ? "reserved exception" : "interrupt";
}

struct ex_entry {
	uint64_t insn;
	uint64_t fixup;
};

extern const struct ex_entry __ex_table_start[], __ex_table_end[];

/* trap_fixup: the fixup address for a faulting kernel rip, or 0. */
static uint64_t trap_fixup(uint64_t rip)
{
	for (const struct ex_entry *e = __ex_table_start; e < __ex_table_end; e++)
		if (e->insn == rip)
			return e->fixup;
	return 0;
}

/* Print the registers of a trap frame (panic path). */
static void trap_frame_print(const struct trap_frame *tf)
{
	kprintf("rax=%016lx rbx=%016lx rcx=%016lx rdx=%016lx\n",
		tf->rax, tf->rbx, tf->rcx, tf->rdx);
	kprintf("rsi=%016lx rdi=%016lx rbp=%016lx rsp=%016lx\n",
		tf->rsi, tf->rdi, tf->rbp, tf->rsp);
	kprintf("r8 =%016lx r9 =%016lx r10=%016lx r11=%016lx\n",
		tf->r8, tf->r9, tf->r10, tf->r11);
	kprintf("r12=%016lx r13=%016lx r14=%016lx r15=%016lx\n",
		tf->r12, tf->r13, tf->r14, tf->r15);
	kprintf("rip=%016lx cs=%lx rflags=%016lx ss=%lx err=%lx\n",
		tf->rip, tf->cs, tf->rflags, tf->ss, tf->err);
	kprintf("cr2=%016lx cr3=%016lx\n", get_cr2(), get_cr3());
}

static void trap_kernel_panic(struct trap_frame *tf) __attribute__((noreturn));

static void trap_kernel_panic(struct trap_frame *tf)
{
	unsigned v = (unsigned)tf->trapno;

	panic_begin();
	kprintf("panic: kernel %s (vector %u) at rip=0x%lx addr=0x%lx\n",
		trap_name(v), v, tf->rip, v == T_PAGE_FAULT ? get_cr2() : 0UL);
	trap_frame_print(tf);
	backtrace_print(tf->rip, tf->rbp);
	panic_end();
}

/*
 * The user-mode exception path: a page fault the VM layer resolves returns
 * to the thread; everything else kills the task.
 */
static void trap_user(struct trap_frame *tf)
{
	unsigned v = (unsigned)tf->trapno;
	uint64_t addr = 0;

	if (v == T_NO_FPU && fpu_trap(&current_thread()->pcb))
		return;
	if (v == T_PAGE_FAULT) {
		addr = get_cr2();
		if (vm_fault(current_task(), addr,
			     (tf->err & PF_WRITE) != 0) == KERN_SUCCESS)
			return;
	}
	task_kill_exception(current_task(), trap_name(v), v, tf->rip, addr);
}

void trap_dispatch(struct trap_frame *tf)
{
	uint64_t v = (uint64_t)tf->trapno;

	if (v >= T_IRQ_BASE) {
		if (v == T_TIMER) {
			timer_eoi();
			clock_interrupt((tf->cs & 3) != 0);
		} else if (v != T_APIC_SPURIOUS) {
			timer_eoi_other((unsigned)v);
		}
		return;
	}
	if (v == T_NMI) {			/* not the running task's doing */
		kprintf("machkernel: NMI at rip=0x%lx\n", tf->rip);
		return;
	}
	if ((tf->cs & 3) && v != T_MACHINE_CHECK && v != T_DOUBLE_FAULT) {
		trap_user(tf);
		return;
	}
	if (v == T_PAGE_FAULT || v == T_GENERAL_PROT) {
		uint64_t fixup = trap_fixup(tf->rip);

		if (fixup != 0) {
			tf->rip = fixup;
			return;
		}
	}
	trap_kernel_panic(tf);
}
