/* SPDX-License-Identifier: MIT */
/*
 * Ports.  A port is named by rights held in IPC spaces (ipc_space.h).  A
 * port whose receive right the kernel holds (ip_receiver == IPC_SPACE_KERNEL)
 * represents a kernel object: its ip_kotype says which, ip_kobject points at
 * it (a task, a thread, the host...).
 *
 * The message queue, send-once and no-senders machinery arrive with the IPC
 * issue; the counters below are kept exact already so it can rely on them.
 *
 * Locking: none yet (one CPU, non-preemptible kernel).  Fields are changed
 * only by ipc_port.c, ipc_right.c and ipc_space.c.
 */
#ifndef _IPC_IPC_PORT_H_
#define _IPC_IPC_PORT_H_

#include <stdint.h>
#include <stdbool.h>
#include <mach/port.h>

struct ipc_space;

/* Kernel object types (kernel-internal numbering). */
enum ipc_kobject_type {
	IKOT_NONE = 0,		/* an ordinary port, received by a task */
	IKOT_THREAD,
	IKOT_TASK,
	IKOT_HOST,
	IKOT_HOST_PRIV,
	IKOT_MASTER_DEVICE,
};

struct ipc_port {
	uint32_t		ip_references;	/* rights + kernel pointers */
	bool			ip_active;	/* false once destroyed */
	enum ipc_kobject_type	ip_kotype;
	void			*ip_kobject;	/* the object, or NULL */
	struct ipc_space	*ip_receiver;	/* holder of the receive right */
	mach_port_name_t	ip_receiver_name;
	uint32_t		ip_srights;	/* send rights in existence */
	uint32_t		ip_sorights;	/* send-once rights */
	uint32_t		ip_mscount;	/* make-send count */
	uint32_t		ip_seqno;	/* next message sequence number */
};

/* The receiver of kernel-object ports. */
#define IPC_SPACE_KERNEL	((struct ipc_space *)1)

/* ipc_port_init: create the port zone.  Once at boot. */
void ipc_port_init(void);

/*
 * ipc_port_alloc_kernel: a new active port received by the kernel,
 * representing `kobject' of type `kotype'.  One reference (the receive
 * right, held by the kernel).  NULL when out of memory.
 */
struct ipc_port *ipc_port_alloc_kernel(enum ipc_kobject_type kotype,
				       void *kobject);

/*
 * ipc_port_alloc_receive: a new port whose receive right belongs to
 * `space' under `name' (set by ipc_space.c).  One reference.  NULL when out
 * of memory.
 */
struct ipc_port *ipc_port_alloc_receive(struct ipc_space *space);

/* ipc_port_reference / ipc_port_release: take or drop a reference; the
 * last release frees the port. */
void ipc_port_reference(struct ipc_port *port);
void ipc_port_release(struct ipc_port *port);

/*
 * ipc_port_make_send: a new send right for the caller (srights, mscount
 * and a reference).  The port must be active.
 */
struct ipc_port *ipc_port_make_send(struct ipc_port *port);

/* ipc_port_release_send: drop a send right made by ipc_port_make_send. */
void ipc_port_release_send(struct ipc_port *port);

/*
 * ipc_port_destroy: the receive right goes away: the port turns inactive
 * (its kernel object is disconnected) and the receiver's reference is
 * dropped.  Send rights held in spaces keep the (dead) port alive.
 */
void ipc_port_destroy(struct ipc_port *port);

#endif /* _IPC_IPC_PORT_H_ */
