/* SPDX-License-Identifier: MIT */
/* Right manipulation inside a space. */
#include <stddef.h>
#include <ipc/ipc_right.h>
#include <ipc/ipc_space.h>
#include <ipc/ipc_port.h>
#include <ipc/ipc_pset.h>
#include <ipc/ipc_notify.h>
#include <ipc/ipc_mqueue.h>
#include <kern/panic.h>

/* ie_next tally while a message is checked (ipc_right_copyin_check). */
#define IE_TALLY_UREFS		0x0000ffffU	/* urefs / send-once used */
#define IE_TALLY_RECEIVE	0x00010000U	/* receive right moved */

#define IE_PORT(entry)		((struct ipc_port *)(entry)->ie_object)

/*
 * A send or send-once right to a dead port becomes a dead name (the port's
 * rights and the entry's reference are released), as in Mach.
 */
void ipc_right_check(struct ipc_entry *entry)
{
	uint32_t bits = entry->ie_bits;
	uint32_t type = IE_BITS_TYPE(bits);
	struct ipc_port *port;

	if (!(type & (MACH_PORT_TYPE_SEND | MACH_PORT_TYPE_SEND_ONCE)) ||
	    (type & MACH_PORT_TYPE_RECEIVE))
		return;
	port = IE_PORT(entry);
	if (port->ip_active)
		return;
	if (type & MACH_PORT_TYPE_SEND) {
		port->ip_srights--;
	} else {
		port->ip_sorights--;
		bits = (bits & ~IE_BITS_UREFS_MASK) | 1;
	}
	entry->ie_object = NULL;
	entry->ie_bits = (bits & ~(IE_BITS_TYPE_MASK | IE_BITS_DNREQUEST)) |
			 MACH_PORT_TYPE_DEAD_NAME;
	ipc_port_release(port);
}

kern_return_t ipc_right_lookup_send(struct ipc_space *space,
				    mach_port_name_t name,
				    struct ipc_port **portp)
{
	struct ipc_entry *entry;

	if (ipc_right_lookup(space, name, &entry) != KERN_SUCCESS)
		return KERN_INVALID_NAME;
	if (!(entry->ie_bits & MACH_PORT_TYPE_SEND))
		return KERN_INVALID_RIGHT;
	*portp = IE_PORT(entry);
	return KERN_SUCCESS;
}

kern_return_t ipc_right_lookup_receive(struct ipc_space *space,
				       mach_port_name_t name,
				       struct ipc_port **portp)
{
	struct ipc_entry *entry = ipc_entry_lookup(space, name);

	if (entry == NULL)
		return KERN_INVALID_NAME;
	if (!(entry->ie_bits & MACH_PORT_TYPE_RECEIVE))
		return KERN_INVALID_RIGHT;
	*portp = IE_PORT(entry);
	return KERN_SUCCESS;
}

struct ipc_port *ipc_right_dncancel(struct ipc_space *space,
				    mach_port_name_t name,
				    struct ipc_entry *entry)
{
	struct ipc_port *port = IE_PORT(entry);
	struct ipc_dnrequest **pp, *dn;
	struct ipc_port *notify;

	if (!(entry->ie_bits & IE_BITS_DNREQUEST) || port == NULL)
		return NULL;
	entry->ie_bits &= ~IE_BITS_DNREQUEST;
	for (pp = &port->ip_dnrequests; (dn = *pp) != NULL; pp = &dn->dn_next) {
		if (dn->dn_space == space && dn->dn_name == name) {
			*pp = dn->dn_next;
			notify = dn->dn_notify;
			ipc_space_release(space);
			ipc_dnrequest_free(dn);
			return notify;
		}
	}
	return NULL;
}

void ipc_right_dnrequest_add(struct ipc_space *space, mach_port_name_t name,
			     struct ipc_entry *entry, struct ipc_dnrequest *dn,
			     struct ipc_port *notify)
{
	struct ipc_port *port = IE_PORT(entry);

	ipc_space_reference(space);
	dn->dn_space = space;
	dn->dn_name = name;
	dn->dn_notify = notify;
	dn->dn_next = port->ip_dnrequests;
	port->ip_dnrequests = dn;
	entry->ie_bits |= IE_BITS_DNREQUEST;
}

