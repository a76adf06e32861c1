/* SPDX-License-Identifier: MIT */
/* IPC spaces and their entry tables. */
#include <stddef.h>
#include <ipc/ipc_space.h>
#include <ipc/ipc_right.h>
#include <ipc/ipc_port.h>
#include <kern/zalloc.h>
#include <kern/pmem.h>
#include <kern/kstring.h>
#include <machine/vm_param.h>

static zone_t ipc_space_zone;

#define IE_PER_PAGE	(PAGE_SIZE / sizeof(struct ipc_entry))

_Static_assert(sizeof(struct ipc_entry) == 16, "ipc_entry is 16 bytes");

void ipc_space_init(void)
{
	ipc_space_zone = zone_create("ipc spaces", sizeof(struct ipc_space), 0);
}

/* Thread indices [from, to) onto the free list, lowest first. */
static void ipc_table_free_range(struct ipc_space *space, uint32_t from,
				 uint32_t to)
{
	for (uint32_t i = to; i-- > from;) {
		space->is_table[i].ie_object = NULL;
		space->is_table[i].ie_next = space->is_free;
		space->is_free = i;
	}
}

kern_return_t ipc_space_create(struct ipc_space **spacep)
{
	struct ipc_space *space = zalloc(ipc_space_zone);
	uint64_t pa;

	if (space == NULL)
		return KERN_RESOURCE_SHORTAGE;
	pa = pmem_alloc(1);
	if (pa == 0) {
		zfree(ipc_space_zone, space);
		return KERN_RESOURCE_SHORTAGE;
	}
	space->is_references = 1;
	space->is_active = true;
	space->is_table = phystokv(pa);
	space->is_table_size = IE_PER_PAGE;
	space->is_free = 0;
	space->is_count = 0;
	space->is_rhash = NULL;
	space->is_rhash_size = 0;
	space->is_rhash_used = 0;
	space->is_rhash_ok = false;
	memset(space->is_table, 0, PAGE_SIZE);
	ipc_table_free_range(space, 1, space->is_table_size);
	*spacep = space;
	return KERN_SUCCESS;
}

kern_return_t ipc_table_grow(struct ipc_space *space)
{
	uint32_t old = space->is_table_size;
	uint32_t pages = (uint32_t)(old / IE_PER_PAGE);
	uint64_t pa;

	if (old * 2 > IPC_TABLE_MAX)
		return KERN_NO_SPACE;
	if (!space->is_active)
		return KERN_NO_SPACE;
	pa = pmem_alloc(pages * 2);
	if (pa == 0)
		return KERN_RESOURCE_SHORTAGE;
	struct ipc_entry *table = phystokv(pa);

	memcpy(table, space->is_table, old * sizeof(struct ipc_entry));
	memset(table + old, 0, old * sizeof(struct ipc_entry));
	pmem_free(kvtophys(space->is_table), pages);
	space->is_table = table;
	space->is_table_size = old * 2;
	ipc_table_free_range(space, old, old * 2);
	return KERN_SUCCESS;
}

void ipc_entry_dealloc(struct ipc_space *space, mach_port_name_t name,
		       struct ipc_entry *entry)
{
	entry->ie_object = NULL;
	entry->ie_bits = IE_BITS_GEN(entry->ie_bits);	/* keep the generation */
	entry->ie_next = space->is_free;
	space->is_free = MACH_PORT_INDEX(name);
	space->is_count--;
}

/* ---- the reverse hash ---------------------------------------------------- */

#define RH_PER_PAGE	(PAGE_SIZE / sizeof(struct ipc_rhash_slot))

static inline uint32_t rhash_of(const void *port, uint32_t size)
{
	uint64_t v = (uint64_t)(uintptr_t)port >> 4;

	return (uint32_t)((v * 0x9e3779b97f4a7c15ULL) >> 32) & (size - 1);
}

/* Entry `e' holds a send or receive right to `port'. */
static inline bool rhash_names(const struct ipc_entry *e, const void *port)
{
	return e->ie_object == port &&
	       (IE_BITS_TYPE(e->ie_bits) &
		(MACH_PORT_TYPE_SEND | MACH_PORT_TYPE_RECEIVE)) != 0;
}

/* A slot that no longer describes its entry may be taken. */
static inline bool rhash_stale(const struct ipc_space *space,
			       const struct ipc_rhash_slot *sl)
{
	return sl->rh_index >= space->is_table_size ||
	       space->is_table[sl->rh_index].ie_object != sl->rh_port;
}

static void rhash_put(struct ipc_space *space, void *port, uint32_t index)
{
	uint32_t mask = space->is_rhash_size - 1;
	uint32_t i = rhash_of(port, space->is_rhash_size);

	for (;; i = (i + 1) & mask) {
		struct ipc_rhash_slot *sl = &space->is_rhash[i];

		if (sl->rh_port == NULL) {
			space->is_rhash_used++;
			break;
		}
		if ((sl->rh_port == port && sl->rh_index == index) ||
		    rhash_stale(space, sl))
			break;
	}
	space->is_rhash[i].rh_port = port;
	space->is_rhash[i].rh_index = index;
}

