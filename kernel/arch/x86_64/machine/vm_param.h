/* SPDX-License-Identifier: MIT */
/*
 * x86_64 address-space layout.
 *
 *   0x0000000000000000 .. 0x00007ffffffff000  user half (per task)
 *   0xffff800000000000 .. +1 GiB              physmap: all physical memory
 *   0xffffffff80000000 .. +1 GiB              kernel image (phys + KERNBASE)
 *
 * The top user page is never mapped, so a `syscall` can never sit where
 * sysret would return to a non-canonical address.
 */
#ifndef _MACHINE_VM_PARAM_H_
#define _MACHINE_VM_PARAM_H_

#define PAGE_SHIFT		12
#define PAGE_SIZE		4096UL
#define PAGE_MASK		(PAGE_SIZE - 1)

#define KERNBASE		0xffffffff80000000UL
#define PHYSMAP_BASE		0xffff800000000000UL
#define PHYSMAP_SIZE		0x40000000UL	/* 1 GiB mapped at boot */

#define VM_MIN_USER_ADDRESS	0x0000000000001000UL
#define VM_MAX_USER_ADDRESS	0x00007ffffffff000UL

/* Initial user stack: 256 KiB below USER_STACK_TOP, demand-zero. */
#define USER_STACK_TOP		0x00007fffffffe000UL
#define USER_STACK_SIZE		(256UL * 1024)

/* Kernel stacks: 4 pages each (physically contiguous, via the physmap). */
#define KERNEL_STACK_PAGES	4
#define KERNEL_STACK_SIZE	(KERNEL_STACK_PAGES * PAGE_SIZE)

#ifndef __ASSEMBLER__
#include <stdint.h>

/* phys_addr_t, vm_offset_t, vm_size_t: <mach/machine/vm_types.h>. */
#include <mach/machine/vm_types.h>

#define round_page(x)	(((x) + PAGE_MASK) & ~PAGE_MASK)
#define trunc_page(x)	((x) & ~PAGE_MASK)

/* phystokv: kernel virtual address of physical memory in the physmap. */
static inline void *phystokv(phys_addr_t pa)
{
	return (void *)(pa + PHYSMAP_BASE);
}

/* kvtophys: physical address of a physmap or kernel-image address. */
static inline phys_addr_t kvtophys(const void *va)
{
	uint64_t v = (uint64_t)va;

	return v >= KERNBASE ? v - KERNBASE : v - PHYSMAP_BASE;
}
#endif

#endif /* _MACHINE_VM_PARAM_H_ */
