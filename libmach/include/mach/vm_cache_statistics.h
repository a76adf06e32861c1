/* SPDX-License-Identifier: MIT */
/* <mach/vm_cache_statistics.h>: vm_cache_statistics() (gnumach.defs). */
#ifndef _MACH_VM_CACHE_STATISTICS_H_
#define _MACH_VM_CACHE_STATISTICS_H_

#include <mach/machine/vm_types.h>
#include <mach/abi.h>

struct vm_cache_statistics {
	integer_t cache_object_count;	/* objects in the cache */
	integer_t cache_count;		/* pages of cached objects */
	integer_t active_tmp_count;	/* active temporary pages */
	integer_t inactive_tmp_count;	/* inactive temporary pages */
	integer_t active_perm_count;	/* active permanent pages */
	integer_t inactive_perm_count;	/* inactive permanent pages */
	integer_t dirty_count;		/* dirty pages */
	integer_t laundry_count;	/* pages being laundered */
	integer_t writeback_count;	/* pages being written back */
	integer_t slab_count;		/* pages used by the slab allocator */
	integer_t slab_reclaim_count;	/* of which reclaimable */
};
typedef struct vm_cache_statistics *vm_cache_statistics_t;
typedef struct vm_cache_statistics vm_cache_statistics_data_t;

MACH_ABI_SIZE(vm_cache_statistics_data_t, 11 * 4);

#endif /* _MACH_VM_CACHE_STATISTICS_H_ */
