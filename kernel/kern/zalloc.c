/* SPDX-License-Identifier: MIT */
/* Zone allocator. */
#include <kern/zalloc.h>
#include <kern/pmem.h>
#include <kern/panic.h>
#include <kern/kprintf.h>
#include <machine/vm_param.h>

struct zone_free {
	struct zone_free *next;
};

static struct zone zone_zone_store;	/* the zone of zones */
static struct zone *zone_list;

static void zone_init(zone_t z, const char *name, size_t size, size_t max)
{
	z->name = name;
	z->elem_size = (size + 7) & ~(size_t)7;
	z->count = 0;
	z->peak = 0;
	z->max_count = max;
	z->pages = 0;
	z->alloc_total = 0;
	z->fail_total = 0;
	z->free_list = NULL;
	z->next = zone_list;
	zone_list = z;
}

void zone_bootstrap(void)
{
	zone_init(&zone_zone_store, "zones", sizeof(struct zone), 0);
}

zone_t zone_create(const char *name, size_t size, size_t max_count)
{
	zone_t z;

	if (size == 0 || size > PAGE_SIZE)
		panic("zone_create: %s: bad size %zu", name, size);
	z = zalloc(&zone_zone_store);
	if (z == NULL)
		panic("zone_create: %s: out of memory", name);
	zone_init(z, name, size, max_count);
	return z;
}

/* Carve one fresh page into elements.  Returns 0 when out of memory. */
static int zone_grow(zone_t z)
{
	uint64_t pa = pmem_alloc(1);

	if (pa == 0)
		return 0;
	char *page = phystokv(pa);

	for (size_t off = 0; off + z->elem_size <= PAGE_SIZE; off += z->elem_size) {
		struct zone_free *f = (struct zone_free *)(page + off);

		f->next = z->free_list;
		z->free_list = f;
	}
	z->pages++;
	return 1;
}

void *zalloc(zone_t z)
{
	struct zone_free *f;

	if ((z->max_count != 0 && z->count >= z->max_count) ||
	    (z->free_list == NULL && !zone_grow(z))) {
		z->fail_total++;
		return NULL;
	}
	f = z->free_list;
	z->free_list = f->next;
	z->count++;
	z->alloc_total++;
	if (z->count > z->peak)
		z->peak = z->count;
	return f;
}

void zfree(zone_t z, void *elem)
{
	struct zone_free *f = elem;

	if (elem == NULL)
		panic("zfree: %s: NULL element", z->name);
	if (z->count == 0)
		panic("zfree: %s: more frees than allocations", z->name);
	f->next = z->free_list;
	z->free_list = f;
	z->count--;
}

void zone_print_stats(void)
{
	kprintf("zone statistics: name elem_size in_use peak max pages allocs fails\n");
	for (zone_t z = zone_list; z != NULL; z = z->next)
		kprintf("zone %s %zu %zu %zu %zu %zu %lu %lu\n", z->name,
			z->elem_size, z->count, z->peak, z->max_count,
			z->pages, z->alloc_total, z->fail_total);
}
