/* SPDX-License-Identifier: MIT */
/*
 * Rights in a space: inserting (copyout), finding (lookup) and releasing
 * send and receive rights.  One name per port per space, as in Mach; a name
 * counts its send-right user references in the entry's urefs.
 */
#ifndef _IPC_IPC_RIGHT_H_
#define _IPC_IPC_RIGHT_H_

#include <mach/kern_return.h>
#include <stdbool.h>
#include <mach/port.h>
#include <ipc/ipc_space.h>

struct ipc_space;
struct ipc_entry;
struct ipc_port;

/*
 * ipc_right_copyout_send: give `space' the send right `port' carries (made
 * with ipc_port_make_send; consumed).  Merges with an existing name for the
 * port (urefs + 1, saturating at MACH_PORT_UREFS_MAX).
 * *hint, if not NULL, is a name to try first and receives the result.
 * Returns KERN_SUCCESS, KERN_NO_SPACE or KERN_RESOURCE_SHORTAGE (the right
 * is released on failure).
 */
kern_return_t ipc_right_copyout_send(struct ipc_space *space,
				     struct ipc_port *port,
				     mach_port_name_t *namep,
				     mach_port_name_t *hint);

/*
 * ipc_right_alloc_receive: a new port whose receive right `space' holds.
 * Returns KERN_SUCCESS (*namep, *portp set), KERN_NO_SPACE or
 * KERN_RESOURCE_SHORTAGE.
 */
kern_return_t ipc_right_alloc_receive(struct ipc_space *space,
				      mach_port_name_t *namep,
				      struct ipc_port **portp);

/*
 * ipc_right_lookup_send: the port `name' holds a send right to (no
 * reference taken).  KERN_INVALID_NAME (no such name) or KERN_INVALID_RIGHT.
 */
kern_return_t ipc_right_lookup_send(struct ipc_space *space,
				    mach_port_name_t name,
				    struct ipc_port **portp);

/* ipc_right_lookup_receive: the same for a receive right. */
kern_return_t ipc_right_lookup_receive(struct ipc_space *space,
				       mach_port_name_t name,
				       struct ipc_port **portp);

/*
 * ipc_right_clean: release every right `entry' holds (space destruction).
 * The entry is left for the caller to discard.
 */
void ipc_right_clean(struct ipc_space *space, struct ipc_entry *entry);

/*
 * ipc_right_hint_send: fast path of mach_task_self and friends.  If `hint'
 * still names a send right to `port' in `space', add a user reference
 * (saturating) and return true; otherwise return false and change nothing.
 */
static inline bool ipc_right_hint_send(struct ipc_space *space,
				       struct ipc_port *port,
				       mach_port_name_t hint)
{
	uint32_t index = MACH_PORT_INDEX(hint);
	struct ipc_entry *entry;
	uint32_t bits;

	if (index >= space->is_table_size)
		return false;
	entry = &space->is_table[index];
	bits = entry->ie_bits;
	if (entry->ie_object != port ||
	    (bits & (IE_BITS_GEN_MASK | MACH_PORT_TYPE_SEND)) !=
	    (MACH_PORT_GEN(hint) | MACH_PORT_TYPE_SEND))
		return false;
	if (IE_BITS_UREFS(bits) != MACH_PORT_UREFS_MAX)
		entry->ie_bits = bits + 1;
	return true;
}

#endif /* _IPC_IPC_RIGHT_H_ */
