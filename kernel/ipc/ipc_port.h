/* SPDX-License-Identifier: MIT */
/*
 * Ports.  A port is named by rights held in IPC spaces (ipc_space.h).  A
 * port whose receive right the kernel holds (ip_receiver == IPC_SPACE_KERNEL)
 * represents a kernel object: its ip_kotype says which, ip_kobject points at
 * it (a task, a thread, the host...); messages sent to it are served at
 * once by ipc_kobject_server.
 *
 * References: every right (the receive right, each send right that an
 * entry or a message holds, each send-once right), every queued message
 * that names the port as its destination or carries it, and every kernel
 * pointer holds one.  The last ipc_port_release frees the port.  An entry
 * that holds both the receive right and send rights holds one reference.
 *
 * A dead port (ip_active false) keeps its memory while references remain;
 * the entries naming it turn into dead names when next looked at
 * (ipc_right_check).
 *
 * Locking: none (one CPU, non-preemptible kernel).  Fields are changed only
 * by the ipc/ files.
 */
#ifndef _IPC_IPC_PORT_H_
#define _IPC_IPC_PORT_H_

#include <stdint.h>
#include <stdbool.h>
#include <mach/port.h>

struct ipc_space;
struct ipc_pset;
struct ipc_kmsg;
struct thread;

/* Kernel object types (kernel-internal numbering). */
enum ipc_kobject_type {
	IKOT_NONE = 0,		/* an ordinary port, received by a task */
	IKOT_THREAD,
	IKOT_TASK,
	IKOT_HOST,
	IKOT_HOST_PRIV,
	IKOT_MASTER_DEVICE,
};

/* A registered dead-name request (mach_port_request_notification). */
struct ipc_dnrequest {
	struct ipc_dnrequest	*dn_next;
	struct ipc_space	*dn_space;	/* referenced */
	mach_port_name_t	dn_name;	/* the name in dn_space */
	struct ipc_port		*dn_notify;	/* send-once right */
};

/*
 * A msg-accepted request (MACH_SEND_NOTIFY): a message forced onto a full
 * queue carries one (ipc_kmsg's ikm_marequest) until it is received or
 * destroyed; then `imar_notify' gets the msg-accepted notification naming
 * the destination by the sender's name for it (ipc_kmsg_marequest_fire).
 */
struct ipc_marequest {
	struct ipc_space	*imar_space;	/* the sender's, referenced */
	struct ipc_port		*imar_notify;	/* send-once right */
	bool			imar_named;	/* the sender had a send or
						 * receive name for the
						 * destination when it sent */
};

/* A FIFO of messages. */
struct ipc_kmsg_queue {
	struct ipc_kmsg		*ikmq_head;
	struct ipc_kmsg		*ikmq_tail;
};

struct ipc_port {
	uint32_t		ip_references;	/* see above */
	bool			ip_active;	/* false once destroyed */
	enum ipc_kobject_type	ip_kotype;
	void			*ip_kobject;	/* the object, or NULL */
	struct ipc_space	*ip_receiver;	/* receive right's holder; NULL
						 * in transit or dead */
	mach_port_name_t	ip_receiver_name;
	struct ipc_pset		*ip_pset;	/* the set it is in, or NULL */
	struct ipc_port		*ip_pset_next;	/* the set's member list */
	uint32_t		ip_srights;	/* send rights in existence */
	uint32_t		ip_sorights;	/* send-once rights */
	uint32_t		ip_mscount;	/* make-send count */
	uint32_t		ip_seqno;	/* next message sequence number */
	uint32_t		ip_msgcount;	/* messages queued */
	uint32_t		ip_qlimit;	/* queue limit for send rights */
	struct ipc_kmsg_queue	ip_messages;
	struct thread		*ip_rcv_waiters; /* receiving on the port */
	struct thread		*ip_snd_waiters; /* waiting for queue room */
	struct ipc_port		*ip_nsrequest;	/* no-senders: send-once */
	uint32_t		ip_nssync;	/* notify at mscount >= this */
	struct ipc_port		*ip_pdrequest;	/* port-destroyed: send-once */
	struct ipc_dnrequest	*ip_dnrequests;	/* dead-name requests */
	struct ipc_port		*ip_destination; /* receive right in transit:
						  * the port its message is
						  * sent to (referenced) */
	struct ipc_port		*ip_destroy_next; /* deferred destroy list */
};

/* The receiver of kernel-object ports. */
#define IPC_SPACE_KERNEL	((struct ipc_space *)1)

