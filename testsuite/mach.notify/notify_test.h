/* SPDX-License-Identifier: MIT */
/*
 * notify_test.h: a notification receiver for the mach.notify programs:
 * the do_mach_notify_* functions that libmach's generated notify_server
 * demultiplexer calls record the last notification of each kind.
 */
#ifndef _NOTIFY_TEST_H_
#define _NOTIFY_TEST_H_

#include <mach/notify.h>
#include <mach/notify_server.h>

#include "../mach.ipc/ipc_test.h"

struct nt_seen {
	int port_deleted, msg_accepted, port_destroyed, no_senders;
	int send_once, dead_name;
	mach_port_name_t name;		/* of port-deleted / dead-name */
	mach_port_t rights;		/* of port-destroyed */
	mach_port_mscount_t mscount;	/* of no-senders */
	mach_port_t notify;		/* the port it arrived on */
};

static struct nt_seen nt;

kern_return_t
do_mach_notify_port_deleted(mach_port_t notify, mach_port_name_t name)
{
	nt.port_deleted++;
	nt.notify = notify;
	nt.name = name;
	return KERN_SUCCESS;
}

kern_return_t
do_mach_notify_msg_accepted(mach_port_t notify, mach_port_name_t name)
{
	nt.msg_accepted++;
	nt.notify = notify;
	nt.name = name;
	return KERN_SUCCESS;
}

kern_return_t
do_mach_notify_port_destroyed(mach_port_t notify, mach_port_t rights)
{
	nt.port_destroyed++;
	nt.notify = notify;
	nt.rights = rights;
	return KERN_SUCCESS;
}

kern_return_t
do_mach_notify_no_senders(mach_port_t notify, mach_port_mscount_t mscount)
{
	nt.no_senders++;
	nt.notify = notify;
	nt.mscount = mscount;
	return KERN_SUCCESS;
}

kern_return_t
do_mach_notify_send_once(mach_port_t notify)
{
	nt.send_once++;
	nt.notify = notify;
	return KERN_SUCCESS;
}

kern_return_t
do_mach_notify_dead_name(mach_port_t notify, mach_port_name_t name)
{
	nt.dead_name++;
	nt.notify = notify;
	nt.name = name;
	return KERN_SUCCESS;
}

/*
 * Receive every notification queued on port (no waiting) and dispatch it
 * through notify_server.  Returns how many were accepted by the demux,
 * or -1 if one was refused.
 */
static inline int
nt_dispatch(mach_port_t port)
{
	it_buf_t in, out;
	int n = 0;

	while (it_receive(port, &in, sizeof in, 0) == MACH_MSG_SUCCESS) {
		if (!notify_server(&in.head, &out.head))
			return -1;
		n++;
	}
	return n;
}

#endif /* _NOTIFY_TEST_H_ */
