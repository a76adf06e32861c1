/* SPDX-License-Identifier: MIT */
/*
 * sendonce: send-once notifications (no kernel RPC needed).  A send-once
 * right that is destroyed unused — in a message destroyed by a receive
 * with too small a buffer, in a message body, or in the queue of a port
 * that dies — makes the kernel send MACH_NOTIFY_SEND_ONCE to its port;
 * each is dispatched through libmach's generated notify_server.
 */
#include "notify_test.h"
#include "mt.h"

static void
destroy_one(mach_port_t q)
{
	it_buf_t buf;

	(void)it_receive(q, &buf, sizeof(mach_msg_header_t), 0);
}

int
main(void)
{
	mach_port_t n = mach_reply_port(), q = mach_reply_port();
	mach_port_t sink = mach_reply_port();
	it_empty_t m;
	it_buf_t buf;
	mach_msg_return_t mr;

	MT_BEGIN("notify/sendonce", 9);

	/* A delivered send-once right does not notify. */
	it_header(&m.head, MACH_MSG_TYPE_MAKE_SEND,
		  MACH_MSG_TYPE_MAKE_SEND_ONCE, sizeof m, q, n, 1);
	(void)mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		       MACH_PORT_NULL);
	(void)it_receive(q, &buf, sizeof buf, 0);
	MT_EXPECT_EQ_MSG(nt_dispatch(n), 0,
			 "no notification while the right is delivered");

	/* A send-once right in a body, destroyed with its message. */
	(void)it_send_port(q, MACH_MSG_TYPE_MAKE_SEND, 3, n,
			   MACH_MSG_TYPE_MAKE_SEND_ONCE);
	destroy_one(q);
	mr = it_receive(n, &buf, sizeof buf, 0);
	MT_CHECK(mr == MACH_MSG_SUCCESS &&
		 buf.head.msgh_id == MACH_NOTIFY_SEND_ONCE &&
		 buf.head.msgh_size == sizeof(mach_msg_header_t),
		 "a destroyed send-once right in a body: MACH_NOTIFY_SEND_ONCE");
	MT_CHECK(mr == MACH_MSG_SUCCESS &&
		 MACH_MSGH_BITS_REMOTE(buf.head.msgh_bits) == 0 &&
		 (mach_port_t)buf.head.msgh_local_port == n,
		 "the notification comes from the kernel, on the right's port");

	/* Through the generated demux. */
	nt.send_once = 0;
	(void)it_send_port(q, MACH_MSG_TYPE_MAKE_SEND, 3, n,
			   MACH_MSG_TYPE_MAKE_SEND_ONCE);
	destroy_one(q);
	MT_CHECK(nt_dispatch(n) == 1 && nt.send_once == 1 && nt.notify == n,
		 "notify_server calls do_mach_notify_send_once");

	/* A reply right in a header, destroyed with its message. */
	nt.send_once = 0;
	it_header(&m.head, MACH_MSG_TYPE_MAKE_SEND,
		  MACH_MSG_TYPE_MAKE_SEND_ONCE, sizeof m, q, n, 1);
	(void)mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		       MACH_PORT_NULL);
	(void)it_receive(q, &buf, 8, 0);	/* too small even for the header */
	MT_CHECK(nt_dispatch(n) == 1 && nt.send_once == 1,
		 "a destroyed reply right: MACH_NOTIFY_SEND_ONCE");

	/* Three reply rights queued on a port that dies. */
	nt.send_once = 0;
	for (int i = 0; i < 3; i++) {
		it_header(&m.head, MACH_MSG_TYPE_MAKE_SEND,
			  MACH_MSG_TYPE_MAKE_SEND_ONCE, sizeof m, q, n, 1);
		(void)mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0,
			       MACH_PORT_NULL, 0, MACH_PORT_NULL);
	}
	(void)it_send_port(sink, MACH_MSG_TYPE_MAKE_SEND, 4, q,
			   MACH_MSG_TYPE_MOVE_RECEIVE);
	destroy_one(sink);
	MT_CHECK(nt_dispatch(n) == 3 && nt.send_once == 3,
		 "a dying port's queue: one notification per reply right");

	/* The right that is used does not notify. */
	q = mach_reply_port();
	it_header(&m.head, MACH_MSG_TYPE_MAKE_SEND,
		  MACH_MSG_TYPE_MAKE_SEND_ONCE, sizeof m, q, n, 1);
	(void)mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		       MACH_PORT_NULL);
	(void)it_receive(q, &buf, sizeof buf, 0);
	it_header(&m.head, MACH_MSG_TYPE_MOVE_SEND_ONCE, 0, sizeof m,
		  (mach_port_t)buf.head.msgh_remote_port, MACH_PORT_NULL, 101);
	(void)mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		       MACH_PORT_NULL);
	mr = it_receive(n, &buf, sizeof buf, 0);
	MT_CHECK(mr == MACH_MSG_SUCCESS && buf.head.msgh_id == 101 &&
		 it_receive(n, &buf, sizeof buf, 0) == MACH_RCV_TIMED_OUT,
		 "a used send-once right sends its message, no notification");

	/* The demux refuses what is not a notification. */
	(void)it_send_empty(n, MACH_MSG_TYPE_MAKE_SEND, 1000, 0, 0);
	MT_EXPECT_EQ_MSG(nt_dispatch(n), -1,
			 "notify_server returns FALSE for id 1000");
	MT_EXPECT_EQ_MSG(it_drain(q), 0, "nothing left over");
	return MT_END();
}
