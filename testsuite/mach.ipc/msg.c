/* SPDX-License-Identifier: MIT */
/*
 * msg: mach_msg within one task, on receive rights from mach_reply_port
 * (no kernel RPC needed): send and receive, the header's right swap,
 * sequence numbers, timeouts, MACH_RCV_LARGE and MACH_RCV_TOO_LARGE,
 * queue limits with MACH_SEND_TIMEOUT, the interrupt options, and each
 * header-level error of the send and receive phases.
 */
#include "ipc_test.h"
#include "mt.h"

static void
test_send_receive(void)
{
	mach_port_t p = mach_reply_port();
	it_buf_t buf;
	mach_msg_return_t mr;

	mr = it_send_int(p, MACH_MSG_TYPE_MAKE_SEND, 1234, 0xfeedbeef);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "send INTEGER_32 to own port");
	memset(&buf, 0xaa, sizeof buf);
	mr = it_receive(p, &buf, sizeof buf, 0);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "receive it back");
	MT_CHECK(mr == MACH_MSG_SUCCESS && buf.head.msgh_id == 1234 &&
		 buf.head.msgh_size == sizeof(it_int_t) &&
		 buf.i.value == 0xfeedbeef &&
		 buf.i.type == it_desc(MACH_MSG_TYPE_INTEGER_32, 32, 1, 0, 1),
		 "received id, size, descriptor and datum intact");
	MT_CHECK(mr == MACH_MSG_SUCCESS &&
		 (mach_port_t)buf.head.msgh_local_port == p &&
		 (mach_port_t)buf.head.msgh_remote_port == MACH_PORT_NULL &&
		 MACH_MSGH_BITS_LOCAL(buf.head.msgh_bits) ==
			 MACH_MSG_TYPE_PORT_SEND,
		 "received header: local is the receive name, remote null");
	mr = it_receive(p, &buf, sizeof buf, 0);
	MT_EXPECT_KR(mr, MACH_RCV_TIMED_OUT, "queue empty after one receive");
}

static void
test_reply_swap(void)
{
	mach_port_t p = mach_reply_port(), r = mach_reply_port();
	it_empty_t m;
	it_buf_t buf;
	mach_msg_return_t mr;

	it_header(&m.head, MACH_MSG_TYPE_MAKE_SEND,
		  MACH_MSG_TYPE_MAKE_SEND_ONCE, sizeof m, p, r, 7);
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "send with a MAKE_SEND_ONCE reply");
	mr = it_receive(p, &buf, sizeof buf, 0);
	MT_CHECK(mr == MACH_MSG_SUCCESS &&
		 MACH_MSGH_BITS_REMOTE(buf.head.msgh_bits) ==
			 MACH_MSG_TYPE_PORT_SEND_ONCE &&
		 (mach_port_t)buf.head.msgh_remote_port != MACH_PORT_NULL,
		 "receiver gets a send-once reply right in msgh_remote_port");
	/* Answer through it: the reply lands on r. */
	it_header(&m.head, MACH_MSG_TYPE_MOVE_SEND_ONCE, 0, sizeof m,
		  (mach_port_t)buf.head.msgh_remote_port, MACH_PORT_NULL, 107);
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "reply through the send-once right");
	mr = it_receive(r, &buf, sizeof buf, 0);
	MT_CHECK(mr == MACH_MSG_SUCCESS && buf.head.msgh_id == 107,
		 "reply arrives on the reply port");
	MT_CHECK(buf.head.msgh_remote_port == MACH_PORT_NULL,
		 "a reply without reply port has a null msgh_remote_port");
}

static void
test_combined(void)
{
	mach_port_t p = mach_reply_port();
	union {
		it_int_t i;
		it_buf_t b;
	} m;
	mach_msg_return_t mr;

	memset(&m, 0, sizeof m);
	it_header(&m.i.head, MACH_MSG_TYPE_MAKE_SEND, 0, sizeof m.i, p,
		  MACH_PORT_NULL, 55);
	m.i.type = it_desc(MACH_MSG_TYPE_INTEGER_32, 32, 1, 0, 1);
	m.i.value = 99;
	mr = mach_msg(&m.i.head, MACH_SEND_MSG | MACH_RCV_MSG, sizeof m.i,
		      sizeof m, p, MACH_MSG_TIMEOUT_NONE, MACH_PORT_NULL);
	MT_CHECK(mr == MACH_MSG_SUCCESS && m.i.head.msgh_id == 55 &&
		 m.i.value == 99,
		 "MACH_SEND_MSG|MACH_RCV_MSG to itself in one call");
}