/*
 * The name is going away from the space while it still denotes a live
 * port: cancel its dead-name request with a port-deleted notification.
 */
static void ipc_right_name_gone(struct ipc_space *space, mach_port_name_t name,
				struct ipc_entry *entry)
{
	struct ipc_port *notify = ipc_right_dncancel(space, name, entry);

	if (notify != NULL)
		ipc_notify_port_deleted(notify, name);
}

/* ---- copyin ------------------------------------------------------------ */

kern_return_t ipc_right_copyin_check(struct ipc_space *space,
				     mach_port_name_t name,
				     mach_msg_type_name_t msgt_name)
{
	struct ipc_entry *entry;
	uint32_t type, urefs, tally;

	if (name == MACH_PORT_NULL)
		return KERN_SUCCESS;
	if (name == MACH_PORT_NAME_DEAD) {
		if (msgt_name == MACH_MSG_TYPE_MOVE_SEND ||
		    msgt_name == MACH_MSG_TYPE_COPY_SEND ||
		    msgt_name == MACH_MSG_TYPE_MOVE_SEND_ONCE)
			return KERN_SUCCESS;
		return KERN_INVALID_RIGHT;
	}
	if (ipc_right_lookup(space, name, &entry) != KERN_SUCCESS)
		return KERN_INVALID_NAME;
	type = IE_BITS_TYPE(entry->ie_bits);
	urefs = IE_BITS_UREFS(entry->ie_bits);
	tally = entry->ie_next;

	switch (msgt_name) {
	case MACH_MSG_TYPE_MOVE_RECEIVE:
		if (!(type & MACH_PORT_TYPE_RECEIVE) || (tally & IE_TALLY_RECEIVE))
			return KERN_INVALID_RIGHT;
		entry->ie_next = tally | IE_TALLY_RECEIVE;
		return KERN_SUCCESS;
	case MACH_MSG_TYPE_MAKE_SEND:
	case MACH_MSG_TYPE_MAKE_SEND_ONCE:
		if (!(type & MACH_PORT_TYPE_RECEIVE) || (tally & IE_TALLY_RECEIVE))
			return KERN_INVALID_RIGHT;
		return KERN_SUCCESS;
	case MACH_MSG_TYPE_COPY_SEND:
	case MACH_MSG_TYPE_MOVE_SEND:
		if (!(type & (MACH_PORT_TYPE_SEND | MACH_PORT_TYPE_DEAD_NAME)) ||
		    (tally & IE_TALLY_UREFS) >= urefs)
			return KERN_INVALID_RIGHT;
		break;
	case MACH_MSG_TYPE_MOVE_SEND_ONCE:
		if (!(type & (MACH_PORT_TYPE_SEND_ONCE | MACH_PORT_TYPE_DEAD_NAME)) ||
		    (tally & IE_TALLY_UREFS) >= urefs)
			return KERN_INVALID_RIGHT;
		break;
	default:
		return KERN_INVALID_RIGHT;
	}
	if (msgt_name != MACH_MSG_TYPE_COPY_SEND)
		entry->ie_next = tally + 1;
	return KERN_SUCCESS;
}

void ipc_right_copyin_reset(struct ipc_space *space, mach_port_name_t name)
{
	struct ipc_entry *entry;

	if (!MACH_PORT_NAME_VALID(name))
		return;
	entry = ipc_entry_lookup(space, name);
	if (entry != NULL)
		entry->ie_next = 0;
}

/* Take one user reference of a send right or dead name (MOVE_SEND); a
 * dead-name request the name loses goes to *dnp. */
static struct ipc_port *ipc_right_copyin_move_send(struct ipc_space *space,
						   mach_port_name_t name,
						   struct ipc_entry *entry,
						   struct ipc_port **dnp)
{
	uint32_t bits = entry->ie_bits;
	struct ipc_port *port = IE_PORT(entry);

