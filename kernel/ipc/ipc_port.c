/* SPDX-License-Identifier: MIT */
/* Port allocation, references, rights counting and destruction. */
#include <stddef.h>
#include <ipc/ipc_port.h>
#include <ipc/ipc_pset.h>
#include <ipc/ipc_mqueue.h>
#include <ipc/ipc_notify.h>
#include <ipc/ipc_space.h>
#include <ipc/ipc_right.h>
#include <kern/zalloc.h>
#include <kern/panic.h>

static zone_t ipc_port_zone;
static zone_t ipc_dnrequest_zone;
static zone_t ipc_marequest_zone;

void ipc_port_init(void)
{
	ipc_port_zone = zone_create("ipc ports", sizeof(struct ipc_port), 0);
	ipc_dnrequest_zone = zone_create("ipc dead-name requests",
					 sizeof(struct ipc_dnrequest), 0);
	ipc_marequest_zone = zone_create("ipc msg-accepted requests",
					 sizeof(struct ipc_marequest), 0);
}

unsigned ipc_port_count(void)
{
	return (unsigned)ipc_port_zone->count;
}

struct ipc_dnrequest *ipc_dnrequest_alloc(void)
{
	return zalloc(ipc_dnrequest_zone);
}

void ipc_dnrequest_free(struct ipc_dnrequest *dn)
{
	zfree(ipc_dnrequest_zone, dn);
}

struct ipc_marequest *ipc_marequest_alloc(void)
{
	return zalloc(ipc_marequest_zone);
}

