/* SPDX-License-Identifier: MIT */
/* GDT, TSS and the syscall MSRs. */
#ifndef _MACHINE_GDT_H_
#define _MACHINE_GDT_H_

#include <stdint.h>

/* gdt_init: load the final GDT and TSS, program STAR/LSTAR/FMASK. */
void gdt_init(void);

/* tss_set_rsp0: kernel stack used on an interrupt from user mode. */
void tss_set_rsp0(uint64_t rsp0);

#endif /* _MACHINE_GDT_H_ */