	if (IE_BITS_TYPE(bits) == MACH_PORT_TYPE_DEAD_NAME) {
		if (IE_BITS_UREFS(bits) == 1)
			ipc_entry_dealloc(space, name, entry);
		else
			entry->ie_bits = bits - 1;
		return IP_DEAD;
	}
	if (IE_BITS_UREFS(bits) > 1) {
		entry->ie_bits = bits - 1;
		port->ip_srights++;		/* a new right for the message */
		port->ip_references++;
		return port;
	}
	/* The last user reference: the entry's send right itself moves. */
	if (bits & MACH_PORT_TYPE_RECEIVE) {
		entry->ie_bits = (bits & ~(MACH_PORT_TYPE_SEND |
					   IE_BITS_UREFS_MASK));
		port->ip_references++;		/* the entry keeps its own */
	} else {
		*dnp = ipc_right_dncancel(space, name, entry);
		ipc_entry_dealloc(space, name, entry);
	}
	return port;
}

struct ipc_port *ipc_right_copyin(struct ipc_space *space,
				  mach_port_name_t name,
				  mach_msg_type_name_t msgt_name)
{
	struct ipc_port *dn, *port;

	port = ipc_right_copyin_dn(space, name, msgt_name, &dn);
	if (dn != NULL)
		ipc_notify_port_deleted(dn, name);
	return port;
}

struct ipc_port *ipc_right_copyin_dn(struct ipc_space *space,
				     mach_port_name_t name,
				     mach_msg_type_name_t msgt_name,
				     struct ipc_port **dnp)
{
	struct ipc_entry *entry;
	struct ipc_port *port;
	uint32_t bits;

	*dnp = NULL;
	if (name == MACH_PORT_NULL)
		return NULL;
	if (name == MACH_PORT_NAME_DEAD)
		return IP_DEAD;
	entry = ipc_entry_lookup(space, name);
	if (entry == NULL)
		panic("ipc_right_copyin_dn: unchecked name 0x%x", name);
	bits = entry->ie_bits;
	port = IE_PORT(entry);

	switch (msgt_name) {
	case MACH_MSG_TYPE_MOVE_RECEIVE:
		if (port->ip_pset != NULL)
			ipc_pset_remove(port);
		port->ip_receiver = NULL;	/* in transit */
		port->ip_receiver_name = MACH_PORT_NULL;
		ipc_mqueue_changed(port, MACH_RCV_PORT_DIED);
		if (bits & MACH_PORT_TYPE_SEND) {
			entry->ie_bits = bits & ~MACH_PORT_TYPE_RECEIVE;
			port->ip_references++;	/* the entry keeps its own */
		} else {
			*dnp = ipc_right_dncancel(space, name, entry);
			ipc_entry_dealloc(space, name, entry);
		}
		return port;
	case MACH_MSG_TYPE_MAKE_SEND:
		return ipc_port_make_send(port);
	case MACH_MSG_TYPE_MAKE_SEND_ONCE:
		return ipc_port_make_sonce(port);
	case MACH_MSG_TYPE_COPY_SEND:
		if (IE_BITS_TYPE(bits) == MACH_PORT_TYPE_DEAD_NAME)
			return IP_DEAD;
		return ipc_port_copy_send(port);
	case MACH_MSG_TYPE_MOVE_SEND:
		return ipc_right_copyin_move_send(space, name, entry, dnp);
	case MACH_MSG_TYPE_MOVE_SEND_ONCE:
		if (IE_BITS_TYPE(bits) == MACH_PORT_TYPE_DEAD_NAME)
			return ipc_right_copyin_move_send(space, name, entry,
							  dnp);
		*dnp = ipc_right_dncancel(space, name, entry);
		ipc_entry_dealloc(space, name, entry);
		return port;			/* right and reference move */
	default:
		panic("ipc_right_copyin_dn: bad disposition %u", msgt_name);
	}
}

/* ---- copyout ----------------------------------------------------------- */

void ipc_right_release(struct ipc_port *port, mach_msg_type_name_t type)
{
	if (!IP_VALID(port))
		return;
	switch (type) {
	case MACH_MSG_TYPE_PORT_SEND:
		ipc_port_release_send(port);
		break;
	case MACH_MSG_TYPE_PORT_SEND_ONCE:
		ipc_port_release_sonce(port);
		break;
	case MACH_MSG_TYPE_PORT_RECEIVE:
		ipc_port_destroy(port);
		break;
	default:
		panic("ipc_right_release: bad type %u", type);
	}
}

