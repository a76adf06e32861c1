/* SPDX-License-Identifier: MIT */
/*
 * Rights in a space: looking names up, moving rights into messages
 * (copyin) and out of them (copyout), releasing them.  One name per port
 * per space for send and receive rights, as in Mach; each send-once right
 * has its own name.
 *
 * Copyin is split so a message is validated before anything changes:
 * ipc_right_copyin_check() for every right of the message in order (it
 * keeps a per-entry tally in ie_next so that, e.g., two MOVE_SENDs of a
 * name with one user reference fail), ipc_right_copyin_reset() for the same
 * names afterwards (success or not), then ipc_right_copyin(), which cannot
 * fail.
 *
 * Conditions for every call: one CPU, non-preemptible kernel; none blocks.
 */
#ifndef _IPC_IPC_RIGHT_H_
#define _IPC_IPC_RIGHT_H_

#include <stdbool.h>
#include <mach/kern_return.h>
#include <mach/port.h>
#include <mach/message.h>
#include <ipc/ipc_space.h>

struct ipc_entry;
struct ipc_port;

/*
 * ipc_right_check: a send or send-once right (without the receive right)
 * to a dead port becomes a dead name with the same user references (1 for
 * send-once), releasing the port.  Other entries are left alone.
 */
void ipc_right_check(struct ipc_entry *entry);

/*
 * ipc_right_lookup: the entry `name' denotes, after ipc_right_check.
 * KERN_INVALID_NAME when the name denotes nothing.
 */
static inline kern_return_t ipc_right_lookup(struct ipc_space *space,
					     mach_port_name_t name,
					     struct ipc_entry **entryp)
{
	struct ipc_entry *entry = ipc_entry_lookup(space, name);

	if (entry == NULL)
		return KERN_INVALID_NAME;
	/* A send or send-once right without the receive right may be dead. */
	if ((entry->ie_bits & (MACH_PORT_TYPE_SEND | MACH_PORT_TYPE_SEND_ONCE)) &&
	    !(entry->ie_bits & MACH_PORT_TYPE_RECEIVE))
		ipc_right_check(entry);
	*entryp = entry;
	return KERN_SUCCESS;
}

/*
 * ipc_right_lookup_send / _receive: the port `name' holds a send (or
 * receive) right to; no reference taken.  KERN_INVALID_NAME or
 * KERN_INVALID_RIGHT (a dead name is not a send right).
 */
kern_return_t ipc_right_lookup_send(struct ipc_space *space,
				    mach_port_name_t name,
				    struct ipc_port **portp);
kern_return_t ipc_right_lookup_receive(struct ipc_space *space,
				       mach_port_name_t name,
				       struct ipc_port **portp);

/* ipc_right_copyin_check: see above.  KERN_SUCCESS, KERN_INVALID_NAME,
 * KERN_INVALID_RIGHT (wrong right, or used up earlier in the message). */
kern_return_t ipc_right_copyin_check(struct ipc_space *space,
				     mach_port_name_t name,
				     mach_msg_type_name_t msgt_name);
void ipc_right_copyin_reset(struct ipc_space *space, mach_port_name_t name);

/*
 * ipc_right_copyin: take the right `msgt_name' (a MACH_MSG_TYPE_MOVE_*,
 * COPY_SEND or MAKE_* disposition) of `name' out of `space' for a message.
 * Returns the port (with the right and a reference), IP_DEAD for a dead
 * name, NULL for MACH_PORT_NULL.  Checked with ipc_right_copyin_check
 * first: cannot fail.
 */
struct ipc_port *ipc_right_copyin(struct ipc_space *space,
				  mach_port_name_t name,
				  mach_msg_type_name_t msgt_name);

/*
 * ipc_right_copyin_dn: the same, but when the copyin takes the name out of
 * the space and the name had a dead-name request, the request is cancelled
 * and its send-once right returned in *dnp (else NULL) instead of getting
 * the port-deleted notification: the caller sends it (ipc_notify_port_deleted
 * naming `name') or releases it (MACH_SEND_CANCEL).  Cannot fail.
 */
struct ipc_port *ipc_right_copyin_dn(struct ipc_space *space,
				     mach_port_name_t name,
				     mach_msg_type_name_t msgt_name,
				     struct ipc_port **dnp);

