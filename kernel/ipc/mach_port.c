/* SPDX-License-Identifier: MIT */
/*
 * The mach_port interface (defs/mach_port.defs), called by the generated
 * KernelServer stubs.  Each call validates everything and returns its
 * error with nothing changed, then acts.  `space' is NULL when the request
 * went to a port that is not a task port: KERN_INVALID_TASK.
 *
 * Out-of-line arrays go back in kernel buffers (ipc_kmsg_ool_alloc) that
 * the reply message owns.  MACH_PORT_RIGHT_* as in GNU Mach; the protected
 * payload calls are not supported (KERN_FAILURE).
 */
#include <stddef.h>
#include <mach/mach_types.h>
#include <mach/notify.h>
#include <kern/ipc_kobject.h>
#include <ipc/ipc_space.h>
#include <ipc/ipc_right.h>
#include <ipc/ipc_port.h>
#include <ipc/ipc_pset.h>
#include <ipc/ipc_kmsg.h>
#include <ipc/ipc_mqueue.h>
#include <ipc/ipc_notify.h>
#include <kern/kstring.h>
#include "mach_portServer.h"

#define SPACE_CHECK(space) do {						\
	if ((space) == NULL || !(space)->is_active)			\
		return KERN_INVALID_TASK;				\
} while (0)

/*
 * The type bits mach_port_type reports for an entry of `space', as in
 * GNU Mach: MACH_PORT_TYPE_DNREQUEST while the name has a dead-name
 * request; MACH_PORT_TYPE_MAREQUEST while a message the space forced onto
 * the port's queue with MACH_SEND_NOTIFY, holding a send or receive right
 * to it, waits there (its msg-accepted notification not yet sent).  The
 * latter is found on the port's queue (ipc_mqueue_marequest_pending), so it
 * goes when the notification goes and with the name's last send/receive
 * right, and follows a rename.
 */
static mach_port_type_t entry_type(struct ipc_space *space,
				   const struct ipc_entry *entry)
{
	mach_port_type_t type = IE_BITS_TYPE(entry->ie_bits);

	if (entry->ie_bits & IE_BITS_DNREQUEST)
		type |= MACH_PORT_TYPE_DNREQUEST;
	if ((entry->ie_bits & (MACH_PORT_TYPE_SEND | MACH_PORT_TYPE_RECEIVE)) &&
	    entry->ie_object != NULL &&
	    ipc_mqueue_marequest_pending(entry->ie_object, space))
		type |= MACH_PORT_TYPE_MAREQUEST;
	return type;
}

kern_return_t mach_port_names(ipc_space_t space,
			      mach_port_name_array_t *names,
			      mach_msg_type_number_t *namesCnt,
			      mach_port_type_array_t *types,
			      mach_msg_type_number_t *typesCnt)
{
	uint32_t n, count;
	mach_port_name_t *nbuf = NULL;
	mach_port_type_t *tbuf = NULL;

	SPACE_CHECK(space);
	count = space->is_count;
	if (count != 0) {
		nbuf = ipc_kmsg_ool_alloc(count * sizeof(*nbuf));
		tbuf = ipc_kmsg_ool_alloc(count * sizeof(*tbuf));
		if (nbuf == NULL || tbuf == NULL) {
			ipc_kmsg_ool_free(nbuf, count * sizeof(*nbuf));
			ipc_kmsg_ool_free(tbuf, count * sizeof(*tbuf));
			return KERN_RESOURCE_SHORTAGE;
		}
	}
	n = 0;
	for (uint32_t i = 1; i < space->is_table_size && n < count; i++) {
		struct ipc_entry *e = &space->is_table[i];

		if (IE_BITS_TYPE(e->ie_bits) == MACH_PORT_TYPE_NONE)
			continue;
		nbuf[n] = MACH_PORT_MAKE(i, IE_BITS_GEN(e->ie_bits));
		tbuf[n] = entry_type(space, e);
		n++;
	}
	*names = nbuf;
	*types = tbuf;
	*namesCnt = n;
	*typesCnt = n;
	return KERN_SUCCESS;
}

