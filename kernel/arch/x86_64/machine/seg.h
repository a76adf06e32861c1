/* SPDX-License-Identifier: MIT */
/*
 * GDT selectors.  The order is fixed by syscall/sysret: STAR[47:32] = KERNEL_CS
 * (SS = +8), STAR[63:48] = USER_CS32 (sysret SS = +8, 64-bit CS = +16).
 */
#ifndef _MACHINE_SEG_H_
#define _MACHINE_SEG_H_

#define KERNEL_CS	0x08
#define KERNEL_DS	0x10
#define USER_CS32	0x18	/* unused; only anchors the sysret layout */
#define USER_DS		0x23	/* 0x20 | RPL 3 */
#define USER_CS		0x2b	/* 0x28 | RPL 3 */
#define TSS_SEL		0x30

#endif /* _MACHINE_SEG_H_ */
