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

/* ipc_entry_lookup: the live entry named `name', or NULL. */
struct ipc_entry *ipc_entry_lookup(struct ipc_space *space,
				   mach_port_name_t name);

/*
 * ipc_entry_alloc: a fresh entry (type none, urefs 0) and its new name.
 * Returns KERN_SUCCESS, KERN_NO_SPACE (table at its limit) or
 * KERN_RESOURCE_SHORTAGE.
 */
kern_return_t ipc_entry_alloc(struct ipc_space *space, mach_port_name_t *namep,
			      struct ipc_entry **entryp);

/* ipc_entry_dealloc: free an entry (its right already released). */
void ipc_entry_dealloc(struct ipc_space *space, mach_port_name_t name,
		       struct ipc_entry *entry);

/*
 * ipc_space_reverse_lookup: the name under which `space' holds a send or
 * receive right to `port' (one name per port, as Mach), or MACH_PORT_NULL.
 * A linear scan for now: the IPC issue should add GNU Mach's reverse hash
 * (the trap fast paths do not use it: they keep a name hint).
 */
mach_port_name_t ipc_space_reverse_lookup(struct ipc_space *space,
					  struct ipc_port *port,
					  struct ipc_entry **entryp);

#endif /* _IPC_IPC_SPACE_H_ */