kern_return_t mach_port_type(ipc_space_t space, mach_port_name_t name,
			     mach_port_type_t *ptype)
{
	struct ipc_entry *entry;

	SPACE_CHECK(space);
	if (ipc_right_lookup(space, name, &entry) != KERN_SUCCESS)
		return KERN_INVALID_NAME;
	*ptype = entry_type(space, entry);
	return KERN_SUCCESS;
}

kern_return_t mach_port_rename(ipc_space_t space, mach_port_name_t old_name,
			       mach_port_name_t new_name)
{
	struct ipc_entry *old, *new;
	struct ipc_dnrequest *dn;
	kern_return_t kr;
	uint32_t bits;
	void *object;

	SPACE_CHECK(space);
	if (!MACH_PORT_NAME_VALID(new_name))
		return KERN_INVALID_VALUE;
	if (ipc_right_lookup(space, old_name, &old) != KERN_SUCCESS)
		return KERN_INVALID_NAME;
	if (ipc_entry_lookup(space, new_name) != NULL)
		return KERN_NAME_EXISTS;
	kr = ipc_entry_alloc_name(space, new_name, &new);
	if (kr != KERN_SUCCESS)
		return kr;
	old = ipc_entry_lookup(space, old_name);	/* the table may move */
	bits = old->ie_bits;
	object = old->ie_object;
	new->ie_object = object;
	new->ie_bits = IE_BITS_GEN(new->ie_bits) | (bits & ~IE_BITS_GEN_MASK);
	if (bits & MACH_PORT_TYPE_PORT_SET) {
		((struct ipc_pset *)object)->ips_name = new_name;
	} else if (object != NULL) {
		struct ipc_port *port = object;

		if (bits & MACH_PORT_TYPE_RECEIVE)
			port->ip_receiver_name = new_name;
		if (bits & (MACH_PORT_TYPE_SEND | MACH_PORT_TYPE_RECEIVE))
			ipc_space_rhash_insert(space, port,
					       MACH_PORT_INDEX(new_name));
		for (dn = port->ip_dnrequests; dn != NULL; dn = dn->dn_next)
			if (dn->dn_space == space && dn->dn_name == old_name)
				dn->dn_name = new_name;
	}
	ipc_entry_dealloc(space, old_name, old);
	return KERN_SUCCESS;
}

/* Make the right `right' under the fresh entry (name). */
static kern_return_t port_allocate_in(ipc_space_t space, mach_port_right_t right,
				      mach_port_name_t name,
				      struct ipc_entry *entry)
{
	switch (right) {
	case MACH_PORT_RIGHT_RECEIVE: {
		struct ipc_port *port = ipc_port_alloc_receive(space, name);

		if (port == NULL)
			return KERN_RESOURCE_SHORTAGE;
		entry->ie_object = port;
		entry->ie_bits |= MACH_PORT_TYPE_RECEIVE;
		ipc_space_rhash_insert(space, port, MACH_PORT_INDEX(name));
		return KERN_SUCCESS;
	}
	case MACH_PORT_RIGHT_PORT_SET: {
		struct ipc_pset *pset = ipc_pset_alloc(space, name);

		if (pset == NULL)
			return KERN_RESOURCE_SHORTAGE;
		entry->ie_object = pset;
		entry->ie_bits |= MACH_PORT_TYPE_PORT_SET;
		return KERN_SUCCESS;
	}
	default:		/* MACH_PORT_RIGHT_DEAD_NAME */
		entry->ie_object = NULL;
		entry->ie_bits |= MACH_PORT_TYPE_DEAD_NAME | 1;
		return KERN_SUCCESS;
	}
}

static bool allocatable(mach_port_right_t right)
{
	return right == MACH_PORT_RIGHT_RECEIVE ||
	       right == MACH_PORT_RIGHT_PORT_SET ||
	       right == MACH_PORT_RIGHT_DEAD_NAME;
}