void ipc_marequest_free(struct ipc_marequest *imar)
{
	zfree(ipc_marequest_zone, imar);
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
	port->ip_pset = NULL;
	port->ip_pset_next = NULL;
	port->ip_srights = 0;
	port->ip_sorights = 0;
	port->ip_mscount = 0;
	port->ip_seqno = 0;
	port->ip_msgcount = 0;
	port->ip_qlimit = IPC_PORT_QLIMIT_DEFAULT;
	port->ip_messages.ikmq_head = NULL;
	port->ip_messages.ikmq_tail = NULL;
	port->ip_rcv_waiters = NULL;
	port->ip_snd_waiters = NULL;
	port->ip_nsrequest = NULL;
	port->ip_nssync = 0;
	port->ip_pdrequest = NULL;
	port->ip_dnrequests = NULL;
	port->ip_destination = NULL;
	port->ip_destroy_next = NULL;
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

struct ipc_port *ipc_port_alloc_receive(struct ipc_space *space,
					mach_port_name_t name)
{
	struct ipc_port *port = ipc_port_alloc_common();

	if (port == NULL)
		return NULL;
	port->ip_receiver = space;
	port->ip_receiver_name = name;
	return port;
}

void ipc_port_release(struct ipc_port *port)
{
	if (port->ip_references == 0)
		panic("ipc_port_release: port %p has no references", port);
	if (--port->ip_references == 0) {
		if (port->ip_active || port->ip_messages.ikmq_head != NULL)
			panic("ipc_port_release: freeing live port %p", port);
		zfree(ipc_port_zone, port);
	}
}

struct ipc_port *ipc_port_make_send(struct ipc_port *port)
{
	port->ip_srights++;
	port->ip_mscount++;
	port->ip_references++;
	return port;
}

struct ipc_port *ipc_port_copy_send(struct ipc_port *port)
{
	if (!port->ip_active)
		return IP_DEAD;
	port->ip_srights++;
	port->ip_references++;
	return port;
}

struct ipc_port *ipc_port_make_sonce(struct ipc_port *port)
{
	port->ip_sorights++;
	port->ip_references++;
	return port;
}

void ipc_port_nsrequest_check(struct ipc_port *port)
{
	struct ipc_port *notify = port->ip_nsrequest;

	if (notify == NULL || !port->ip_active || port->ip_srights != 0 ||
	    port->ip_mscount < port->ip_nssync)
		return;
	port->ip_nsrequest = NULL;
	ipc_notify_no_senders(notify, port->ip_mscount);
}

void ipc_port_release_send(struct ipc_port *port)
{
	if (port->ip_srights == 0)
		panic("ipc_port_release_send: port %p has no send rights", port);
	port->ip_srights--;
	if (port->ip_srights == 0)
		ipc_port_nsrequest_check(port);
	ipc_port_release(port);
}

void ipc_port_release_sonce(struct ipc_port *port)
{
	if (port->ip_sorights == 0)
		panic("ipc_port_release_sonce: port %p has no send-once rights",
		      port);
	if (port->ip_active && port->ip_receiver != IPC_SPACE_KERNEL) {
		/* The notification message consumes the right. */
		ipc_notify_send_once(port);
		return;
	}
	port->ip_sorights--;
	ipc_port_release(port);
}

/* Send the dead-name notifications and drop the requests. */
static void ipc_port_dnrequests_fire(struct ipc_port *port)
{
	struct ipc_dnrequest *dn;

	while ((dn = port->ip_dnrequests) != NULL) {
		port->ip_dnrequests = dn->dn_next;
		ipc_right_dnrequest_fired(dn->dn_space, dn->dn_name, port,
					  dn->dn_notify);
		ipc_space_release(dn->dn_space);
		ipc_dnrequest_free(dn);
	}
}

bool ipc_port_check_circularity(struct ipc_port *port, struct ipc_port *dest)
{
	/* The destination links never form a cycle (this check keeps it
	 * so), hence the walk ends. */
	while (IP_VALID(dest)) {
		if (dest == port)
			return true;
		if (!dest->ip_active || dest->ip_receiver != NULL)
			return false;		/* dead, or received */
		dest = dest->ip_destination;
	}
	return false;
}

void ipc_port_set_destination(struct ipc_port *port, struct ipc_port *dest)
{
	ipc_port_clear_destination(port);
	if (!IP_VALID(dest))
		return;
	ipc_port_reference(dest);
	port->ip_destination = dest;
}

void ipc_port_clear_destination(struct ipc_port *port)
{
	struct ipc_port *dest = port->ip_destination;

	if (dest != NULL) {
		port->ip_destination = NULL;
		ipc_port_release(dest);
	}
}

/* Ports whose destruction was asked for while another was being
 * destroyed: drained by the outermost ipc_port_destroy. */
static struct ipc_port *ipc_port_destroy_pending;
static bool ipc_port_destroying;

static void ipc_port_destroy_one(struct ipc_port *port);

void ipc_port_destroy(struct ipc_port *port)
{
	if (ipc_port_destroying) {
		port->ip_destroy_next = ipc_port_destroy_pending;
		ipc_port_destroy_pending = port;
		return;
	}
	ipc_port_destroying = true;
	while (port != NULL) {
		ipc_port_destroy_one(port);
		port = ipc_port_destroy_pending;
		if (port != NULL) {
			ipc_port_destroy_pending = port->ip_destroy_next;
			port->ip_destroy_next = NULL;
		}
	}
	ipc_port_destroying = false;
}

static void ipc_port_destroy_one(struct ipc_port *port)
{
	struct ipc_port *pd = port->ip_pdrequest;

	ipc_port_clear_destination(port);

	if (port->ip_pset != NULL)
		ipc_pset_remove(port);
	if (pd != NULL && port->ip_active &&
	    port->ip_receiver != IPC_SPACE_KERNEL) {
		/* The receive right goes to the requester, in transit. */
		port->ip_pdrequest = NULL;
		port->ip_receiver = NULL;
		port->ip_receiver_name = MACH_PORT_NULL;
		ipc_mqueue_changed(port, MACH_RCV_PORT_DIED);
		ipc_notify_port_destroyed(pd, port);
		return;
	}

	port->ip_active = false;
	port->ip_kobject = NULL;
	port->ip_kotype = IKOT_NONE;
	port->ip_receiver = NULL;
	port->ip_receiver_name = MACH_PORT_NULL;
	ipc_mqueue_port_died(port);		/* flush and wake everyone */
	if (pd != NULL) {
		port->ip_pdrequest = NULL;
		ipc_port_release_sonce(pd);
	}
	if (port->ip_nsrequest != NULL) {
		struct ipc_port *ns = port->ip_nsrequest;

		port->ip_nsrequest = NULL;
		ipc_port_release_sonce(ns);
	}
	ipc_port_dnrequests_fire(port);
	ipc_port_release(port);			/* the receive right's */
}