kern_return_t ipc_right_copyout(struct ipc_space *space, struct ipc_port *port,
				mach_msg_type_name_t type,
				mach_port_name_t *namep)
{
	struct ipc_entry *entry;
	mach_port_name_t name;
	kern_return_t kr;

	if (port == NULL) {
		*namep = MACH_PORT_NULL;
		return KERN_SUCCESS;
	}
	if (port == IP_DEAD) {
		*namep = MACH_PORT_NAME_DEAD;
		return KERN_SUCCESS;
	}
	if (type == MACH_MSG_TYPE_PORT_RECEIVE)
		ipc_port_clear_destination(port);	/* no longer in transit */
	if (!port->ip_active && type != MACH_MSG_TYPE_PORT_RECEIVE) {
		ipc_right_release(port, type);
		*namep = MACH_PORT_NAME_DEAD;
		return KERN_SUCCESS;
	}
	if (type != MACH_MSG_TYPE_PORT_SEND_ONCE) {
		name = ipc_space_reverse_lookup(space, port, &entry);
		if (name != MACH_PORT_NULL) {
			if (type == MACH_MSG_TYPE_PORT_RECEIVE) {
				entry->ie_bits |= MACH_PORT_TYPE_RECEIVE;
				port->ip_receiver = space;
				port->ip_receiver_name = name;
				ipc_port_release(port);	/* entry has one */
			} else if (entry->ie_bits & MACH_PORT_TYPE_SEND) {
				/* Merge: the message's right goes away. */
				port->ip_srights--;
				ipc_port_release(port);
				if (IE_BITS_UREFS(entry->ie_bits) <
				    MACH_PORT_UREFS_MAX)
					entry->ie_bits++;
			} else {
				/* Receive right alone: gains the send right. */
				ipc_port_release(port);
				entry->ie_bits |= MACH_PORT_TYPE_SEND | 1;
			}
			*namep = name;
			return KERN_SUCCESS;
		}
	}
	kr = ipc_entry_alloc(space, &name, &entry);
	if (kr != KERN_SUCCESS) {
		ipc_right_release(port, type);
		*namep = MACH_PORT_NULL;
		return kr;
	}
	entry->ie_object = port;		/* the right's reference */
	switch (type) {
	case MACH_MSG_TYPE_PORT_SEND:
		entry->ie_bits |= MACH_PORT_TYPE_SEND | 1;
		break;
	case MACH_MSG_TYPE_PORT_SEND_ONCE:
		entry->ie_bits |= MACH_PORT_TYPE_SEND_ONCE | 1;
		break;
	default:
		entry->ie_bits |= MACH_PORT_TYPE_RECEIVE;
		port->ip_receiver = space;
		port->ip_receiver_name = name;
		break;
	}
	if (type != MACH_MSG_TYPE_PORT_SEND_ONCE)
		ipc_space_rhash_insert(space, port, MACH_PORT_INDEX(name));
	*namep = name;
	return KERN_SUCCESS;
}

kern_return_t ipc_right_copyout_send(struct ipc_space *space,
				     struct ipc_port *port,
				     mach_port_name_t *namep,
				     mach_port_name_t *hint)
{
	kern_return_t kr;

	if (hint != NULL && ipc_right_hint_send(space, port, *hint)) {
		/* The hint's entry took a uref: the new right merges. */
		port->ip_srights--;
		ipc_port_release(port);
		*namep = *hint;
		return KERN_SUCCESS;
	}
	kr = ipc_right_copyout(space, port, MACH_MSG_TYPE_PORT_SEND, namep);
	if (kr == KERN_SUCCESS && hint != NULL)
		*hint = *namep;
	return kr;
}

kern_return_t ipc_right_alloc_receive(struct ipc_space *space,
				      mach_port_name_t *namep,
				      struct ipc_port **portp)
{
	struct ipc_entry *entry;
	mach_port_name_t name;
	struct ipc_port *port;
	kern_return_t kr;

	kr = ipc_entry_alloc(space, &name, &entry);
	if (kr != KERN_SUCCESS)
		return kr;
	port = ipc_port_alloc_receive(space, name);
	if (port == NULL) {
		ipc_entry_dealloc(space, name, entry);
		return KERN_RESOURCE_SHORTAGE;
	}
	entry->ie_object = port;		/* the receive right's reference */
	entry->ie_bits |= MACH_PORT_TYPE_RECEIVE;
	ipc_space_rhash_insert(space, port, MACH_PORT_INDEX(name));
	*namep = name;
	*portp = port;
	return KERN_SUCCESS;
}

