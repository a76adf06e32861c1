/* SPDX-License-Identifier: MIT */
/* Physical page bitmap: bit set = page in use (or not RAM). */
#include <stdbool.h>
#include <kern/pmem.h>
#include <kern/kstring.h>
#include <kern/panic.h>
#include <kern/kprintf.h>
#include <machine/vm_param.h>

#define PMEM_MAX_PAGES	(PHYSMAP_SIZE / PAGE_SIZE)

static uint64_t pmem_bitmap[PMEM_MAX_PAGES / 64];
static uint64_t pmem_npages;	/* pages covered (highest usable + 1) */
static uint64_t pmem_nfree;
static uint64_t pmem_ntotal;
static uint64_t pmem_hint;	/* first page worth searching from */

static inline bool pmem_used(uint64_t pg)
{
	return (pmem_bitmap[pg / 64] >> (pg % 64)) & 1;
}

static inline void pmem_set(uint64_t pg, bool used)
{
	if (used)
		pmem_bitmap[pg / 64] |= 1ULL << (pg % 64);
	else
		pmem_bitmap[pg / 64] &= ~(1ULL << (pg % 64));
}

void pmem_init(const struct boot_info *bi)
{
	uint64_t first = round_page(bi->reserved_end) / PAGE_SIZE;

	memset(pmem_bitmap, 0xff, sizeof(pmem_bitmap));
	for (unsigned i = 0; i < bi->nranges; i++) {
		uint64_t lo = round_page(bi->ranges[i].base) / PAGE_SIZE;
		uint64_t hi = trunc_page(bi->ranges[i].base + bi->ranges[i].len) /
			      PAGE_SIZE;

		if (lo < first)
			lo = first;
		if (hi > PMEM_MAX_PAGES) {
			kprintf("machkernel: memory above %lu MiB not used\n",
				(uint64_t)PHYSMAP_SIZE >> 20);
			hi = PMEM_MAX_PAGES;
		}
		for (uint64_t pg = lo; pg < hi;) {
			if (pg % 64 == 0 && hi - pg >= 64 &&
			    pmem_bitmap[pg / 64] == ~0ULL) {
				pmem_bitmap[pg / 64] = 0;	/* a whole word */
				pmem_nfree += 64;
				pg += 64;
				continue;
			}
			if (pmem_used(pg)) {
				pmem_set(pg, false);
				pmem_nfree++;
			}
			pg++;
		}
		if (hi > pmem_npages)
			pmem_npages = hi;
	}
	pmem_ntotal = pmem_nfree;
	pmem_hint = first;
}

uint64_t pmem_alloc(unsigned n)
{
	uint64_t run = 0;

	if (n == 0 || n > pmem_nfree)
		return 0;
	for (uint64_t pg = pmem_hint; pg < pmem_npages; pg++) {
		if (run == 0 && n == 1 && pmem_bitmap[pg / 64] == ~0ULL &&
		    pg % 64 == 0) {
			pg += 63;		/* skip a full word */
			continue;
		}
		if (pmem_used(pg)) {
			run = 0;
			continue;
		}
		if (++run == n) {
			uint64_t start = pg + 1 - n;

			for (uint64_t p = start; p <= pg; p++)
				pmem_set(p, true);
			pmem_nfree -= n;
			if (start == pmem_hint)
				pmem_hint = pg + 1;
			return start * PAGE_SIZE;
		}
	}
	return 0;
}

void pmem_free(uint64_t pa, unsigned n)
{
	uint64_t pg = pa / PAGE_SIZE;

	for (unsigned i = 0; i < n; i++) {
		if (pg + i >= pmem_npages || !pmem_used(pg + i))
			panic("pmem_free: page 0x%lx not allocated",
			      (pg + i) * PAGE_SIZE);
		pmem_set(pg + i, false);
	}
	pmem_nfree += n;
	if (pg < pmem_hint)
		pmem_hint = pg;
}

uint64_t pmem_free_count(void)
{
	return pmem_nfree;
}

uint64_t pmem_total_count(void)
{
	return pmem_ntotal;
}
