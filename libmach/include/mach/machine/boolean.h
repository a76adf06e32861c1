/* SPDX-License-Identifier: MIT */
/* <mach/machine/boolean.h>: the machine's boolean_t (x86_64: a 32-bit int). */
#ifndef _MACH_MACHINE_BOOLEAN_H_
#define _MACH_MACHINE_BOOLEAN_H_

#ifndef __ASSEMBLER__
typedef int boolean_t;
#endif

#endif /* _MACH_MACHINE_BOOLEAN_H_ */
