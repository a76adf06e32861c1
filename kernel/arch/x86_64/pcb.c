/* SPDX-License-Identifier: MIT */
/* Kernel stacks, initial thread state and the context switch. */
#include <machine/pcb.h>
#include <machine/cpu_data.h>
#include <machine/gdt.h>
#include <machine/pmap.h>
#include <machine/seg.h>
#include <machine/cpu.h>
#include <machine/fpu.h>
#include <kern/pmem.h>
#include <kern/kstring.h>

struct cpu_data cpu0;

_Static_assert(__builtin_offsetof(struct cpu_data, user_rsp) == CPU_USER_RSP,
	       "cpu user_rsp");
_Static_assert(__builtin_offsetof(struct cpu_data, kframe) == CPU_KFRAME,
	       "cpu kframe");

extern void thread_start_user(void);
extern void thread_start_kernel(void);
extern struct thread *switch_context(uint64_t *old_ksp, uint64_t new_ksp,
				     struct thread *old);
extern void context_load(uint64_t new_ksp, struct thread *old)
	__attribute__((noreturn));
extern void cont_start(void);

/* Saved by switch_context, lowest address first. */
struct switch_frame {
	uint64_t r15, r14, r13, r12, rbx, rbp;
	uint64_t rip;
};

int pcb_init(struct pcb *pcb)
{
	uint64_t pa = pmem_alloc(KERNEL_STACK_PAGES);

	if (pa == 0)
		return -1;
	pcb->kstack = (uint64_t)phystokv(pa);
	pcb->ksp = 0;
	pcb->fpu = NULL;
	pcb->cont = NULL;
	pcb->kframe = pcb->kstack + KERNEL_STACK_SIZE - TF_SIZE;
	pcb->cr3 = kernel_pmap->pml4_pa;
	return 0;
}

void pcb_free(struct pcb *pcb)
{
	fpu_free(pcb);
	pmem_free(kvtophys((void *)pcb->kstack), KERNEL_STACK_PAGES);
	pcb->kstack = 0;
}

void pcb_setup_user(struct pcb *pcb, struct pmap *pmap, uint64_t rip,
		    uint64_t rsp, uint64_t a0, uint64_t a1, uint64_t a2)
{
	struct trap_frame *tf = pcb_user_frame(pcb);
	struct switch_frame *sf = (struct switch_frame *)tf - 1;

	memset(tf, 0, sizeof(*tf));
	tf->rip = rip;
	tf->cs = USER_CS;
	tf->rflags = RFLAGS_IF;
	tf->rsp = rsp;
	tf->ss = USER_DS;
	tf->rdi = a0;
	tf->rsi = a1;
	tf->rdx = a2;
	memset(sf, 0, sizeof(*sf));
	sf->rip = (uint64_t)thread_start_user;
	pcb->ksp = (uint64_t)sf;
	pcb->cr3 = pmap->pml4_pa;
}

void pcb_setup_kernel(struct pcb *pcb, void (*fn)(void *), void *arg)
{
	/* Leave room for a (unused) trap frame so the stack top is alike. */
	struct switch_frame *sf =
		(struct switch_frame *)pcb_user_frame(pcb) - 1;

	memset(sf, 0, sizeof(*sf));
	sf->r12 = (uint64_t)fn;
	sf->r13 = (uint64_t)arg;
	sf->rip = (uint64_t)thread_start_kernel;
	pcb->ksp = (uint64_t)sf;
}

/*
 * The saved context of a thread blocked with a continuation: a switch
 * frame at the top of its stack whose return goes to cont_start with the
 * continuation in rbx.  From here on it is an ordinary thread.
 */
static uint64_t pcb_cont_context(struct pcb *pcb)
{
	struct switch_frame *sf =
		(struct switch_frame *)pcb_user_frame(pcb) - 1;

	sf->rbx = (uint64_t)pcb->cont;
	sf->rbp = 0;
	pcb->cont = NULL;
	sf->rip = (uint64_t)cont_start;
	return (uint64_t)sf;
}

/*
 * Make `new' the running thread (its address space, TSS rsp0, syscall
 * frame, FPU trap; fastpath.S does the same inline) and return the stack
 * pointer to resume it at: its saved one, or, blocked with a
 * continuation, a fresh context at the top of its stack.
 */
static uint64_t pcb_activate(struct thread *new, struct pcb *new_pcb,
			     void *new_pmap)
{
	uint64_t ksp = new_pcb->cont != NULL ? pcb_cont_context(new_pcb) :
					       new_pcb->ksp;

	pmap_activate(new_pmap != NULL ? new_pmap : kernel_pmap);
	tss_set_rsp0(new_pcb->kframe + TF_SIZE);
	cpu0.kframe = new_pcb->kframe;
	cpu0.active_thread = new;
	fpu_switch(new_pcb);
	return ksp;
}

struct thread *pcb_switch(struct thread *old, struct pcb *old_pcb,
			  struct thread *new, struct pcb *new_pcb,
			  void *new_pmap)
{
	uint64_t ksp = pcb_activate(new, new_pcb, new_pmap);

	return switch_context(&old_pcb->ksp, ksp, old);
}

void pcb_load(struct thread *old, struct thread *new, struct pcb *new_pcb,
	      void *new_pmap)
{
	context_load(pcb_activate(new, new_pcb, new_pmap), old);
}
