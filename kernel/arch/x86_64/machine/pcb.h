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
	uint64_t	(*cont)(void);	/* blocked with a continuation */
	uint64_t	kframe;		/* the trap frame atop the stack */
	uint64_t	cr3;		/* a user thread's address space */
};

/*
 * Continuations (as in Mach 3.0): a thread that blocks in a system call
 * with pcb->cont set keeps nothing on its kernel stack; ksp is stale.
 * Its user registers are all in the trap frame (mach_msg_trap_entry saves
 * the callee-saved ones there too).  Two ways to run it again:
 *  - switch to it (pcb_switch, pcb_load): it starts afresh at the top of
 *    its stack, calls cont() (pcb->cont cleared: it is an ordinary thread
 *    again and may block) and returns to user mode with cont()'s result
 *    in rax;
 *  - from another thread's system call, which clears pcb->cont, makes it
 *    the running thread (what pcb_switch does but the stack switch) and
 *    returns to user mode through its trap frame (the IPC fast path's
 *    hand-off, fastpath.S).
 */

struct thread;

/* pcb_init: allocate the kernel stack.  Returns 0 or -1 (no memory). */
int pcb_init(struct pcb *pcb);

/* pcb_free: free the kernel stack.  The thread must not be running. */
void pcb_free(struct pcb *pcb);

/*
 * pcb_setup_user: make the thread's first switch enter user mode at `rip'
 * with stack `rsp' and rdi/rsi/rdx = a0/a1/a2, in the address space of
 * `pmap' (its task's, for the thread's whole life).
 */
struct pmap;
void pcb_setup_user(struct pcb *pcb, struct pmap *pmap, uint64_t rip,
		    uint64_t rsp, uint64_t a0, uint64_t a1, uint64_t a2);

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

/*
 * pcb_load: pcb_switch for an `old' that blocked with a continuation (its
 * stack is abandoned, nothing is saved).  No return.
 */
void pcb_load(struct thread *old, struct thread *new, struct pcb *new_pcb,
	      void *new_pmap) __attribute__((noreturn));

#endif /* _MACHINE_PCB_H_ */
