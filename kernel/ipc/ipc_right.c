/* SPDX-License-Identifier: MIT */
/* Right manipulation inside a space. */
#include <stddef.h>
#include <ipc/ipc_right.h>
#include <ipc/ipc_space.h>
#include <ipc/ipc_port.h>

/* Add one send uref to an entry that already holds a send right. */
static void ipc_right_send_uref(struct ipc_entry *entry, struct ipc_port *port)
{
	/* The name already stands for a send right: merge (srights stays). */
	ipc_port_release_send(port);
	if (IE_BITS_UREFS(entry->ie_bits) < MACH_PORT_UREFS_MAX)
		entry->ie_bits++;
}

kern_return_t ipc_right_copyout_send(struct ipc_space *space,
				     struct ipc_port *port,
				     mach_port_name_t *namep,
				     mach_port_name_t *hint)
{
	struct ipc_entry *entry;
	mach_port_name_t name;
	kern_return_t kr;

	if (hint != NULL && *hint != MACH_PORT_NULL) {
		entry = ipc_entry_lookup(space, *hint);
		if (entry != NULL && entry->ie_object == port &&
		    (entry->ie_bits & MACH_PORT_TYPE_SEND)) {
			ipc_right_send_uref(entry, port);
			*namep = *hint;
			return KERN_SUCCESS;
		}
	}
	name = ipc_space_reverse_lookup(space, port, &entry);
	if (name != MACH_PORT_NULL) {
		if (entry->ie_bits & MACH_PORT_TYPE_SEND) {
			ipc_right_send_uref(entry, port);
		} else {
			/* receive right only: the name gains the send right */
			ipc_port_release(port);		/* entry holds a ref */
			entry->ie_bits |= MACH_PORT_TYPE_SEND | 1;
		}
	} else {
		kr = ipc_entry_alloc(space, &name, &entry);
		if (kr != KERN_SUCCESS) {
			ipc_port_release_send(port);
			return kr;
		}
		entry->ie_object = port;	/* the right's reference */
		entry->ie_bits |= MACH_PORT_TYPE_SEND | 1;
	}
	if (hint != NULL)
		*hint = name;
	*namep = name;
	return KERN_SUCCESS;
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
	port = ipc_port_alloc_receive(space);
	if (port == NULL) {
		ipc_entry_dealloc(space, name, entry);
		return KERN_RESOURCE_SHORTAGE;
	}
	port->ip_receiver_name = name;
	entry->ie_object = port;		/* the receive right's reference */
	entry->ie_bits |= MACH_PORT_TYPE_RECEIVE;
	*namep = name;
	*portp = port;
	return KERN_SUCCESS;
}

kern_return_t ipc_right_lookup_send(struct ipc_space *space,
				    mach_port_name_t name,
				    struct ipc_port **portp)
{
	struct ipc_entry *entry = ipc_entry_lookup(space, name);

	if (entry == NULL)
		return KERN_INVALID_NAME;
	if (!(entry->ie_bits & MACH_PORT_TYPE_SEND))
		return KERN_INVALID_RIGHT;
	*portp = entry->ie_object;
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
	*portp = entry->ie_object;
	return KERN_SUCCESS;
}

void ipc_right_clean(struct ipc_space *space, struct ipc_entry *entry)
{
	struct ipc_port *port = entry->ie_object;
	uint32_t type = IE_BITS_TYPE(entry->ie_bits);

	(void)space;
	if (port == NULL)
		return;				/* dead name */
	if (type & MACH_PORT_TYPE_RECEIVE) {
		if (type & MACH_PORT_TYPE_SEND) {
			port->ip_srights--;	/* shares the entry's reference */
		}
		ipc_port_destroy(port);
	} else if (type & MACH_PORT_TYPE_SEND) {
		ipc_port_release_send(port);
	} else if (type & MACH_PORT_TYPE_SEND_ONCE) {
		port->ip_sorights--;
		ipc_port_release(port);
	}
	entry->ie_object = NULL;
}
