/* SPDX-License-Identifier: MIT */
/* <mach/machine/vm_param.h>: page size and user address range on x86_64. */
#ifndef _MACH_MACHINE_VM_PARAM_H_
#define _MACH_MACHINE_VM_PARAM_H_

#include <mach/machine/vm_types.h>

#define BYTE_SIZE	8		/* bits in a byte */

#define I386_PGBYTES	4096		/* bytes in a hardware page */
#define I386_PGSHIFT	12		/* log2(I386_PGBYTES) */
#define PAGE_SHIFT	I386_PGSHIFT

#define i386_btop(x)		(((unsigned long)(x)) >> I386_PGSHIFT)
#define i386_ptob(x)		(((unsigned long)(x)) << I386_PGSHIFT)
#define i386_round_page(x)	((((unsigned long)(x)) + I386_PGBYTES - 1) & \
				 ~(unsigned long)(I386_PGBYTES - 1))
#define i386_trunc_page(x)	(((unsigned long)(x)) & \
				 ~(unsigned long)(I386_PGBYTES - 1))

/*
 * The user half of the address space: everything below the canonical
 * hole.  The kernel lives in the upper half.
 */
#define VM_MIN_ADDRESS	(0UL)
#define VM_MAX_ADDRESS	(0x00007ffffffff000UL)

#endif /* _MACH_MACHINE_VM_PARAM_H_ */