static void
test_seqno(void)
{
	mach_port_t p = mach_reply_port();
	it_buf_t buf;
	int ok = 1;

	for (int i = 0; i < 4; i++)
		ok &= it_send_empty(p, MACH_MSG_TYPE_MAKE_SEND, i, 0, 0) ==
		      MACH_MSG_SUCCESS;
	for (unsigned i = 0; i < 4; i++)
		ok &= it_receive(p, &buf, sizeof buf, 0) == MACH_MSG_SUCCESS &&
		      buf.head.msgh_seqno == i && buf.head.msgh_id == (int)i;
	MT_CHECK(ok, "messages arrive in order with seqno 0, 1, 2, 3");
}

static void
test_timeouts(void)
{
	mach_port_t p = mach_reply_port();
	it_buf_t buf;
	mach_msg_return_t mr;

	mr = mach_msg(&buf.head, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0,
		      sizeof buf, p, 0, MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_RCV_TIMED_OUT, "MACH_RCV_TIMEOUT 0 on empty port");
	mr = mach_msg(&buf.head, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0,
		      sizeof buf, p, 20, MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_RCV_TIMED_OUT, "MACH_RCV_TIMEOUT 20 ms on empty port");
	mr = mach_msg(&buf.head,
		      MACH_RCV_MSG | MACH_RCV_TIMEOUT | MACH_RCV_INTERRUPT, 0,
		      sizeof buf, p, 0, MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_RCV_TIMED_OUT,
		     "MACH_RCV_INTERRUPT does not change a timeout");
	mr = it_send_empty(p, MACH_MSG_TYPE_MAKE_SEND, 3, MACH_SEND_INTERRUPT,
			   0);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "send with MACH_SEND_INTERRUPT");
	it_drain(p);
}

static void
test_too_large(void)
{
	mach_port_t p = mach_reply_port();
	it_buf_t buf;
	mach_msg_return_t mr, sent;

	memset(&buf, 0, sizeof buf);
	(void)it_send_int(p, MACH_MSG_TYPE_MAKE_SEND, 1, 5);
	mr = it_receive(p, &buf, sizeof(mach_msg_header_t), MACH_RCV_LARGE);
	MT_EXPECT_KR(mr, MACH_RCV_TOO_LARGE,
		     "MACH_RCV_LARGE: too small a buffer is refused");
	MT_CHECK(mr == MACH_RCV_TOO_LARGE &&
		 buf.head.msgh_size == sizeof(it_int_t),
		 "MACH_RCV_LARGE reports the needed size in msgh_size");
	mr = it_receive(p, &buf, sizeof buf, 0);
	MT_CHECK(mr == MACH_MSG_SUCCESS && buf.i.value == 5,
		 "MACH_RCV_LARGE: the message stays queued");

	sent = it_send_int(p, MACH_MSG_TYPE_MAKE_SEND, 2, 6);
	mr = it_receive(p, &buf, sizeof(mach_msg_header_t), 0);
	MT_EXPECT_KR(mr, MACH_RCV_TOO_LARGE,
		     "no MACH_RCV_LARGE: MACH_RCV_TOO_LARGE");
	mr = it_receive(p, &buf, sizeof buf, 0);
	MT_CHECK(sent == MACH_MSG_SUCCESS && mr == MACH_RCV_TIMED_OUT,
		 "no MACH_RCV_LARGE: the message is destroyed");
}

static void
test_qlimit(void)
{
	mach_port_t p = mach_reply_port();
	int sent = 0;
	mach_msg_return_t mr = MACH_MSG_SUCCESS;

	while (sent < 64) {
		mr = it_send_empty(p, MACH_MSG_TYPE_MAKE_SEND, sent,
				   MACH_SEND_TIMEOUT, 0);
		if (mr != MACH_MSG_SUCCESS)
			break;
		sent++;
	}
	MT_EXPECT_EQ_MSG(sent, MACH_PORT_QLIMIT_DEFAULT,
			 "default qlimit: 5 messages queue");
	MT_EXPECT_KR(mr, MACH_SEND_TIMED_OUT,
		     "the 6th send with MACH_SEND_TIMEOUT 0 times out");
	mr = it_send_empty(p, MACH_MSG_TYPE_MAKE_SEND, 99, MACH_SEND_TIMEOUT,
			   10);
	MT_EXPECT_KR(mr, MACH_SEND_TIMED_OUT,
		     "a send with MACH_SEND_TIMEOUT 10 ms to a full queue");
	MT_EXPECT_EQ_MSG(it_drain(p), MACH_PORT_QLIMIT_DEFAULT,
			 "exactly the queued messages are received");
	mr = it_send_empty(p, MACH_MSG_TYPE_MAKE_SEND, 100, MACH_SEND_TIMEOUT,
			   0);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "room again after draining");
	it_drain(p);
}

