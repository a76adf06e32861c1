/* SPDX-License-Identifier: MIT */
/* Dispatch of messages to kernel ports, and the conversions of the stubs. */
#include <stddef.h>
#include <kern/ipc_kobject.h>
#include <kern/task.h>
#include <kern/thread.h>
#include <kern/host.h>
#include <ipc/ipc_kmsg.h>
#include <ipc/ipc_port.h>
#include <ipc/ipc_right.h>
#include <ipc/ipc_space.h>
#include <ipc/mach_msg.h>
#include <mach/mig_errors.h>
#include "mach_portServer.h"
#include "machServer.h"
#include "mach_hostServer.h"

/* Room for the largest reply of the kernel's interfaces. */
#define IKO_REPLY_SIZE_SMALL	IKM_SMALL_SIZE
#define IKO_REPLY_SIZE_LARGE	mach_MAX_REPLY_SIZE
#define IKO_REPLY_SIZE_HOST	mach_host_MAX_REPLY_SIZE

_Static_assert(mach_port_MAX_REPLY_SIZE <= IKO_REPLY_SIZE_SMALL,
	       "mach_port replies fit a small kmsg");
_Static_assert(mach_MAX_REPLY_SIZE <= IKO_REPLY_SIZE_LARGE,
	       "mach replies fit");

/* The subsystems by message id (ABI.md): [base, base + 100). */
#define IKO_MACH_HOST_BASE	2600
#define IKO_MACH_PORT_BASE	3200

/* Drop the destination right a request reached the kernel with. */
static void iko_release_dest(struct ipc_port *dest, mach_msg_type_name_t type)
{
	if (type == MACH_MSG_TYPE_PORT_SEND_ONCE) {
		dest->ip_sorights--;
		ipc_port_release(dest);
	} else {
		ipc_port_release_send(dest);
	}
}

struct ipc_kmsg *ipc_kobject_server(struct ipc_kmsg *request)
{
	mach_msg_header_t *in = &request->ikm_header;
	struct ipc_port *dest = (struct ipc_port *)(uintptr_t)in->msgh_remote_port;
	struct ipc_port *reply_port = (struct ipc_port *)(uintptr_t)in->msgh_local_port;
	mach_msg_bits_t bits = in->msgh_bits;
	mach_msg_id_t id = in->msgh_id;
	struct ipc_kmsg *reply;
	mig_reply_header_t *out;
	boolean_t (*demux)(mach_msg_header_t *, mach_msg_header_t *);

	/* A task terminating itself: nothing comes back. */
	if (id == MACH_TASK_TERMINATE_ID && dest->ip_kotype == IKOT_TASK &&
	    dest->ip_kobject == current_task() &&
	    in->msgh_size == sizeof(mach_msg_header_t)) {
		struct task *self = current_task();

		ipc_kmsg_destroy(request);
		task_terminate(self);
	}

	/* A thread terminating itself: the same. */
	if (id == MACH_THREAD_TERMINATE_ID && dest->ip_kotype == IKOT_THREAD &&
	    dest->ip_kobject == current_thread() &&
	    in->msgh_size == sizeof(mach_msg_header_t)) {
		struct thread *self = current_thread();

		ipc_kmsg_destroy(request);
		thread_terminate(self);
	}

	if ((uint32_t)id - IKO_MACH_PORT_BASE < 100u) {
		demux = mach_port_server;
		reply = ipc_kmsg_alloc(IKO_REPLY_SIZE_SMALL);
	} else if ((uint32_t)id - IKO_MACH_HOST_BASE < 100u) {
		demux = mach_host_server;
		reply = ipc_kmsg_alloc(IKO_REPLY_SIZE_HOST);
	} else {
		demux = mach_server;
		reply = ipc_kmsg_alloc(IKO_REPLY_SIZE_LARGE);
	}
	if (reply == NULL) {
		ipc_kmsg_destroy(request);
		return NULL;
	}

	/* The receiver's view: remote = reply port, local = the object. */
	in->msgh_bits = (bits & MACH_MSGH_BITS_COMPLEX) |
		MACH_MSGH_BITS(MACH_MSGH_BITS_LOCAL(bits),
			       MACH_MSGH_BITS_REMOTE(bits));
	in->msgh_remote_port = (uint64_t)(uintptr_t)reply_port;
	in->msgh_local_port = (uint64_t)(uintptr_t)dest;
	out = (mig_reply_header_t *)&reply->ikm_header;
	/*
	 * As GNU Mach: the id alone picks the routine, whatever the object.
	 * A port of the wrong kind converts to a null object, which the
	 * routine refuses with its documented code (task_terminate on the
	 * host port: KERN_INVALID_ARGUMENT; a mach_port call on a thread
	 * port: KERN_INVALID_TASK; host_info on a task port:
	 * KERN_INVALID_ARGUMENT; host_get_boot_info on the host name port:
	 * KERN_INVALID_HOST); only an id no routine has is MIG_BAD_ID, and
	 * so is every routine the kernel does not implement yet (weak stubs
	 * of mach.defs, the documented mach_host.defs ones in kern/host.c).
	 */
	(void)demux(in, &out->Head);