kern_return_t mach_port_allocate_name(ipc_space_t space,
				      mach_port_right_t right,
				      mach_port_name_t name)
{
	struct ipc_entry *entry;
	kern_return_t kr;

	SPACE_CHECK(space);
	if (!allocatable(right) || !MACH_PORT_NAME_VALID(name))
		return KERN_INVALID_VALUE;
	kr = ipc_entry_alloc_name(space, name, &entry);
	if (kr != KERN_SUCCESS)
		return kr;
	kr = port_allocate_in(space, right, name, entry);
	if (kr != KERN_SUCCESS)
		ipc_entry_dealloc(space, name, entry);
	return kr;
}

kern_return_t mach_port_allocate(ipc_space_t space, mach_port_right_t right,
				 mach_port_name_t *namep)
{
	struct ipc_entry *entry;
	mach_port_name_t name;
	kern_return_t kr;

	SPACE_CHECK(space);
	if (!allocatable(right))
		return KERN_INVALID_VALUE;
	kr = ipc_entry_alloc(space, &name, &entry);
	if (kr != KERN_SUCCESS)
		return kr;
	kr = port_allocate_in(space, right, name, entry);
	if (kr != KERN_SUCCESS) {
		ipc_entry_dealloc(space, name, entry);
		return kr;
	}
	*namep = name;
	return KERN_SUCCESS;
}

kern_return_t mach_port_destroy(ipc_space_t space, mach_port_name_t name)
{
	SPACE_CHECK(space);
	return ipc_right_destroy(space, name);
}

kern_return_t mach_port_deallocate(ipc_space_t space, mach_port_name_t name)
{
	SPACE_CHECK(space);
	return ipc_right_dealloc(space, name);
}

kern_return_t mach_port_get_refs(ipc_space_t space, mach_port_name_t name,
				 mach_port_right_t right,
				 mach_port_urefs_t *refs)
{
	struct ipc_entry *entry;
	uint32_t type;

	SPACE_CHECK(space);
	if (right >= MACH_PORT_RIGHT_NUMBER)
		return KERN_INVALID_VALUE;
	if (ipc_right_lookup(space, name, &entry) != KERN_SUCCESS)
		return KERN_INVALID_NAME;
	type = IE_BITS_TYPE(entry->ie_bits);
	if (!(type & MACH_PORT_TYPE(right)))
		*refs = 0;
	else if (right == MACH_PORT_RIGHT_SEND ||
		 right == MACH_PORT_RIGHT_DEAD_NAME)
		*refs = IE_BITS_UREFS(entry->ie_bits);
	else
		*refs = 1;
	return KERN_SUCCESS;
}

kern_return_t mach_port_mod_refs(ipc_space_t space, mach_port_name_t name,
				 mach_port_right_t right,
				 mach_port_delta_t delta)
{
	SPACE_CHECK(space);
	return ipc_right_delta(space, name, right, delta);
}

kern_return_t mach_port_set_qlimit(ipc_space_t space, mach_port_name_t name,
				   mach_port_msgcount_t qlimit)
{
	struct ipc_port *port;
	kern_return_t kr;

	SPACE_CHECK(space);
	kr = ipc_right_lookup_receive(space, name, &port);
	if (kr != KERN_SUCCESS)
		return kr;
	if (qlimit > MACH_PORT_QLIMIT_MAX)
		return KERN_INVALID_VALUE;
	port->ip_qlimit = qlimit;
	ipc_mqueue_qlimit_changed(port);
	return KERN_SUCCESS;
}

kern_return_t mach_port_set_mscount(ipc_space_t space, mach_port_name_t name,
				    mach_port_mscount_t mscount)
{
	struct ipc_port *port;
	kern_return_t kr;

	SPACE_CHECK(space);
	kr = ipc_right_lookup_receive(space, name, &port);
	if (kr != KERN_SUCCESS)
		return kr;
	port->ip_mscount = mscount;
	return KERN_SUCCESS;
}

kern_return_t mach_port_set_seqno(ipc_space_t space, mach_port_name_t name,
				  mach_port_seqno_t seqno)
{
	struct ipc_port *port;
	kern_return_t kr;

	SPACE_CHECK(space);
	kr = ipc_right_lookup_receive(space, name, &port);
	if (kr != KERN_SUCCESS)
		return kr;
	port->ip_seqno = seqno;
	return KERN_SUCCESS;
}