/* ipc_right_copyin_type: the type the receiver gets for a disposition. */
static inline mach_msg_type_name_t
ipc_right_copyin_type(mach_msg_type_name_t disp)
{
	switch (disp) {
	case MACH_MSG_TYPE_MOVE_RECEIVE:
		return MACH_MSG_TYPE_PORT_RECEIVE;
	case MACH_MSG_TYPE_MOVE_SEND_ONCE:
	case MACH_MSG_TYPE_MAKE_SEND_ONCE:
		return MACH_MSG_TYPE_PORT_SEND_ONCE;
	default:
		return MACH_MSG_TYPE_PORT_SEND;
	}
}

/*
 * ipc_right_copyout: give `space' the right `port' carries (its type
 * MACH_MSG_TYPE_PORT_SEND, _SEND_ONCE or _RECEIVE; consumed).  A send right
 * merges with the space's name for the port.  A right to a dead port comes
 * out as MACH_PORT_DEAD.  Returns KERN_SUCCESS, or KERN_NO_SPACE (the right
 * is destroyed and *namep is MACH_PORT_NULL).
 */
kern_return_t ipc_right_copyout(struct ipc_space *space, struct ipc_port *port,
				mach_msg_type_name_t type,
				mach_port_name_t *namep);

/*
 * ipc_right_release: drop a right held outside any space (in a message or
 * kernel slot) of type PORT_SEND / PORT_SEND_ONCE / PORT_RECEIVE.  NULL
 * and IP_DEAD are ignored.
 */
void ipc_right_release(struct ipc_port *port, mach_msg_type_name_t type);

/*
 * ipc_right_alloc_receive: a new port whose receive right `space' holds.
 * Returns KERN_SUCCESS (*namep, *portp set), KERN_NO_SPACE or
 * KERN_RESOURCE_SHORTAGE.
 */
kern_return_t ipc_right_alloc_receive(struct ipc_space *space,
				      mach_port_name_t *namep,
				      struct ipc_port **portp);

/*
 * ipc_right_copyout_send: old name of a PORT_SEND copyout that also tries
 * *hint first and writes the name back there (mach_task_self and friends).
 */
kern_return_t ipc_right_copyout_send(struct ipc_space *space,
				     struct ipc_port *port,
				     mach_port_name_t *namep,
				     mach_port_name_t *hint);

/*
 * ipc_right_dealloc: mach_port_deallocate: drop one user reference of a
 * send right or dead name, or the send-once right.  KERN_INVALID_NAME,
 * KERN_INVALID_RIGHT (receive right alone, port set).
 */
kern_return_t ipc_right_dealloc(struct ipc_space *space, mach_port_name_t name);

/*
 * ipc_right_destroy: mach_port_destroy: every right the name denotes goes
 * and the name is freed.  KERN_INVALID_NAME.
 */
kern_return_t ipc_right_destroy(struct ipc_space *space, mach_port_name_t name);

/*
 * ipc_right_delta: mach_port_mod_refs.  KERN_INVALID_NAME,
 * KERN_INVALID_RIGHT (the name has no such right), KERN_INVALID_VALUE
 * (bad right, or urefs would go negative, or a receive/send-once/set
 * delta other than 0 or -1), KERN_UREFS_OVERFLOW.
 */
kern_return_t ipc_right_delta(struct ipc_space *space, mach_port_name_t name,
			      mach_port_right_t right, int delta);

/*
 * ipc_right_clean: release every right `entry' holds (space destruction).
 * The entry is left for the caller to discard.
 */
void ipc_right_clean(struct ipc_space *space, struct ipc_entry *entry,
		     mach_port_name_t name);

/*
 * ipc_right_dnrequest_fired: `port' died with a dead-name request for
 * `name' in `space': the name (if it still denotes the port) becomes a
 * dead name with one more user reference and `notify' gets the dead-name
 * notification.
 */
void ipc_right_dnrequest_fired(struct ipc_space *space, mach_port_name_t name,
			       struct ipc_port *port, struct ipc_port *notify);

/*
 * ipc_right_dnrequest_add: make `dn' (a record from ipc_dnrequest_alloc)
 * the dead-name request of `name' in `space', whose `entry' holds a send
 * or send-once right to a live port and has no request yet; `notify' (a
 * send-once right, consumed) gets the dead-name notification.  Cannot
 * fail.
 */
struct ipc_dnrequest;
void ipc_right_dnrequest_add(struct ipc_space *space, mach_port_name_t name,
			     struct ipc_entry *entry, struct ipc_dnrequest *dn,
			     struct ipc_port *notify);

/*
 * ipc_right_dncancel: remove the dead-name request of `name' (entry's
 * port) and return its notify right (NULL if none); clears the bit.
 */
struct ipc_port *ipc_right_dncancel(struct ipc_space *space,
				    mach_port_name_t name,
				    struct ipc_entry *entry);

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
