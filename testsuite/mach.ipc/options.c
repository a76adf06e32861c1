/* SPDX-License-Identifier: MIT */
/*
 * options: the mach_msg options with a notify port (no kernel RPC
 * needed): MACH_SEND_NOTIFY (a send to a full queue with MACH_SEND_TIMEOUT
 * is queued anyway with MACH_SEND_WILL_NOTIFY, a second one gets
 * MACH_SEND_NOTIFY_IN_PROGRESS, and a msg-accepted notification naming
 * the destination arrives on the notify port once the message is taken;
 * a notify name that is not a receive right is MACH_SEND_INVALID_NOTIFY),
 * and MACH_RCV_NOTIFY with a bad notify name (MACH_RCV_INVALID_NOTIFY).
 */
#include <mach/notify.h>

#include "ipc_test.h"
#include "mt.h"

static mach_msg_return_t
send_notify(mach_port_t dest, mach_port_t notify, int id)
{
	it_empty_t m;

	it_header(&m.head, MACH_MSG_TYPE_MAKE_SEND, 0, sizeof m, dest,
		  MACH_PORT_NULL, id);
	return mach_msg(&m.head, MACH_SEND_MSG | MACH_SEND_TIMEOUT |
				 MACH_SEND_NOTIFY,
			sizeof m, 0, MACH_PORT_NULL, 0, notify);
}

int
main(void)
{
	mach_port_t p = mach_reply_port(), n = mach_reply_port();
	it_buf_t buf;
	mach_msg_return_t mr;
	int ok = 1;

	MT_BEGIN("ipc/options", 9);
	mr = send_notify(p, n, 1);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS,
		     "MACH_SEND_NOTIFY to a queue with room: plain success");
	for (int i = 1; i < (int)MACH_PORT_QLIMIT_DEFAULT; i++)
		ok &= it_send_empty(p, MACH_MSG_TYPE_MAKE_SEND, 2, 0, 0) ==
		      MACH_MSG_SUCCESS;
	mr = send_notify(p, n, 3);
	MT_CHECK(ok && mr == MACH_SEND_WILL_NOTIFY,
		 "MACH_SEND_NOTIFY to a full queue: MACH_SEND_WILL_NOTIFY");
	mr = send_notify(p, n, 4);
	MT_EXPECT_KR(mr, MACH_SEND_NOTIFY_IN_PROGRESS,
		     "a second one while the first is pending");
	mr = send_notify(p, IT_FORGED_NAME, 5);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_NOTIFY,
		     "a forged notify name: MACH_SEND_INVALID_NOTIFY");
	mr = send_notify(p, mach_task_self(), 5);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_NOTIFY,
		     "a send right as notify port: MACH_SEND_INVALID_NOTIFY");
	MT_EXPECT_EQ_MSG(it_drain(p), MACH_PORT_QLIMIT_DEFAULT + 1,
			 "the notified message was queued beyond the limit");
	mr = it_receive(n, &buf, sizeof buf, 0);
	MT_CHECK(mr == MACH_MSG_SUCCESS &&
		 buf.head.msgh_id == MACH_NOTIFY_MSG_ACCEPTED &&
		 buf.i.value == p,
		 "then MACH_NOTIFY_MSG_ACCEPTED names the destination");
	MT_EXPECT_EQ_MSG(it_drain(n), 0, "exactly one notification");

	(void)it_send_empty(p, MACH_MSG_TYPE_MAKE_SEND, 6, 0, 0);
	mr = mach_msg(&buf.head, MACH_RCV_MSG | MACH_RCV_TIMEOUT |
				 MACH_RCV_NOTIFY,
		      0, sizeof buf, p, 0, IT_FORGED_NAME);
	MT_EXPECT_KR(mr, MACH_RCV_INVALID_NOTIFY,
		     "MACH_RCV_NOTIFY with a forged notify name");
	return MT_END();
}