kern_return_t mach_port_get_set_status(ipc_space_t space, mach_port_name_t name,
				       mach_port_name_array_t *members,
				       mach_msg_type_number_t *membersCnt)
{
	struct ipc_entry *entry;
	struct ipc_pset *pset;
	struct ipc_port *port;
	mach_port_name_t *buf = NULL;
	uint32_t n = 0;

	SPACE_CHECK(space);
	if (ipc_right_lookup(space, name, &entry) != KERN_SUCCESS)
		return KERN_INVALID_NAME;
	if (!(entry->ie_bits & MACH_PORT_TYPE_PORT_SET))
		return KERN_INVALID_RIGHT;
	pset = entry->ie_object;
	for (port = pset->ips_members; port != NULL; port = port->ip_pset_next)
		n++;
	if (n != 0) {
		buf = ipc_kmsg_ool_alloc(n * sizeof(*buf));
		if (buf == NULL)
			return KERN_RESOURCE_SHORTAGE;
		n = 0;
		for (port = pset->ips_members; port != NULL;
		     port = port->ip_pset_next)
			buf[n++] = port->ip_receiver_name;
	}
	*members = buf;
	*membersCnt = n;
	return KERN_SUCCESS;
}

kern_return_t mach_port_move_member(ipc_space_t space, mach_port_name_t member,
				    mach_port_name_t after)
{
	struct ipc_entry *entry;
	struct ipc_pset *pset = NULL;
	struct ipc_port *port;
	kern_return_t kr;

	SPACE_CHECK(space);
	kr = ipc_right_lookup_receive(space, member, &port);
	if (kr != KERN_SUCCESS)
		return kr;
	if (after != MACH_PORT_NULL) {
		if (ipc_right_lookup(space, after, &entry) != KERN_SUCCESS)
			return KERN_INVALID_NAME;
		if (!(entry->ie_bits & MACH_PORT_TYPE_PORT_SET))
			return KERN_INVALID_RIGHT;
		pset = entry->ie_object;
	} else if (port->ip_pset == NULL) {
		return KERN_NOT_IN_SET;
	}
	if (port->ip_pset == pset)
		return KERN_SUCCESS;
	if (port->ip_pset != NULL)
		ipc_pset_remove(port);
	if (pset != NULL)
		ipc_pset_add(pset, port);
	return KERN_SUCCESS;
}

/* mach_port_request_notification for MACH_NOTIFY_DEAD_NAME. */
static kern_return_t dnrequest(ipc_space_t space, mach_port_name_t name,
			       struct ipc_entry *entry, mach_port_mscount_t sync,
			       struct ipc_port *notify,
			       struct ipc_port **previous)
{
	uint32_t type = IE_BITS_TYPE(entry->ie_bits);
	struct ipc_port *port = entry->ie_object;
	struct ipc_dnrequest *dn;

	if (type == MACH_PORT_TYPE_DEAD_NAME) {
		if (!IP_VALID(notify)) {
			*previous = NULL;
			return KERN_SUCCESS;
		}
		if (sync == 0)
			return KERN_INVALID_ARGUMENT;
		if (IE_BITS_UREFS(entry->ie_bits) == MACH_PORT_UREFS_MAX)
			return KERN_UREFS_OVERFLOW;
		/* Already dead: the notification goes at once. */
		entry->ie_bits++;
		*previous = NULL;
		ipc_notify_dead_name(notify, name);
		return KERN_SUCCESS;
	}
	if (!(type & (MACH_PORT_TYPE_SEND | MACH_PORT_TYPE_SEND_ONCE |
		      MACH_PORT_TYPE_RECEIVE)))
		return KERN_INVALID_RIGHT;
	if (!IP_VALID(notify)) {
		*previous = ipc_right_dncancel(space, name, entry);
		return KERN_SUCCESS;
	}
	if (entry->ie_bits & IE_BITS_DNREQUEST) {
		for (dn = port->ip_dnrequests; dn != NULL; dn = dn->dn_next) {
			if (dn->dn_space == space && dn->dn_name == name) {
				*previous = dn->dn_notify;
				dn->dn_notify = notify;
				return KERN_SUCCESS;
			}
		}
	}
	dn = ipc_dnrequest_alloc();
	if (dn == NULL)
		return KERN_RESOURCE_SHORTAGE;
	dn->dn_space = space;
	ipc_space_reference(space);
	dn->dn_name = name;
	dn->dn_notify = notify;
	dn->dn_next = port->ip_dnrequests;
	port->ip_dnrequests = dn;
	entry->ie_bits |= IE_BITS_DNREQUEST;
	*previous = NULL;
	return KERN_SUCCESS;
}