static void
test_send_errors(void)
{
	mach_port_t p = mach_reply_port();
	it_empty_t m;
	mach_msg_return_t mr;

	it_header(&m.head, MACH_MSG_TYPE_COPY_SEND, 0, sizeof m,
		  IT_FORGED_NAME, MACH_PORT_NULL, 1);
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_DEST, "forged destination name");

	it_header(&m.head, MACH_MSG_TYPE_COPY_SEND, 0, sizeof m,
		  MACH_PORT_NULL, MACH_PORT_NULL, 1);
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_DEST, "MACH_PORT_NULL destination");

	/* A receive right alone is not a send right. */
	it_header(&m.head, MACH_MSG_TYPE_COPY_SEND, 0, sizeof m, p,
		  MACH_PORT_NULL, 1);
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_DEST,
		     "COPY_SEND from a receive right without send right");

	it_header(&m.head, 0, 0, sizeof m, p, MACH_PORT_NULL, 1);
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_HEADER,
		     "remote disposition 0 is MACH_SEND_INVALID_HEADER");

	it_header(&m.head, 99, 0, sizeof m, p, MACH_PORT_NULL, 1);
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_HEADER,
		     "remote disposition 99 is MACH_SEND_INVALID_HEADER");

	it_header(&m.head, MACH_MSG_TYPE_MAKE_SEND,
		  MACH_MSG_TYPE_MAKE_SEND_ONCE, sizeof m, p, IT_FORGED_NAME, 1);
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_REPLY, "forged reply port name");

	it_header(&m.head, MACH_MSG_TYPE_MAKE_SEND, 0, sizeof m, p,
		  MACH_PORT_NULL, 1);
	mr = mach_msg(&m.head, MACH_SEND_MSG, 16, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_SEND_MSG_TOO_SMALL, "send_size 16 < header");
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m + 2, 0, MACH_PORT_NULL,
		      0, MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_SEND_MSG_TOO_SMALL, "send_size not a multiple of 4");

	mr = mach_msg((mach_msg_header_t *)IT_LOW_ADDR, MACH_SEND_MSG, 32, 0,
		      MACH_PORT_NULL, 0, MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_DATA, "unmapped message address");
	mr = mach_msg((mach_msg_header_t *)IT_KERNEL_ADDR, MACH_SEND_MSG, 32,
		      0, MACH_PORT_NULL, 0, MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_DATA, "kernel message address");

	/* Nothing of the failed sends reached the port. */
	MT_EXPECT_EQ_MSG(it_drain(p), 0, "failed sends queue nothing");
}

static void
test_receive_errors(void)
{
	mach_port_t p = mach_reply_port();
	mach_port_t self = mach_task_self();
	it_buf_t buf;
	mach_msg_return_t mr, sent;

	mr = it_receive(IT_FORGED_NAME, &buf, sizeof buf, 0);
	MT_EXPECT_KR(mr, MACH_RCV_INVALID_NAME, "receive on a forged name");
	mr = it_receive(MACH_PORT_NULL, &buf, sizeof buf, 0);
	MT_EXPECT_KR(mr, MACH_RCV_INVALID_NAME, "receive on MACH_PORT_NULL");
	mr = it_receive(self, &buf, sizeof buf, 0);
	MT_EXPECT_KR(mr, MACH_RCV_INVALID_NAME,
		     "receive on a send right (the task port)");

	sent = it_send_int(p, MACH_MSG_TYPE_MAKE_SEND, 1, 1);
	mr = mach_msg((mach_msg_header_t *)IT_KERNEL_ADDR,
		      MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, 64, p, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_RCV_INVALID_DATA, "receive into kernel memory");
	mr = it_receive(p, &buf, sizeof buf, 0);
	MT_CHECK(sent == MACH_MSG_SUCCESS && mr == MACH_RCV_TIMED_OUT,
		 "the message that could not be copied out is gone");
}

int
main(void)
{
	MT_BEGIN("ipc/msg", 42);
	test_send_receive();	/* 5 */
	test_reply_swap();	/* 5 */
	test_combined();	/* 1 */
	test_seqno();		/* 1 */
	test_timeouts();	/* 4 */
	test_too_large();	/* 5 */
	test_qlimit();		/* 5 */
	test_send_errors();	/* 11 */
	test_receive_errors();	/* 5 */
	return MT_END();
}
