/* SPDX-License-Identifier: MIT */
/* Port sets. */
#include <stddef.h>
#include <ipc/ipc_pset.h>
#include <ipc/ipc_port.h>
#include <ipc/ipc_mqueue.h>
#include <mach/message.h>
#include <kern/zalloc.h>
#include <kern/panic.h>

static zone_t ipc_pset_zone;

void ipc_pset_init(void)
{
	ipc_pset_zone = zone_create("ipc port sets", sizeof(struct ipc_pset), 0);
}

unsigned ipc_pset_count(void)
{
	return (unsigned)ipc_pset_zone->count;
}

struct ipc_pset *ipc_pset_alloc(struct ipc_space *space, mach_port_name_t name)
{
	struct ipc_pset *pset = zalloc(ipc_pset_zone);

	if (pset == NULL)
		return NULL;
	pset->ips_references = 1;
	pset->ips_active = true;
	pset->ips_space = space;
	pset->ips_name = name;
	pset->ips_members = NULL;
	pset->ips_rcv_waiters = NULL;
	return pset;
}

void ipc_pset_add(struct ipc_pset *pset, struct ipc_port *port)
{
	ipc_mqueue_changed(port, MACH_RCV_PORT_CHANGED);
	port->ip_pset = pset;
	port->ip_pset_next = pset->ips_members;
	pset->ips_members = port;
	if (port->ip_messages.ikmq_head != NULL)
		ipc_mqueue_pset_kick(pset);
}

void ipc_pset_remove(struct ipc_port *port)
{
	struct ipc_pset *pset = port->ip_pset;
	struct ipc_port **pp;

	if (pset == NULL)
		return;
	for (pp = &pset->ips_members; *pp != NULL; pp = &(*pp)->ip_pset_next) {
		if (*pp == port) {
			*pp = port->ip_pset_next;
			break;
		}
	}
	port->ip_pset = NULL;
	port->ip_pset_next = NULL;
}

void ipc_pset_release(struct ipc_pset *pset)
{
	if (pset->ips_references == 0)
		panic("ipc_pset_release: set %p has no references", pset);
	if (--pset->ips_references == 0)
		zfree(ipc_pset_zone, pset);
}

void ipc_pset_destroy(struct ipc_pset *pset)
{
	while (pset->ips_members != NULL)
		ipc_pset_remove(pset->ips_members);
	pset->ips_active = false;
	pset->ips_space = NULL;
	pset->ips_name = MACH_PORT_NULL;
	ipc_mqueue_pset_died(pset);
	ipc_pset_release(pset);
}
