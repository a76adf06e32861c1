/* SPDX-License-Identifier: MIT */
/*
 * <mach/notify.h>: the messages the kernel sends to a notification port
 * (notify.defs, subsystem 64).  A port name in them occupies an 8-byte
 * slot like every inline port (ABI.md).
 */
#ifndef _MACH_NOTIFY_H_
#define _MACH_NOTIFY_H_

#include <mach/port.h>
#include <mach/message.h>
#include <mach/abi.h>

#define MACH_NOTIFY_FIRST		0100
#define MACH_NOTIFY_PORT_DELETED	(MACH_NOTIFY_FIRST + 001)
#define MACH_NOTIFY_MSG_ACCEPTED	(MACH_NOTIFY_FIRST + 002)
#define MACH_NOTIFY_PORT_DESTROYED	(MACH_NOTIFY_FIRST + 005)
#define MACH_NOTIFY_NO_SENDERS		(MACH_NOTIFY_FIRST + 006)
#define MACH_NOTIFY_SEND_ONCE		(MACH_NOTIFY_FIRST + 007)
#define MACH_NOTIFY_DEAD_NAME		(MACH_NOTIFY_FIRST + 010)
#define MACH_NOTIFY_LAST		(MACH_NOTIFY_FIRST + 015)

/* A send right's port was destroyed: not_port names the gone right. */
typedef struct {
	mach_msg_header_t not_header;
	mach_msg_type_t not_type;		/* PORT_NAME */
	union {
		mach_port_t not_port;
		rpc_uintptr_t not_port_slot;
	};
} mach_port_deleted_notification_t;

/* A message sent with MACH_SEND_NOTIFY has been dequeued. */
typedef struct {
	mach_msg_header_t not_header;
	mach_msg_type_t not_type;		/* PORT_NAME */
	union {
		mach_port_t not_port;
		rpc_uintptr_t not_port_slot;
	};
} mach_msg_accepted_notification_t;

/* A receive right died in transit: it is handed back in not_port. */
typedef struct {
	mach_msg_header_t not_header;
	mach_msg_type_t not_type;		/* PORT_RECEIVE */
	union {
		mach_port_t not_port;
		rpc_uintptr_t not_port_slot;
	};
} mach_port_destroyed_notification_t;

/* The last send right of a port is gone; not_count is the make-send count. */
typedef struct {
	mach_msg_header_t not_header;
	mach_msg_type_t not_type;		/* INTEGER_32 */
	unsigned int not_count;
} mach_no_senders_notification_t;

/* A send-once right was destroyed unused; the message itself is the news. */
typedef struct {
	mach_msg_header_t not_header;
} mach_send_once_notification_t;

/* The port of a send or send-once right died: not_port is now a dead name. */
typedef struct {
	mach_msg_header_t not_header;
	mach_msg_type_t not_type;		/* PORT_NAME */
	union {
		mach_port_t not_port;
		rpc_uintptr_t not_port_slot;
	};
} mach_dead_name_notification_t;

MACH_ABI_SIZE(mach_port_deleted_notification_t, 48);
MACH_ABI_OFFSET(mach_port_deleted_notification_t, not_type, 32);
MACH_ABI_OFFSET(mach_port_deleted_notification_t, not_port, 40);
MACH_ABI_SIZE(mach_msg_accepted_notification_t, 48);
MACH_ABI_SIZE(mach_port_destroyed_notification_t, 48);
MACH_ABI_SIZE(mach_no_senders_notification_t, 48);
MACH_ABI_OFFSET(mach_no_senders_notification_t, not_count, 40);
MACH_ABI_SIZE(mach_send_once_notification_t, 32);
MACH_ABI_SIZE(mach_dead_name_notification_t, 48);
MACH_ABI_OFFSET(mach_dead_name_notification_t, not_port, 40);

#endif /* _MACH_NOTIFY_H_ */