/* ---- mach_port_deallocate / destroy / mod_refs -------------------------- */

kern_return_t ipc_right_dealloc(struct ipc_space *space, mach_port_name_t name)
{
	struct ipc_entry *entry;
	struct ipc_port *port;
	uint32_t bits;

	if (ipc_right_lookup(space, name, &entry) != KERN_SUCCESS)
		return KERN_INVALID_NAME;
	bits = entry->ie_bits;
	port = IE_PORT(entry);
	switch (IE_BITS_TYPE(bits)) {
	case MACH_PORT_TYPE_DEAD_NAME:
		if (IE_BITS_UREFS(bits) == 1)
			ipc_entry_dealloc(space, name, entry);
		else
			entry->ie_bits = bits - 1;
		return KERN_SUCCESS;
	case MACH_PORT_TYPE_SEND_ONCE:
		ipc_right_name_gone(space, name, entry);
		ipc_entry_dealloc(space, name, entry);
		ipc_port_release_sonce(port);
		return KERN_SUCCESS;
	case MACH_PORT_TYPE_SEND:
		if (IE_BITS_UREFS(bits) > 1) {
			entry->ie_bits = bits - 1;
			return KERN_SUCCESS;
		}
		ipc_right_name_gone(space, name, entry);
		ipc_entry_dealloc(space, name, entry);
		ipc_port_release_send(port);
		return KERN_SUCCESS;
	case MACH_PORT_TYPE_SEND | MACH_PORT_TYPE_RECEIVE:
		if (IE_BITS_UREFS(bits) > 1) {
			entry->ie_bits = bits - 1;
			return KERN_SUCCESS;
		}
		entry->ie_bits = bits & ~(MACH_PORT_TYPE_SEND | IE_BITS_UREFS_MASK);
		port->ip_srights--;		/* shares the entry's reference */
		if (port->ip_srights == 0)
			ipc_port_nsrequest_check(port);
		return KERN_SUCCESS;
	default:
		return KERN_INVALID_RIGHT;
	}
}

void ipc_right_clean(struct ipc_space *space, struct ipc_entry *entry,
		     mach_port_name_t name)
{
	uint32_t type = IE_BITS_TYPE(entry->ie_bits);
	void *object = entry->ie_object;
	struct ipc_port *port = object;
	struct ipc_port *notify;

	entry->ie_object = NULL;
	if (object == NULL)
		return;				/* dead name */
	if (type & MACH_PORT_TYPE_PORT_SET) {
		ipc_pset_destroy(object);
		return;
	}
	entry->ie_object = object;
	notify = ipc_right_dncancel(space, name, entry);
	entry->ie_object = NULL;
	if (notify != NULL) {
		if (space->is_active)
			ipc_notify_port_deleted(notify, name);
		else
			ipc_port_release_sonce(notify);
	}
	if (type & MACH_PORT_TYPE_RECEIVE) {
		if (type & MACH_PORT_TYPE_SEND) {
			port->ip_srights--;	/* shares the entry's reference */
		}
		ipc_port_destroy(port);
	} else if (type & MACH_PORT_TYPE_SEND) {
		ipc_port_release_send(port);
	} else if (type & MACH_PORT_TYPE_SEND_ONCE) {
		ipc_port_release_sonce(port);
	}
}

kern_return_t ipc_right_destroy(struct ipc_space *space, mach_port_name_t name)
{
	struct ipc_entry *entry;

	if (ipc_right_lookup(space, name, &entry) != KERN_SUCCESS)
		return KERN_INVALID_NAME;
	ipc_right_clean(space, entry, name);
	/* The entry may have been reused only if freed; it was not. */
	ipc_entry_dealloc(space, name, entry);
	return KERN_SUCCESS;
}

