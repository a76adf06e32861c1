/* SPDX-License-Identifier: MIT */
/* Lazy x87/SSE context switching (see machine/fpu.h). */
#include <stddef.h>
#include <machine/fpu.h>
#include <machine/pcb.h>
#include <machine/cpu.h>
#include <kern/zalloc.h>
#include <kern/kstring.h>

#define CR0_MP		0x2
#define CR0_EM		0x4
#define CR0_TS		0x8
#define CR4_OSFXSR	0x200
#define CR4_OSXMMEXCPT	0x400

#define FPU_STATE_SIZE	512	/* fxsave area */

static uint8_t fpu_initial[FPU_STATE_SIZE] __attribute__((aligned(16)));
struct pcb *fpu_owner;		/* whose state the registers hold */
bool fpu_ts;			/* CR0.TS as last written */
static zone_t fpu_zone;

static inline void set_cr0(uint64_t v)
{
	__asm__ volatile("mov %0, %%cr0" : : "r"(v));
}

void fpu_set_ts(bool on)
{
	if (on == fpu_ts)
		return;
	if (on)
		set_cr0(get_cr0() | CR0_TS);
	else
		__asm__ volatile("clts");
	fpu_ts = on;
}

void fpu_init(void)
{
	uint32_t mxcsr = 0x1f80;	/* all exceptions masked */

	set_cr4(get_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);
	set_cr0((get_cr0() & ~(uint64_t)CR0_EM) | CR0_MP);
	fpu_ts = true;
	fpu_set_ts(false);
	__asm__ volatile("fninit; ldmxcsr %0; fxsave64 %1"
			 : : "m"(mxcsr), "m"(fpu_initial) : "memory");
	fpu_set_ts(true);
}


bool fpu_trap(struct pcb *pcb)
{
	if (pcb->fpu == NULL) {
		if (fpu_zone == NULL)
			fpu_zone = zone_create("fpu state", FPU_STATE_SIZE, 0);
		pcb->fpu = zalloc(fpu_zone);
		if (pcb->fpu == NULL)
			return false;
		memcpy(pcb->fpu, fpu_initial, FPU_STATE_SIZE);
	}
	fpu_set_ts(false);
	if (fpu_owner != NULL && fpu_owner != pcb)
		__asm__ volatile("fxsave64 (%0)" : : "r"(fpu_owner->fpu) : "memory");
	__asm__ volatile("fxrstor64 (%0)" : : "r"(pcb->fpu) : "memory");
	fpu_owner = pcb;
	return true;
}

void fpu_free(struct pcb *pcb)
{
	if (fpu_owner == pcb)
		fpu_owner = NULL;
	if (pcb->fpu != NULL) {
		zfree(fpu_zone, pcb->fpu);
		pcb->fpu = NULL;
	}
}
