/* SPDX-License-Identifier: MIT */
/* Port allocation, references and rights counting. */
#include <stddef.h>
#include <ipc/ipc_port.h>
#include <kern/zalloc.h>
#include <kern/panic.h>

static zone_t ipc_port_zone;

void ipc_port_init(void)
{
	ipc_port_zone = zone_create("ipc ports", sizeof(struct ipc_port), 0);
}

static struct ipc_port *ipc_port_alloc_common(void)
{
	struct ipc_port *port = zalloc(ipc_port_zone);

	if (port == NULL)
		return NULL;
	port->ip_references = 1;
	port->ip_active = true;
	port->ip_kotype = IKOT_NONE;
	port->ip_kobject = NULL;
	port->ip_receiver = NULL;
	port->ip_receiver_name = MACH_PORT_NULL;
	port->ip_srights = 0;
	port->ip_sorights = 0;
	port->ip_mscount = 0;
	port->ip_seqno = 0;
	return port;
}

struct ipc_port *ipc_port_alloc_kernel(enum ipc_kobject_type kotype,
				       void *kobject)
{
	struct ipc_port *port = ipc_port_alloc_common();

	if (port == NULL)
		return NULL;
	port->ip_kotype = kotype;
	port->ip_kobject = kobject;
	port->ip_receiver = IPC_SPACE_KERNEL;
	return port;
}

struct ipc_port *ipc_port_alloc_receive(struct ipc_space *space)
{
	struct ipc_port *port = ipc_port_alloc_common();

	if (port == NULL)
		return NULL;
	port->ip_receiver = space;
	return port;
}

void ipc_port_reference(struct ipc_port *port)
{
	port->ip_references++;
}

void ipc_port_release(struct ipc_port *port)
{
	if (port->ip_references == 0)
		panic("ipc_port_release: port %p has no references", port);
	if (--port->ip_references == 0)
		zfree(ipc_port_zone, port);
}

struct ipc_port *ipc_port_make_send(struct ipc_port *port)
{
	port->ip_srights++;
	port->ip_mscount++;
	port->ip_references++;
	return port;
}

void ipc_port_release_send(struct ipc_port *port)
{
	if (port->ip_srights == 0)
		panic("ipc_port_release_send: port %p has no send rights", port);
	port->ip_srights--;
	ipc_port_release(port);
}

void ipc_port_destroy(struct ipc_port *port)
{
	port->ip_active = false;
	port->ip_kobject = NULL;
	port->ip_kotype = IKOT_NONE;
	port->ip_receiver = NULL;
	port->ip_receiver_name = MACH_PORT_NULL;
	ipc_port_release(port);
}