kern_return_t ipc_right_delta(struct ipc_space *space, mach_port_name_t name,
			      mach_port_right_t right, int delta)
{
	struct ipc_entry *entry;
	struct ipc_port *port;
	uint32_t bits, type, urefs;

	if (right >= MACH_PORT_RIGHT_NUMBER)
		return KERN_INVALID_VALUE;
	if (ipc_right_lookup(space, name, &entry) != KERN_SUCCESS)
		return KERN_INVALID_NAME;
	bits = entry->ie_bits;
	type = IE_BITS_TYPE(bits);
	urefs = IE_BITS_UREFS(bits);
	port = IE_PORT(entry);

	switch (right) {
	case MACH_PORT_RIGHT_RECEIVE:
		if (!(type & MACH_PORT_TYPE_RECEIVE))
			return KERN_INVALID_RIGHT;
		if (delta < -1 || delta > 0)
			return KERN_INVALID_VALUE;
		if (delta == 0)
			return KERN_SUCCESS;
		if (type & MACH_PORT_TYPE_SEND) {
			/* The name keeps the send right. */
			entry->ie_bits = bits & ~MACH_PORT_TYPE_RECEIVE;
			port->ip_references++;
			ipc_port_destroy(port);
			ipc_right_check(entry);
		} else {
			ipc_right_clean(space, entry, name);
			ipc_entry_dealloc(space, name, entry);
		}
		return KERN_SUCCESS;
	case MACH_PORT_RIGHT_PORT_SET:
		if (!(type & MACH_PORT_TYPE_PORT_SET))
			return KERN_INVALID_RIGHT;
		if (delta < -1 || delta > 0)
			return KERN_INVALID_VALUE;
		if (delta == 0)
			return KERN_SUCCESS;
		ipc_right_clean(space, entry, name);
		ipc_entry_dealloc(space, name, entry);
		return KERN_SUCCESS;
	case MACH_PORT_RIGHT_SEND_ONCE:
		if (!(type & MACH_PORT_TYPE_SEND_ONCE))
			return KERN_INVALID_RIGHT;
		if (delta < -1 || delta > 0)
			return KERN_INVALID_VALUE;
		if (delta == 0)
			return KERN_SUCCESS;
		return ipc_right_dealloc(space, name);
	case MACH_PORT_RIGHT_DEAD_NAME:
	case MACH_PORT_RIGHT_SEND: {
		uint32_t want = right == MACH_PORT_RIGHT_SEND ?
				MACH_PORT_TYPE_SEND : MACH_PORT_TYPE_DEAD_NAME;
		int64_t n;

		if (!(type & want))
			return KERN_INVALID_RIGHT;
		n = (int64_t)urefs + delta;
		if (n < 0)
			return KERN_INVALID_VALUE;
		if (n > MACH_PORT_UREFS_MAX)
			return KERN_UREFS_OVERFLOW;
		if (n > 0) {
			entry->ie_bits = (bits & ~IE_BITS_UREFS_MASK) | (uint32_t)n;
			return KERN_SUCCESS;
		}
		if (delta == 0)
			return KERN_SUCCESS;
		/* Down to zero: the right goes. */
		if (type & MACH_PORT_TYPE_RECEIVE) {
			entry->ie_bits = bits & ~(MACH_PORT_TYPE_SEND |
						  IE_BITS_UREFS_MASK);
			port->ip_srights--;
			if (port->ip_srights == 0)
				ipc_port_nsrequest_check(port);
		} else if (want == MACH_PORT_TYPE_SEND) {
			ipc_right_name_gone(space, name, entry);
			ipc_entry_dealloc(space, name, entry);
			ipc_port_release_send(port);
		} else {
			ipc_entry_dealloc(space, name, entry);
		}
		return KERN_SUCCESS;
	}
	default:
		return KERN_INVALID_VALUE;
	}
}

/* ---- dead-name requests -------------------------------------------------- */

void ipc_right_dnrequest_fired(struct ipc_space *space, mach_port_name_t name,
			       struct ipc_port *port, struct ipc_port *notify)
{
	struct ipc_entry *entry;

	if (!space->is_active) {
		ipc_port_release_sonce(notify);
		return;
	}
	entry = ipc_entry_lookup(space, name);
	if (entry != NULL && entry->ie_object == port) {
		entry->ie_bits &= ~IE_BITS_DNREQUEST;
		ipc_right_check(entry);		/* now a dead name */
		if (IE_BITS_TYPE(entry->ie_bits) == MACH_PORT_TYPE_DEAD_NAME &&
		    IE_BITS_UREFS(entry->ie_bits) < MACH_PORT_UREFS_MAX)
			entry->ie_bits++;	/* the notification's */
	}
	ipc_notify_dead_name(notify, name);
}
