/* SPDX-License-Identifier: MIT */
/*
 * Typed zones (Mach's zalloc): each kind of kernel object comes from its own
 * zone of fixed-size elements, carved out of whole physical pages, with
 * per-zone statistics.  Elements are not zeroed.
 * Locking: none (one CPU, non-preemptible; never called from interrupts).
 */
#ifndef _KERN_ZALLOC_H_
#define _KERN_ZALLOC_H_

#include <stddef.h>
#include <stdint.h>

struct zone_free;

struct zone {
	const char		*name;
	size_t			elem_size;	/* bytes, multiple of 8 */
	size_t			count;		/* elements in use */
	size_t			peak;		/* highest count seen */
	size_t			max_count;	/* limit, 0 = none */
	size_t			pages;		/* pages taken from pmem */
	uint64_t		alloc_total;	/* successful zalloc calls */
	uint64_t		fail_total;	/* zalloc calls that failed */
	struct zone_free	*free_list;
	struct zone		*next;		/* all zones */
};
typedef struct zone *zone_t;

/* zone_bootstrap: set up the zone of zones.  Once, after pmem_init. */
void zone_bootstrap(void);

/*
 * zone_create: a zone of `size'-byte elements (at most PAGE_SIZE), holding at
 * most `max_count' elements (0: no limit).  Panics when out of memory: zones
 * are created at boot.
 */
zone_t zone_create(const char *name, size_t size, size_t max_count);

/* zalloc: an element, or NULL when the zone is full or memory is out. */
void *zalloc(zone_t zone);

/* zfree: return an element obtained from the same zone. */
void zfree(zone_t zone, void *elem);

/* zone_print_stats: one console line per zone. */
void zone_print_stats(void);

#endif /* _KERN_ZALLOC_H_ */
