/* SPDX-License-Identifier: MIT */
/*
 * Port sets: a receive right that stands for a group of ports.  Receiving
 * from a set takes the first message queued on any member; a port is in
 * at most one set, and while it is, it cannot be received from directly
 * (MACH_RCV_IN_SET).
 *
 * Locking: none (one CPU, non-preemptible kernel).
 */
#ifndef _IPC_IPC_PSET_H_
#define _IPC_IPC_PSET_H_

#include <stdint.h>
#include <stdbool.h>
#include <mach/port.h>

struct ipc_space;
struct ipc_port;
struct thread;

struct ipc_pset {
	uint32_t		ips_references;	/* the entry's, waiters' */
	bool			ips_active;
	struct ipc_space	*ips_space;	/* holder of the set */
	mach_port_name_t	ips_name;
	struct ipc_port		*ips_members;	/* via ip_pset_next */
	struct thread		*ips_rcv_waiters;
};

/* ipc_pset_init: create the zone.  Once at boot. */
void ipc_pset_init(void);

/* ipc_pset_count: sets in existence (leak checks). */
unsigned ipc_pset_count(void);

/* ipc_pset_alloc: a new empty set named `name' in `space'; NULL: no memory. */
struct ipc_pset *ipc_pset_alloc(struct ipc_space *space, mach_port_name_t name);

/*
 * ipc_pset_add: put `port' (active, received by a task, in no set) into
 * `pset'.  Threads receiving on the port directly get MACH_RCV_PORT_CHANGED;
 * messages already queued become receivable through the set.
 */
void ipc_pset_add(struct ipc_pset *pset, struct ipc_port *port);

/* ipc_pset_remove: take `port' out of its set. */
void ipc_pset_remove(struct ipc_port *port);

/*
 * ipc_pset_destroy: the set's name goes away: members leave it, waiting
 * receivers get MACH_RCV_PORT_DIED, the entry's reference is dropped.
 */
void ipc_pset_destroy(struct ipc_pset *pset);

/* ipc_pset_release: drop a reference; the last frees the set. */
void ipc_pset_release(struct ipc_pset *pset);

#endif /* _IPC_IPC_PSET_H_ */