/* A right to a destroyed port, carried in a message or a kernel slot. */
#define IP_DEAD			((struct ipc_port *)~0UL)
#define IP_VALID(port)		((port) != NULL && (port) != IP_DEAD)

#define IPC_PORT_QLIMIT_DEFAULT	5	/* MACH_PORT_QLIMIT_DEFAULT */
#define IPC_PORT_QLIMIT_MAX	16	/* MACH_PORT_QLIMIT_MAX */

/* ipc_port_init: create the port zones.  Once at boot. */
void ipc_port_init(void);

/* ipc_dnrequest_alloc / _free: dead-name request records (NULL: no memory). */
struct ipc_dnrequest *ipc_dnrequest_alloc(void);
void ipc_dnrequest_free(struct ipc_dnrequest *dn);

/*
 * ipc_marequest_alloc / _free: msg-accepted request records (NULL: no
 * memory); the record only, its space and right are the caller's.
 */
struct ipc_marequest *ipc_marequest_alloc(void);
void ipc_marequest_free(struct ipc_marequest *imar);

/* ipc_port_count: ports in existence (leak checks). */
unsigned ipc_port_count(void);

/*
 * ipc_port_alloc_kernel: a new active port received by the kernel,
 * representing `kobject' of type `kotype'.  One reference (the receive
 * right, held by the kernel).  NULL when out of memory.
 */
struct ipc_port *ipc_port_alloc_kernel(enum ipc_kobject_type kotype,
				       void *kobject);

/*
 * ipc_port_alloc_receive: a new port whose receive right belongs to
 * `space' under `name' (the caller makes the entry).  One reference.
 * NULL when out of memory.
 */
struct ipc_port *ipc_port_alloc_receive(struct ipc_space *space,
					mach_port_name_t name);

/* ipc_port_reference / ipc_port_release: take or drop a reference; the
 * last release frees the port. */
static inline void ipc_port_reference(struct ipc_port *port)
{
	port->ip_references++;
}
void ipc_port_release(struct ipc_port *port);

/*
 * ipc_port_make_send: a new send right (srights, mscount, a reference).
 * ipc_port_copy_send: a new send right from an existing one (srights and
 * a reference; IP_DEAD for a dead port).
 * ipc_port_make_sonce: a new send-once right (sorights, a reference).
 * The port must be active for the make calls.
 */
struct ipc_port *ipc_port_make_send(struct ipc_port *port);
struct ipc_port *ipc_port_copy_send(struct ipc_port *port);
struct ipc_port *ipc_port_make_sonce(struct ipc_port *port);

/*
 * ipc_port_release_send: drop a send right; the last one of an active port
 * with a no-senders request sends the notification.
 */
void ipc_port_release_send(struct ipc_port *port);

/*
 * ipc_port_release_sonce: drop a send-once right without using it: sends
 * the send-once notification to the port when it is active (a kernel port
 * just drops it).
 */
void ipc_port_release_sonce(struct ipc_port *port);

/*
 * ipc_port_destroy: the receive right goes away (its holder's reference is
 * consumed).  With a port-destroyed request the right travels to the
 * requester instead; otherwise the port dies: it leaves its set, its
 * queued messages are destroyed, waiting receivers get MACH_RCV_PORT_DIED,
 * waiting senders retry (and find it dead), dead-name notifications go
 * out, the kernel object is disconnected.  May send notifications; does
 * not block.  Receive rights in the flushed messages are destroyed in turn,
 * from a work list rather than by recursion, so a chain of ports in transit
 * collapses at a bounded stack depth.
 */
void ipc_port_destroy(struct ipc_port *port);

/*
 * ipc_port_check_circularity: would moving `port''s receive right into a
 * message sent to `dest' make a cycle?  True when dest is port, or when
 * dest's receive right is in transit in a message bound (directly or
 * through other ports in transit) for port.
 */
bool ipc_port_check_circularity(struct ipc_port *port, struct ipc_port *dest);

/*
 * ipc_port_set_destination: `port''s receive right is now in transit in a
 * message sent to `dest' (a reference to dest is taken).
 * ipc_port_clear_destination: it is in transit no more (received or
 * destroyed): the reference goes.
 */
void ipc_port_set_destination(struct ipc_port *port, struct ipc_port *dest);
void ipc_port_clear_destination(struct ipc_port *port);

/*
 * ipc_port_nsrequest_check: send the no-senders notification if the port
 * has a request and no send rights with mscount >= the request's sync.
 */
void ipc_port_nsrequest_check(struct ipc_port *port);

#endif /* _IPC_IPC_PORT_H_ */
