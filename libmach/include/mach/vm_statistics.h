/* SPDX-License-Identifier: MIT */
/* <mach/vm_statistics.h>: vm_statistics() and pmap counters. */
#ifndef _MACH_VM_STATISTICS_H_
#define _MACH_VM_STATISTICS_H_

#include <mach/machine/vm_types.h>
#include <mach/abi.h>

struct vm_statistics {
	integer_t pagesize;		/* bytes per page */
	integer_t free_count;		/* pages free */
	integer_t active_count;		/* pages active */
	integer_t inactive_count;	/* pages inactive */
	integer_t wire_count;		/* pages wired down */
	integer_t zero_fill_count;	/* zero-fill faults */
	integer_t reactivations;	/* pages reactivated */
	integer_t pageins;
	integer_t pageouts;
	integer_t faults;		/* all faults */
	integer_t cow_faults;		/* copy-on-write faults */
	integer_t lookups;		/* object cache lookups */
	integer_t hits;			/* object cache hits */
};
typedef struct vm_statistics *vm_statistics_t;
typedef struct vm_statistics vm_statistics_data_t;

MACH_ABI_SIZE(vm_statistics_data_t, 13 * 4);

struct pmap_statistics {
	integer_t resident_count;	/* pages mapped */
	integer_t wired_count;		/* pages wired */
};
typedef struct pmap_statistics *pmap_statistics_t;

#endif /* _MACH_VM_STATISTICS_H_ */
