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

mach_port_name_t ipc_space_reverse_lookup(struct ipc_space *space,
					  struct ipc_port *port,
					  struct ipc_entry **entryp)
{
	for (uint32_t i = 1; i < space->is_table_size; i++) {
		struct ipc_entry *e = &space->is_table[i];

		if (e->ie_object == port &&
		    (IE_BITS_TYPE(e->ie_bits) &
		     (MACH_PORT_TYPE_SEND | MACH_PORT_TYPE_RECEIVE))) {
			*entryp = e;
			return MACH_PORT_MAKE(i, IE_BITS_GEN(e->ie_bits));
		}
	}
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
	ipc_space_release(space);
}
