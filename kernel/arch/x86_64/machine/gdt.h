/* SPDX-License-Identifier: MIT */
/* GDT, TSS and the syscall MSRs. */
#ifndef _MACHINE_GDT_H_
#define _MACHINE_GDT_H_

#include <stdint.h>
#include <stdbool.h>

/* gdt_init: load the final GDT and TSS, program STAR/LSTAR/FMASK. */
void gdt_init(void);

/* The task state segment (one CPU). */
struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));

extern struct tss tss0;

/*
 * syscall_set_entry: the system call entry: fastpath.S's, which takes
 * mach_msg itself (the default), or locore.S's for every trap.
 */
void syscall_set_entry(bool fast);

/* tss_set_rsp0: kernel stack used on an interrupt from user mode. */
static inline void tss_set_rsp0(uint64_t rsp0)
{
	tss0.rsp[0] = rsp0;
}

#endif /* _MACHINE_GDT_H_ */
