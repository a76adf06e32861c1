/* SPDX-License-Identifier: MIT */
/* <mach/machine/kern_return.h>: the machine's kern_return_t (x86_64: int). */
#ifndef _MACH_MACHINE_KERN_RETURN_H_
#define _MACH_MACHINE_KERN_RETURN_H_

#ifndef __ASSEMBLER__
typedef int kern_return_t;
#endif

#endif /* _MACH_MACHINE_KERN_RETURN_H_ */
