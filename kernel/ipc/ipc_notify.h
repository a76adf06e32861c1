/* SPDX-License-Identifier: MIT */
/*
 * Notifications (notify.defs): messages the kernel sends to a send-once
 * right registered with mach_port_request_notification (or, for the
 * send-once notification, to the port of a send-once right destroyed
 * unused).  Each call consumes the send-once right `notify'.  When no
 * buffer can be had the right is just dropped.
 */
#ifndef _IPC_IPC_NOTIFY_H_
#define _IPC_IPC_NOTIFY_H_

#include <stdint.h>
#include <mach/port.h>

struct ipc_port;

void ipc_notify_port_deleted(struct ipc_port *notify, mach_port_name_t name);
void ipc_notify_dead_name(struct ipc_port *notify, mach_port_name_t name);
void ipc_notify_no_senders(struct ipc_port *notify, uint32_t mscount);
/*
 * `port' carries the receive right (in transit), consumed.  When `notify''s
 * receive right is itself in transit to `port' the notification is
 * destroyed at once (with the right: the port dies) rather than queued
 * where no one could receive it.
 */
void ipc_notify_port_destroyed(struct ipc_port *notify, struct ipc_port *port);
/* `name': the sender's name for the destination, or MACH_PORT_NULL. */
void ipc_notify_msg_accepted(struct ipc_port *notify, mach_port_name_t name);
/* `port': the destroyed send-once right's port (active, not a kernel port). */
void ipc_notify_send_once(struct ipc_port *port);

#endif /* _IPC_IPC_NOTIFY_H_ */