kern_return_t mach_port_request_notification(ipc_space_t space,
					     mach_port_name_t name,
					     mach_msg_id_t id,
					     mach_port_mscount_t sync,
					     mach_port_t notify_slot,
					     mach_port_t *previous_slot,
					     mach_msg_type_name_t *previousPoly)
{
	struct ipc_port *notify = (struct ipc_port *)notify_slot;
	struct ipc_port *previous = NULL;
	struct ipc_entry *entry;
	struct ipc_port *port;
	kern_return_t kr;

	SPACE_CHECK(space);
	if (id != MACH_NOTIFY_PORT_DESTROYED && id != MACH_NOTIFY_NO_SENDERS &&
	    id != MACH_NOTIFY_DEAD_NAME)
		return KERN_INVALID_VALUE;
	if (ipc_right_lookup(space, name, &entry) != KERN_SUCCESS)
		return KERN_INVALID_NAME;
	if (id == MACH_NOTIFY_DEAD_NAME) {
		kr = dnrequest(space, name, entry, sync, notify, &previous);
		if (kr != KERN_SUCCESS)
			return kr;
	} else {
		if (!(entry->ie_bits & MACH_PORT_TYPE_RECEIVE))
			return KERN_INVALID_RIGHT;
		port = entry->ie_object;
		if (id == MACH_NOTIFY_PORT_DESTROYED) {
			if (sync != 0)
				return KERN_INVALID_VALUE;
			previous = port->ip_pdrequest;
			port->ip_pdrequest = IP_VALID(notify) ? notify : NULL;
		} else {
			previous = port->ip_nsrequest;
			port->ip_nsrequest = IP_VALID(notify) ? notify : NULL;
			port->ip_nssync = sync;
			ipc_port_nsrequest_check(port);
		}
	}
	*previous_slot = (mach_port_t)previous;
	*previousPoly = MACH_MSG_TYPE_MOVE_SEND_ONCE;
	return KERN_SUCCESS;
}