	/* The request: the object's right is used up; the reply right went
	 * to the reply; body rights were taken unless the routine failed. */
	if (out->RetCode != KERN_SUCCESS &&
	    !(out->Head.msgh_bits & MACH_MSGH_BITS_COMPLEX))
		ipc_kmsg_clean_body(request);
	iko_release_dest(dest, MACH_MSGH_BITS_REMOTE(bits));
	ipc_kmsg_free(request);

	/* No reply port, or a dead one (a dead name sent as the reply
	 * port): the reply goes nowhere. */
	if (!IP_VALID(reply_port) || out->RetCode == MIG_NO_REPLY) {
		out->Head.msgh_remote_port = 0;
		out->Head.msgh_local_port = 0;
		if (IP_VALID(reply_port))
			ipc_right_release(reply_port,
					  MACH_MSGH_BITS_LOCAL(bits));
		/* The body's ports carry dispositions (COPY_SEND, ...), not
		 * rights yet: make the rights, then drop them with it. */
		ipc_kmsg_copyin_from_kernel(reply);
		ipc_kmsg_clean_body(reply);
		ipc_kmsg_free(reply);
		return NULL;
	}
	ipc_kmsg_copyin_from_kernel(reply);
	return reply;
}

/* ---- conversions --------------------------------------------------------- */

static void *iko_object(mach_port_t p, enum ipc_kobject_type kotype)
{
	struct ipc_port *port = (struct ipc_port *)p;

	if (!IP_VALID(port) || !port->ip_active || port->ip_kotype != kotype)
		return NULL;
	return port->ip_kobject;
}

task_t convert_port_to_task(mach_port_t port)
{
	struct task *task = iko_object(port, IKOT_TASK);

	return task != NULL && task->active ? task : NULL;
}

mach_port_t convert_task_to_port(task_t task)
{
	if (task == NULL || task->itk_self == NULL)
		return 0;
	return (mach_port_t)task->itk_self;	/* COPY_SEND makes the right */
}

thread_t convert_port_to_thread(mach_port_t port)
{
	return iko_object(port, IKOT_THREAD);
}

void thread_deallocate(thread_t thread)
{
	(void)thread;
}

mach_port_t convert_thread_to_port(thread_t thread)
{
	if (thread == NULL || thread->ith_self == NULL)
		return 0;
	return (mach_port_t)thread->ith_self;	/* COPY_SEND makes the right */
}

vm_map_t convert_port_to_map(mach_port_t port)
{
	(void)port;
	return NULL;			/* no vm_maps yet */
}

void vm_map_deallocate(vm_map_t map)
{
	(void)map;
}

host_t convert_port_to_host(mach_port_t port)
{
	struct host *host = iko_object(port, IKOT_HOST);

	return host != NULL ? host : iko_object(port, IKOT_HOST_PRIV);
}

host_t convert_port_to_host_priv(mach_port_t port)
{
	return iko_object(port, IKOT_HOST_PRIV);
}

mach_port_t convert_host_to_port(host_t host)
{
	if (host == NULL)
		return 0;
	return (mach_port_t)host->host_self;	/* COPY_SEND makes the right */
}

processor_t convert_port_to_processor(mach_port_t port)
{
	(void)port;
	return NULL;
}

mach_port_t convert_processor_to_port(processor_t processor)
{
	(void)processor;
	return 0;
}

processor_set_t convert_port_to_pset(mach_port_t port)
{
	(void)port;
	return NULL;
}

processor_set_t convert_port_to_pset_name(mach_port_t port)
{
	(void)port;
	return NULL;
}

mach_port_t convert_pset_to_port(processor_set_t pset)
{
	(void)pset;
	return 0;
}

mach_port_t convert_pset_name_to_port(processor_set_t pset)
{
	(void)pset;
	return 0;
}

void pset_deallocate(processor_set_t pset)
{
	(void)pset;
}

ipc_port_t null_conversion(mach_port_t port)
{
	return (ipc_port_t)port;
}

vm_object_t vm_object_lookup(mach_port_t port)
{
	(void)port;
	return NULL;
}

vm_object_t vm_object_lookup_name(mach_port_t port)
{
	(void)port;
	return NULL;
}

void vm_object_deallocate(vm_object_t object)
{
	(void)object;
}