/* Rebuild the hash from the table, at a size for its entries. */
static void rhash_rebuild(struct ipc_space *space)
{
	uint32_t size = RH_PER_PAGE;
	uint64_t pa;

	while (size < 4 * space->is_count)
		size *= 2;
	if (space->is_rhash != NULL)
		pmem_free(kvtophys(space->is_rhash),
			  (unsigned)(space->is_rhash_size / RH_PER_PAGE));
	space->is_rhash = NULL;
	space->is_rhash_size = 0;
	space->is_rhash_used = 0;
	space->is_rhash_ok = false;
	pa = pmem_alloc((unsigned)(size / RH_PER_PAGE));
	if (pa == 0)
		return;				/* scan until the next try */
	space->is_rhash = phystokv(pa);
	space->is_rhash_size = size;
	memset(space->is_rhash, 0, size * sizeof(struct ipc_rhash_slot));
	/* Every object, whatever its type yet (callers set the bits after
	 * ie_object): validation on use sorts them out. */
	for (uint32_t i = 1; i < space->is_table_size; i++)
		if (space->is_table[i].ie_object != NULL)
			rhash_put(space, space->is_table[i].ie_object, i);
	space->is_rhash_ok = true;
}

void ipc_space_rhash_insert(struct ipc_space *space, struct ipc_port *port,
			    uint32_t index)
{
	if (!space->is_rhash_ok ||
	    space->is_rhash_used + 1 > space->is_rhash_size / 2) {
		rhash_rebuild(space);		/* includes this entry */
		return;
	}
	rhash_put(space, port, index);
}

static mach_port_name_t rhash_found(struct ipc_space *space, uint32_t i,
				    struct ipc_entry **entryp)
{
	struct ipc_entry *e = &space->is_table[i];

	*entryp = e;
	return MACH_PORT_MAKE(i, IE_BITS_GEN(e->ie_bits));
}

mach_port_name_t ipc_space_reverse_lookup(struct ipc_space *space,
					  struct ipc_port *port,
					  struct ipc_entry **entryp)
{
	if (space->is_rhash_ok) {
		uint32_t mask = space->is_rhash_size - 1;
		uint32_t i = rhash_of(port, space->is_rhash_size);

		for (;; i = (i + 1) & mask) {
			struct ipc_rhash_slot *sl = &space->is_rhash[i];

			if (sl->rh_port == NULL)
				return MACH_PORT_NULL;
			if (sl->rh_port == port &&
			    sl->rh_index < space->is_table_size &&
			    rhash_names(&space->is_table[sl->rh_index], port))
				return rhash_found(space,
						   (uint32_t)sl->rh_index,
						   entryp);
		}
	}
	for (uint32_t i = 1; i < space->is_table_size; i++)
		if (rhash_names(&space->is_table[i], port))
			return rhash_found(space, i, entryp);
	return MACH_PORT_NULL;
}

kern_return_t ipc_entry_alloc_name(struct ipc_space *space,
				   mach_port_name_t name,
				   struct ipc_entry **entryp)
{
	uint32_t index = MACH_PORT_INDEX(name);
	struct ipc_entry *entry;
	uint32_t *pp;

	if (!MACH_PORT_NAME_VALID(name) || index == 0)
		return KERN_INVALID_VALUE;
	if (index >= IPC_TABLE_MAX)
		return KERN_NO_SPACE;
	while (index >= space->is_table_size) {
		kern_return_t kr = ipc_table_grow(space);

		if (kr != KERN_SUCCESS)
			return kr;
	}
	entry = &space->is_table[index];
	if (IE_BITS_TYPE(entry->ie_bits) != MACH_PORT_TYPE_NONE)
		return KERN_NAME_EXISTS;
	/* Unlink the index from the free list. */
	for (pp = &space->is_free; *pp != 0; pp = &space->is_table[*pp].ie_next) {
		if (*pp == index) {
			*pp = entry->ie_next;
			break;
		}
	}
	entry->ie_next = 0;
	entry->ie_object = NULL;
	entry->ie_bits = MACH_PORT_GEN(name);
	space->is_count++;
	*entryp = entry;
	return KERN_SUCCESS;
}

void ipc_space_release(struct ipc_space *space)
{
	if (--space->is_references == 0)
		zfree(ipc_space_zone, space);
}

void ipc_space_destroy(struct ipc_space *space)
{
	space->is_active = false;
	for (uint32_t i = 1; i < space->is_table_size; i++) {
		struct ipc_entry *e = &space->is_table[i];

		if (IE_BITS_TYPE(e->ie_bits) != MACH_PORT_TYPE_NONE) {
			mach_port_name_t name =
				MACH_PORT_MAKE(i, IE_BITS_GEN(e->ie_bits));

			ipc_right_clean(space, e, name);
			e->ie_bits = IE_BITS_GEN(e->ie_bits);
		}
	}
	pmem_free(kvtophys(space->is_table),
		  (unsigned)(space->is_table_size / IE_PER_PAGE));
	space->is_table = NULL;
	space->is_table_size = 0;
	if (space->is_rhash != NULL)
		pmem_free(kvtophys(space->is_rhash),
			  (unsigned)(space->is_rhash_size / RH_PER_PAGE));
	space->is_rhash = NULL;
	space->is_rhash_ok = false;
	ipc_space_release(space);
}
