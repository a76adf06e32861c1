/* SPDX-License-Identifier: MIT */
/* Notification messages. */
#include <stddef.h>
#include <ipc/ipc_notify.h>
#include <ipc/ipc_port.h>
#include <ipc/ipc_kmsg.h>
#include <ipc/ipc_mqueue.h>
#include <mach/notify.h>
#include <mach/message.h>

#define NOTIFY_DESC(name, bits)	((uint64_t)((name) | ((bits) << 8) | (1U << 29)) | \
				 ((uint64_t)1 << 32))

/* Drop a send-once right without a notification (no buffer). */
static void notify_drop(struct ipc_port *notify)
{
	notify->ip_sorights--;
	ipc_port_release(notify);
}

/*
 * Send a notification with one 8-byte datum (or none) to `notify'.  `bits'
 * adds MACH_MSGH_BITS_COMPLEX (the datum is a receive right in transit)
 * and MACH_MSGH_BITS_CIRCULAR (so is `notify''s: ipc_mqueue_send destroys
 * the message).
 */
static void notify_send(struct ipc_port *notify, mach_msg_id_t id,
			uint64_t desc, uint64_t datum, mach_msg_bits_t bits)
{
	struct ipc_kmsg *kmsg;
	mach_msg_header_t *h;
	uint64_t *body;

	if (!IP_VALID(notify))
		return;
	kmsg = ipc_kmsg_alloc(48);
	if (kmsg == NULL) {
		notify_drop(notify);
		if (bits & MACH_MSGH_BITS_COMPLEX)
			ipc_port_destroy((struct ipc_port *)(uintptr_t)datum);
		return;
	}
	h = &kmsg->ikm_header;
	h->msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_PORT_SEND_ONCE, 0) | bits;
	h->msgh_size = desc != 0 ? 48 : 32;
	h->msgh_remote_port = (uint64_t)(uintptr_t)notify;
	h->msgh_local_port = 0;
	h->msgh_seqno = 0;
	h->msgh_id = id;
	body = (uint64_t *)(h + 1);
	body[0] = desc;
	body[1] = datum;
	ipc_mqueue_send(kmsg, false);
}

void ipc_notify_port_deleted(struct ipc_port *notify, mach_port_name_t name)
{
	notify_send(notify, MACH_NOTIFY_PORT_DELETED,
		    NOTIFY_DESC(MACH_MSG_TYPE_PORT_NAME, 32U), name, 0);
}

void ipc_notify_dead_name(struct ipc_port *notify, mach_port_name_t name)
{
	notify_send(notify, MACH_NOTIFY_DEAD_NAME,
		    NOTIFY_DESC(MACH_MSG_TYPE_PORT_NAME, 32U), name, 0);
}

void ipc_notify_no_senders(struct ipc_port *notify, uint32_t mscount)
{
	notify_send(notify, MACH_NOTIFY_NO_SENDERS,
		    NOTIFY_DESC(MACH_MSG_TYPE_INTEGER_32, 32U), mscount, 0);
}

void ipc_notify_port_destroyed(struct ipc_port *notify, struct ipc_port *port)
{
	mach_msg_bits_t bits = MACH_MSGH_BITS_COMPLEX;

	/* The receive right is in transit to `notify' now.  If `notify''s own
	 * receive right is in transit to `port' (directly or through other
	 * ports in transit), nobody could ever receive either: the message is
	 * destroyed instead of queued, taking the port with it, and the link
	 * is not made (the circularity walk must end). */
	if (IP_VALID(notify)) {
		if (ipc_port_check_circularity(port, notify))
			bits |= MACH_MSGH_BITS_CIRCULAR;
		else
			ipc_port_set_destination(port, notify);
	}
	notify_send(notify, MACH_NOTIFY_PORT_DESTROYED,
		    NOTIFY_DESC(MACH_MSG_TYPE_PORT_RECEIVE, 64U),
		    (uint64_t)(uintptr_t)port, bits);
}

void ipc_notify_msg_accepted(struct ipc_port *notify, mach_port_name_t name)
{
	notify_send(notify, MACH_NOTIFY_MSG_ACCEPTED,
		    NOTIFY_DESC(MACH_MSG_TYPE_PORT_NAME, 32U), name, 0);
}

void ipc_notify_send_once(struct ipc_port *port)
{
	notify_send(port, MACH_NOTIFY_SEND_ONCE, 0, 0, 0);
}
