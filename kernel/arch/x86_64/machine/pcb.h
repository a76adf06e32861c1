/* SPDX-License-Identifier: MIT */
/*
 * Machine-dependent thread state: the kernel stack and the saved stack
 * pointer of a switched-out thread.  The user registers live in the trap
 * frame at the top of the kernel stack (machine/trap.h).
 */
#ifndef _MACHINE_PCB_H_
#define _MACHINE_PCB_H_

#include <stdint.h>
#include <machine/trap.h>
#include <machine/vm_param.h>

struct pcb {
	uint64_t	ksp;		/* saved rsp while switched out */
	uint64_t	kstack;		/* base of the kernel stack */
	void		*fpu;		/* fxsave area, NULL until first use */
};

struct thread;

/* pcb_init: allocate the kernel stack.  Returns 0 or -1 (no memory). */
int pcb_init(struct pcb *pcb);

/* pcb_free: free the kernel stack.  The thread must not be running. */
void pcb_free(struct pcb *pcb);

/*
 * pcb_setup_user: make the thread's first switch enter user mode at `rip'
 * with stack `rsp' and rdi/rsi/rdx = a0/a1/a2.
 */
void pcb_setup_user(struct pcb *pcb, uint64_t rip, uint64_t rsp,
		    uint64_t a0, uint64_t a1, uint64_t a2);

/* pcb_setup_kernel: make the thread's first switch call fn(arg). */
void pcb_setup_kernel(struct pcb *pcb, void (*fn)(void *), void *arg);

/* pcb_user_frame: the user trap frame at the top of the kernel stack. */
static inline struct trap_frame *pcb_user_frame(struct pcb *pcb)
{
	return (struct trap_frame *)(pcb->kstack + KERNEL_STACK_SIZE) - 1;
}

/*
 * pcb_switch: switch from thread `old' (the running one) to `new'.
 * Loads new's address space (pmap, may be the kernel's), TSS rsp0 and the
 * syscall stack.  Returns, in `old', once it runs again, with the thread it
 * was switched from (for reaping).
 */
struct thread *pcb_switch(struct thread *old, struct pcb *old_pcb,
			  struct thread *new, struct pcb *new_pcb,
			  void *new_pmap);

#endif /* _MACHINE_PCB_H_ */