kern_return_t mach_port_insert_right(ipc_space_t space, mach_port_name_t name,
				     mach_port_t poly_slot,
				     mach_msg_type_name_t polyPoly)
{
	struct ipc_port *port = (struct ipc_port *)poly_slot;
	struct ipc_entry *entry, *other;
	mach_port_name_t other_name;
	kern_return_t kr;

	SPACE_CHECK(space);
	if (!MACH_PORT_NAME_VALID(name))
		return KERN_INVALID_VALUE;
	if (!IP_VALID(port))
		return KERN_INVALID_CAPABILITY;
	if (polyPoly != MACH_MSG_TYPE_PORT_SEND &&
	    polyPoly != MACH_MSG_TYPE_PORT_SEND_ONCE &&
	    polyPoly != MACH_MSG_TYPE_PORT_RECEIVE)
		return KERN_INVALID_VALUE;
	other_name = polyPoly == MACH_MSG_TYPE_PORT_SEND_ONCE ? MACH_PORT_NULL :
		     ipc_space_reverse_lookup(space, port, &other);
	entry = ipc_entry_lookup(space, name);
	if (other_name != MACH_PORT_NULL && other_name != name)
		return KERN_RIGHT_EXISTS;
	if (entry != NULL) {
		if (other_name != name)
			return KERN_NAME_EXISTS;
		/* Merge into the name that already denotes the port. */
		if (polyPoly == MACH_MSG_TYPE_PORT_RECEIVE) {
			if (entry->ie_bits & MACH_PORT_TYPE_RECEIVE)
				return KERN_RIGHT_EXISTS;
		} else if ((entry->ie_bits & MACH_PORT_TYPE_SEND) &&
			   IE_BITS_UREFS(entry->ie_bits) == MACH_PORT_UREFS_MAX) {
			return KERN_UREFS_OVERFLOW;
		}
		ipc_right_copyout(space, port, polyPoly, &other_name);
		return KERN_SUCCESS;
	}
	kr = ipc_entry_alloc_name(space, name, &entry);
	if (kr != KERN_SUCCESS)
		return kr;
	if (!port->ip_active && polyPoly != MACH_MSG_TYPE_PORT_RECEIVE) {
		ipc_right_release(port, polyPoly);
		entry->ie_bits |= MACH_PORT_TYPE_DEAD_NAME | 1;
		return KERN_SUCCESS;
	}
	entry->ie_object = port;
	switch (polyPoly) {
	case MACH_MSG_TYPE_PORT_SEND:
		entry->ie_bits |= MACH_PORT_TYPE_SEND | 1;
		break;
	case MACH_MSG_TYPE_PORT_SEND_ONCE:
		entry->ie_bits |= MACH_PORT_TYPE_SEND_ONCE | 1;
		break;
	default:
		ipc_port_clear_destination(port);	/* no longer in transit */
		entry->ie_bits |= MACH_PORT_TYPE_RECEIVE;
		port->ip_receiver = space;
		port->ip_receiver_name = name;
		break;
	}
	if (polyPoly != MACH_MSG_TYPE_PORT_SEND_ONCE)
		ipc_space_rhash_insert(space, port, MACH_PORT_INDEX(name));
	return KERN_SUCCESS;
}

kern_return_t mach_port_extract_right(ipc_space_t space, mach_port_name_t name,
				      mach_msg_type_name_t msgt_name,
				      mach_port_t *poly_slot,
				      mach_msg_type_name_t *polyPoly)
{
	kern_return_t kr;

	SPACE_CHECK(space);
	if (msgt_name < MACH_MSG_TYPE_MOVE_RECEIVE ||
	    msgt_name > MACH_MSG_TYPE_MAKE_SEND_ONCE)
		return KERN_INVALID_VALUE;
	if (!MACH_PORT_NAME_VALID(name))
		return KERN_INVALID_NAME;
	kr = ipc_right_copyin_check(space, name, msgt_name);
	ipc_right_copyin_reset(space, name);
	if (kr != KERN_SUCCESS)
		return kr;
	*poly_slot = (mach_port_t)ipc_right_copyin(space, name, msgt_name);
	*polyPoly = ipc_right_copyin_type(msgt_name);
	return KERN_SUCCESS;
}

kern_return_t mach_port_get_receive_status(ipc_space_t space,
					   mach_port_name_t name,
					   mach_port_status_t *status)
{
	struct ipc_port *port;
	kern_return_t kr;

	SPACE_CHECK(space);
	kr = ipc_right_lookup_receive(space, name, &port);
	if (kr != KERN_SUCCESS)
		return kr;
	memset(status, 0, sizeof(*status));
	status->mps_pset = port->ip_pset != NULL ? port->ip_pset->ips_name :
						   MACH_PORT_NULL;
	status->mps_seqno = port->ip_seqno;
	status->mps_mscount = port->ip_mscount;
	status->mps_qlimit = port->ip_qlimit;
	status->mps_msgcount = port->ip_msgcount;
	status->mps_sorights = port->ip_sorights;
	status->mps_srights = port->ip_srights != 0;
	status->mps_pdrequest = port->ip_pdrequest != NULL;
	status->mps_nsrequest = port->ip_nsrequest != NULL;
	return KERN_SUCCESS;
}

kern_return_t mach_port_set_protected_payload(ipc_space_t space,
					      mach_port_name_t name,
					      natural_t payload)
{
	(void)name;
	(void)payload;
	SPACE_CHECK(space);
	return KERN_FAILURE;
}

kern_return_t mach_port_clear_protected_payload(ipc_space_t space,
						mach_port_name_t name)
{
	(void)name;
	SPACE_CHECK(space);
	return KERN_FAILURE;
}
