/* SPDX-License-Identifier: MIT */
/*
 * IPC spaces: a task's table of port names.  Entry 0 is never used (name 0
 * is MACH_PORT_NULL).  The table grows by doubling, up to IPC_TABLE_MAX
 * entries.
 *
 * Locking: none yet (one CPU, non-preemptible kernel).  A space is changed
 * only through ipc_space.c and ipc_right.c.
 */
#ifndef _IPC_IPC_SPACE_H_
#define _IPC_IPC_SPACE_H_

#include <stdint.h>
#include <stdbool.h>
#include <mach/kern_return.h>
#include <mach/port.h>
#include <ipc/ipc_entry.h>

struct ipc_port;

#define IPC_TABLE_MAX	(64 * 1024)	/* entries */

struct ipc_space {
	uint32_t		is_references;
	bool			is_active;	/* false once destroyed */
	struct ipc_entry	*is_table;	/* physmap, contiguous pages */
	uint32_t		is_table_size;	/* entries */
	uint32_t		is_free;	/* first free index, 0 = none */
	uint32_t		is_count;	/* entries in use */
	/* Reverse hash, port -> index (see ipc_space_rhash_insert). */
	struct ipc_rhash_slot	*is_rhash;	/* physmap pages, or NULL */
	uint32_t		is_rhash_size;	/* slots, a power of two */
	uint32_t		is_rhash_used;	/* non-empty slots */
	bool			is_rhash_ok;	/* holds every send/receive
						 * entry; else scan the table */
};

/* A reverse-hash slot: port NULL = empty; stale when the entry moved on. */
struct ipc_rhash_slot {
	void			*rh_port;
	uint64_t		rh_index;
};

/* ipc_space_init: create the zone.  Once at boot. */
void ipc_space_init(void);

/*
 * ipc_space_create: a new empty, active space with one reference.
 * Returns KERN_SUCCESS or KERN_RESOURCE_SHORTAGE.
 */
kern_return_t ipc_space_create(struct ipc_space **spacep);

/*
 * ipc_space_destroy: deactivate the space and release every right in it
 * (receive rights destroy their ports), then drop the reference.
 */
void ipc_space_destroy(struct ipc_space *space);

/* ipc_space_reference / ipc_space_release: the last release frees it. */
static inline void ipc_space_reference(struct ipc_space *space)
{
	space->is_references++;
}
void ipc_space_release(struct ipc_space *space);

/*
 * ipc_entry_alloc_name: the entry for the caller-chosen `name' (index and
 * generation), which must be free.  Returns KERN_SUCCESS (fresh entry, type
 * none), KERN_NAME_EXISTS (the index is in use), KERN_INVALID_VALUE
 * (MACH_PORT_NULL, MACH_PORT_DEAD or index 0), KERN_NO_SPACE (index beyond
 * IPC_TABLE_MAX) or KERN_RESOURCE_SHORTAGE.
 */
kern_return_t ipc_entry_alloc_name(struct ipc_space *space,
				   mach_port_name_t name,
				   struct ipc_entry **entryp);

/* ipc_entry_lookup: the live entry named `name', or NULL. */
static inline struct ipc_entry *ipc_entry_lookup(struct ipc_space *space,
						 mach_port_name_t name)
{
	uint32_t index = MACH_PORT_INDEX(name);
	struct ipc_entry *entry;

	if (index == 0 || index >= space->is_table_size)
		return NULL;
	entry = &space->is_table[index];
	if (IE_BITS_GEN(entry->ie_bits) != MACH_PORT_GEN(name) ||
	    IE_BITS_TYPE(entry->ie_bits) == MACH_PORT_TYPE_NONE)
		return NULL;
	return entry;
}

/* ipc_table_grow: double the table.  KERN_NO_SPACE at the limit or for an
 * inactive space, KERN_RESOURCE_SHORTAGE. */
kern_return_t ipc_table_grow(struct ipc_space *space);

/*
 * ipc_entry_alloc: a fresh entry (type none, urefs 0) and its new name.
 * Returns KERN_SUCCESS, KERN_NO_SPACE (table at its limit) or
 * KERN_RESOURCE_SHORTAGE.
 */
static inline kern_return_t ipc_entry_alloc(struct ipc_space *space,
					    mach_port_name_t *namep,
					    struct ipc_entry **entryp)
{
	uint32_t index, gen;
	struct ipc_entry *entry;

	if (space->is_free == 0) {
		kern_return_t kr = ipc_table_grow(space);

		if (kr != KERN_SUCCESS)
			return kr;
	}
	index = space->is_free;
	entry = &space->is_table[index];
	gen = IE_BITS_GEN(entry->ie_bits) + IE_BITS_GEN_ONE;
	space->is_free = entry->ie_next;
	entry->ie_next = 0;
	entry->ie_object = NULL;
	entry->ie_bits = gen;
	space->is_count++;
	*namep = MACH_PORT_MAKE(index, gen);
	*entryp = entry;
	return KERN_SUCCESS;
}

/* ipc_entry_dealloc: free an entry (its right already released). */
void ipc_entry_dealloc(struct ipc_space *space, mach_port_name_t name,
		       struct ipc_entry *entry);

/*
 * ipc_space_reverse_lookup: the name under which `space' holds a send or
 * receive right to `port' (one name per port, as Mach), or MACH_PORT_NULL.
 * O(1) expected through the space's reverse hash; a linear scan of the
 * table only while the hash could not be allocated.
 */
mach_port_name_t ipc_space_reverse_lookup(struct ipc_space *space,
					  struct ipc_port *port,
					  struct ipc_entry **entryp);

/*
 * ipc_space_rhash_insert: record that entry `index' of `space' now holds
 * `port' (call it after setting ie_object to a port with a send or receive
 * right; send-once and dead-name entries need not be recorded).  Slots are
 * validated on use and a stale one is reused, so nothing is removed when
 * an entry goes; the hash is rebuilt from the table when it fills.  Never
 * fails: without memory the space falls back to scanning until a later
 * rebuild succeeds.
 */
void ipc_space_rhash_insert(struct ipc_space *space, struct ipc_port *port,
			    uint32_t index);

#endif /* _IPC_IPC_SPACE_H_ */
