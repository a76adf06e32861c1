/* SPDX-License-Identifier: MIT */
/*
 * Physical page allocator: a bitmap over the usable RAM of the boot memory
 * map (clamped to the 1 GiB physmap).  Pages are not zeroed.
 * Locking: none (one CPU, non-preemptible kernel, not used from interrupts).
 */
#ifndef _KERN_PMEM_H_
#define _KERN_PMEM_H_

#include <stdint.h>
#include <kern/boot_info.h>

/* pmem_init: take the usable ranges of bi, minus [0, bi->reserved_end). */
void pmem_init(const struct boot_info *bi);

/*
 * pmem_alloc: n physically contiguous pages.  Returns the physical address
 * of the first, or 0 when no such run is free.  Never blocks.
 */
uint64_t pmem_alloc(unsigned n);

/* pmem_free: give back n pages allocated together by pmem_alloc. */
void pmem_free(uint64_t pa, unsigned n);

/* Statistics (pages). */
uint64_t pmem_free_count(void);
uint64_t pmem_total_count(void);

#endif /* _KERN_PMEM_H_ */
