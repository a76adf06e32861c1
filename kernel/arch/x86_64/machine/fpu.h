/* SPDX-License-Identifier: MIT */
/*
 * x87/SSE state of user threads, switched lazily: a thread's first FPU or
 * SSE instruction after a switch traps (#NM, CR0.TS set), and only then is
 * the previous owner's state saved and the thread's own loaded.  The
 * kernel itself never touches these registers (-mgeneral-regs-only).
 */
#ifndef _MACHINE_FPU_H_
#define _MACHINE_FPU_H_

#include <stdbool.h>

struct pcb;

/* fpu_init: enable FXSR/SSE, record the initial state.  Once at boot. */
void fpu_init(void);

/* The owner of the FPU registers and CR0.TS as last written (fpu.c). */
extern struct pcb *fpu_owner;
extern bool fpu_ts;

/* fpu_set_ts: write CR0.TS (when it changes). */
void fpu_set_ts(bool on);

/* fpu_switch: about to run `pcb': arm the #NM trap unless it owns the FPU. */
static inline void fpu_switch(struct pcb *pcb)
{
	bool on = pcb != fpu_owner;

	if (on != fpu_ts)
		fpu_set_ts(on);
}

/*
 * fpu_trap: #NM from user mode: give the FPU to `pcb'.  Returns false when
 * no memory is left for its state (the caller kills the task).
 */
bool fpu_trap(struct pcb *pcb);

/* fpu_free: forget and free the FPU state of a dying thread. */
void fpu_free(struct pcb *pcb);

#endif /* _MACHINE_FPU_H_ */
