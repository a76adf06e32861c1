/* SPDX-License-Identifier: MIT */
/* <mach/machine/mach_i386_types.h>: types of mach_i386.defs. */
#ifndef _MACH_MACHINE_MACH_I386_TYPES_H_
#define _MACH_MACHINE_MACH_I386_TYPES_H_

#ifndef __ASSEMBLER__

#include <mach/port.h>

/* A segment descriptor as the hardware reads it: two 32-bit words. */
struct descriptor {
	unsigned int low_word;
	unsigned int high_word;
};
typedef struct descriptor descriptor_t;
typedef struct descriptor *descriptor_list_t;
typedef const struct descriptor *const_descriptor_list_t;

typedef unsigned short io_port_t;
#ifndef KERNEL
typedef mach_port_t io_perm_t;		/* the kernel defines its own */
#endif

#endif /* __ASSEMBLER__ */

#endif /* _MACH_MACHINE_MACH_I386_TYPES_H_ */
