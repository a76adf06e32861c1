/* SPDX-License-Identifier: MIT */
/*
 * rights: port rights carried in message bodies, and capability
 * confinement (no kernel RPC needed): MAKE_SEND, COPY_SEND, MOVE_SEND,
 * MAKE_SEND_ONCE, MOVE_SEND_ONCE and MOVE_RECEIVE, alone and in arrays; a
 * right moved away is gone from the sender; a forged or stale name fails
 * with the documented code; a refused message leaves the sender's rights
 * as they were.
 */
#include "ipc_test.h"
#include "mt.h"

/* Header + an array of three port slots. */
typedef struct {
	mach_msg_header_t head;
	uint64_t type;
	uint64_t port[3];
} ports3_t;

/* Header + two port descriptors. */
typedef struct {
	mach_msg_header_t head;
	uint64_t type1;
	uint64_t port1;
	uint64_t type2;
	uint64_t port2;
} port2_t;

/* Receive one port right from q; its name or MACH_PORT_NULL. */
static mach_port_t
take_port(mach_port_t q, unsigned *got_type)
{
	it_buf_t buf;

	if (it_receive(q, &buf, sizeof buf, 0) != MACH_MSG_SUCCESS)
		return MACH_PORT_NULL;
	if (got_type)
		*got_type = (unsigned)(buf.p.type & 0xff);
	return (mach_port_t)buf.p.port;
}

static int
can_send(mach_port_t dest)
{
	return it_send_empty(dest, MACH_MSG_TYPE_COPY_SEND, 1, 0, 0) ==
	       MACH_MSG_SUCCESS;
}

static void
test_make_copy_move_send(void)
{
	mach_port_t p = mach_reply_port(), q = mach_reply_port();
	mach_port_t got;
	unsigned t = 0;
	mach_msg_return_t mr;

	mr = it_send_port(q, MACH_MSG_TYPE_MAKE_SEND, 1, p,
			  MACH_MSG_TYPE_MAKE_SEND);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "MAKE_SEND in a body");
	got = take_port(q, &t);
	MT_CHECK(got == p && t == MACH_MSG_TYPE_PORT_SEND,
		 "a send right for a port whose receive right we hold comes "
		 "back under the receive right's name, typed PORT_SEND");
	MT_CHECK(can_send(p), "the name now holds a send right");
	it_drain(p);

	mr = it_send_port(q, MACH_MSG_TYPE_MAKE_SEND, 2, p,
			  MACH_MSG_TYPE_COPY_SEND);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "COPY_SEND in a body");
	MT_CHECK(can_send(p), "COPY_SEND leaves the sender its right");
	it_drain(p);
	(void)take_port(q, NULL);	/* one more uref for p */

	/* Two urefs now: move both away, one at a time. */
	mr = it_send_port(q, MACH_MSG_TYPE_MAKE_SEND, 3, p,
			  MACH_MSG_TYPE_MOVE_SEND);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "MOVE_SEND in a body");
	mr = it_send_port(q, MACH_MSG_TYPE_MAKE_SEND, 4, p,
			  MACH_MSG_TYPE_MOVE_SEND);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "MOVE_SEND of the last uref");
	MT_CHECK(!can_send(p), "after moving every uref the sender has no "
		 "send right left (MACH_SEND_INVALID_DEST)");
	MT_EXPECT_EQ_MSG(it_drain(q), 2, "both moved rights are in transit");
}

static void
test_move_receive(void)
{
	mach_port_t p = mach_reply_port(), q = mach_reply_port();
	mach_port_t n;
	unsigned t = 0;
	it_buf_t buf;
	mach_msg_return_t mr;

	(void)it_send_int(p, MACH_MSG_TYPE_MAKE_SEND, 77, 77);
	mr = it_send_port(q, MACH_MSG_TYPE_MAKE_SEND, 1, p,
			  MACH_MSG_TYPE_MOVE_RECEIVE);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "MOVE_RECEIVE in a body");
	mr = it_receive(p, &buf, sizeof buf, 0);
	MT_EXPECT_KR(mr, MACH_RCV_INVALID_NAME,
		     "the moved receive right is gone from the sender");
	n = take_port(q, &t);
	MT_CHECK(n != MACH_PORT_NULL && t == MACH_MSG_TYPE_PORT_RECEIVE,
		 "the receive right arrives typed PORT_RECEIVE");
	MT_CHECK(n != p, "it comes back under a new name (generation), "
		 "the old name stays stale");
	mr = it_receive(n, &buf, sizeof buf, 0);
	MT_CHECK(mr == MACH_MSG_SUCCESS && buf.head.msgh_id == 77,
		 "the queued message moved with the receive right");
	mr = it_receive(p, &buf, sizeof buf, 0);
	MT_EXPECT_KR(mr, MACH_RCV_INVALID_NAME, "the stale name stays invalid");
}

static void
test_send_once(void)
{
	mach_port_t p = mach_reply_port(), q = mach_reply_port();
	mach_port_t so;
	unsigned t = 0;
	it_empty_t m;
	mach_msg_return_t mr;

	mr = it_send_port(q, MACH_MSG_TYPE_MAKE_SEND, 1, p,
			  MACH_MSG_TYPE_MAKE_SEND_ONCE);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "MAKE_SEND_ONCE in a body");
	so = take_port(q, &t);
	MT_CHECK(so != MACH_PORT_NULL && so != p &&
		 t == MACH_MSG_TYPE_PORT_SEND_ONCE,
		 "a send-once right arrives typed PORT_SEND_ONCE, own name");
	it_header(&m.head, MACH_MSG_TYPE_MOVE_SEND_ONCE, 0, sizeof m, so,
		  MACH_PORT_NULL, 9);
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "send through the send-once right");
	it_header(&m.head, MACH_MSG_TYPE_MOVE_SEND_ONCE, 0, sizeof m, so,
		  MACH_PORT_NULL, 9);
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_DEST,
		     "a used send-once right is gone");
	MT_EXPECT_EQ_MSG(it_drain(p), 1, "exactly one message went through");
	it_header(&m.head, MACH_MSG_TYPE_COPY_SEND, 0, sizeof m, p,
		  MACH_PORT_NULL, 9);
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_DEST,
		     "MAKE_SEND_ONCE gave the sender no send right");
}

static void
test_array(void)
{
	mach_port_t a = mach_reply_port(), b = mach_reply_port();
	mach_port_t c = mach_reply_port(), q = mach_reply_port();
	ports3_t m;
	union {
		ports3_t m;
		it_buf_t b;
	} r;
	mach_msg_return_t mr;

	memset(&m, 0, sizeof m);
	it_header(&m.head, MACH_MSG_TYPE_MAKE_SEND, 0, sizeof m, q,
		  MACH_PORT_NULL, 3);
	m.head.msgh_bits |= MACH_MSGH_BITS_COMPLEX;
	m.type = it_desc(MACH_MSG_TYPE_MAKE_SEND, 64, 1, 0, 3);
	m.port[0] = a;
	m.port[1] = b;
	m.port[2] = c;
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "an inline array of 3 MAKE_SEND");
	mr = it_receive(q, &r.b, sizeof r, 0);
	MT_CHECK(mr == MACH_MSG_SUCCESS && r.m.port[0] == a &&
		 r.m.port[1] == b && r.m.port[2] == c &&
		 (r.m.type & 0xff) == MACH_MSG_TYPE_PORT_SEND &&
		 (r.m.type >> 32) == 3,
		 "the array arrives: three send rights, in order");
	MT_CHECK(can_send(a) && can_send(b) && can_send(c),
		 "each element is a usable send right");
}

static void
test_refused(void)
{
	mach_port_t p = mach_reply_port(), q = mach_reply_port();
	port2_t m;
	it_buf_t buf;
	mach_msg_return_t mr;

	/* A good MOVE_RECEIVE followed by a forged name. */
	memset(&m, 0, sizeof m);
	it_header(&m.head, MACH_MSG_TYPE_MAKE_SEND, 0, sizeof m, q,
		  MACH_PORT_NULL, 5);
	m.head.msgh_bits |= MACH_MSGH_BITS_COMPLEX;
	m.type1 = it_desc(MACH_MSG_TYPE_MOVE_RECEIVE, 64, 1, 0, 1);
	m.port1 = p;
	m.type2 = it_desc(MACH_MSG_TYPE_COPY_SEND, 64, 1, 0, 1);
	m.port2 = IT_FORGED_NAME;
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_RIGHT,
		     "a forged name in the body: MACH_SEND_INVALID_RIGHT");
	(void)it_send_int(p, MACH_MSG_TYPE_MAKE_SEND, 8, 8);
	mr = it_receive(p, &buf, sizeof buf, 0);
	MT_CHECK(mr == MACH_MSG_SUCCESS && buf.head.msgh_id == 8,
		 "the refused message left the receive right with the sender");
	MT_EXPECT_EQ_MSG(it_drain(q), 0, "the refused message was not queued");

	/* A count whose size in bytes would wrap 32 bits. */
	memset(&m, 0, sizeof m);
	it_header(&m.head, MACH_MSG_TYPE_MAKE_SEND, 0, sizeof m, q,
		  MACH_PORT_NULL, 6);
	m.head.msgh_bits |= MACH_MSGH_BITS_COMPLEX;
	m.type1 = it_desc(MACH_MSG_TYPE_INTEGER_64, 64, 1, 0, 0x40000000u);
	m.type2 = it_desc(MACH_MSG_TYPE_INTEGER_64, 64, 1, 0, 1);
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_SEND_MSG_TOO_SMALL,
		     "an inline count of 2^30 64-bit items (size wraps)");

	/* A port descriptor whose element size is not a port slot. */
	m.type1 = it_desc(MACH_MSG_TYPE_MAKE_SEND, 32, 1, 0, 1);
	m.port1 = p;
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_TYPE, "port descriptor of 32 bits");

	/* Data that runs past msgh_size. */
	m.type1 = it_desc(MACH_MSG_TYPE_INTEGER_32, 32, 1, 0, 100);
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_SEND_MSG_TOO_SMALL,
		     "inline data past the end of the message");
	MT_EXPECT_EQ_MSG(it_drain(q), 0, "no refused message was queued");
}

static void
test_not_complex(void)
{
	mach_port_t p = mach_reply_port(), q = mach_reply_port();
	it_port_t m;
	it_buf_t buf;
	mach_msg_return_t mr;

	memset(&m, 0, sizeof m);
	it_header(&m.head, MACH_MSG_TYPE_MAKE_SEND, 0, sizeof m, q,
		  MACH_PORT_NULL, 1);
	m.type = it_desc(MACH_MSG_TYPE_MOVE_RECEIVE, 64, 1, 0, 1);
	m.port = p;
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS,
		     "a port descriptor without MACH_MSGH_BITS_COMPLEX is sent");
	mr = it_receive(q, &buf, sizeof buf, 0);
	MT_CHECK(mr == MACH_MSG_SUCCESS && buf.p.port == p &&
		 it_receive(p, &buf, sizeof buf, 0) == MACH_RCV_TIMED_OUT,
		 "...as plain data: no right moved");
}

/*
 * One send right named as both destination and reply port, moved once and
 * copied once (either way round): one user reference is enough (the
 * right moves and is duplicated, as GNU Mach); the sender's name is gone
 * and the receiver gets a send right as its reply port.  The send right
 * is alone under its name while the port's receive right is in transit
 * in a message queued on q.
 */
static void
test_same_name(void)
{
	static const struct {
		unsigned rbits, lbits;
		const char *what;
	} combos[] = {
		{ MACH_MSG_TYPE_MOVE_SEND, MACH_MSG_TYPE_COPY_SEND,
		  "MOVE_SEND dest, COPY_SEND reply" },
		{ MACH_MSG_TYPE_COPY_SEND, MACH_MSG_TYPE_MOVE_SEND,
		  "COPY_SEND dest, MOVE_SEND reply" },
	};

	for (unsigned i = 0; i < 2; i++) {
		mach_port_t task = mach_task_self(), p = mach_reply_port();
		mach_port_t q = mach_reply_port(), p2;
		mach_port_type_t type;
		mach_port_urefs_t refs = 0;
		mach_msg_return_t mr;
		it_buf_t buf;
		it_empty_t m;
		int ok;

		ok = mach_port_insert_right(task, p, p,
					    MACH_MSG_TYPE_MAKE_SEND) ==
		     KERN_SUCCESS &&
		     it_send_port(q, MACH_MSG_TYPE_MAKE_SEND, 1, p,
				  MACH_MSG_TYPE_MOVE_RECEIVE) ==
		     MACH_MSG_SUCCESS;
		it_header(&m.head, combos[i].rbits, combos[i].lbits, sizeof m,
			  p, p, 60 + (int)i);
		mr = ok ? mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0,
				   MACH_PORT_NULL, 0, MACH_PORT_NULL) :
			  MACH_SEND_INVALID_DEST;
		MT_CHECK(mr == MACH_MSG_SUCCESS &&
			 mach_port_type(task, p, &type) == KERN_INVALID_NAME,
			 "%s, one reference: sent, the name gone (0x%x)",
			 combos[i].what, mr);
		/* The receive right back, then the message. */
		p2 = it_receive(q, &buf, sizeof buf, 0) == MACH_MSG_SUCCESS ?
		     (mach_port_t)buf.p.port : MACH_PORT_NULL;
		mr = it_receive(p2, &buf, sizeof buf, 0);
		if (mach_port_get_refs(task, p2, MACH_PORT_RIGHT_SEND,
				       &refs) != KERN_SUCCESS)
			refs = 0;
		MT_CHECK(mr == MACH_MSG_SUCCESS &&
			 buf.head.msgh_id == 60 + (int)i &&
			 MACH_MSGH_BITS_REMOTE(buf.head.msgh_bits) ==
			 MACH_MSG_TYPE_PORT_SEND &&
			 (mach_port_t)buf.head.msgh_remote_port == p2 &&
			 refs == 1,
			 "%s: the reply a send right to the port (refs %u)",
			 combos[i].what, refs);
		(void)mach_port_destroy(task, p2);
		(void)mach_port_destroy(task, q);
	}
}

int
main(void)
{
	MT_BEGIN("ipc/rights", 37);
	test_make_copy_move_send();	/* 9 */
	test_move_receive();		/* 6 */
	test_send_once();		/* 6 */
	test_array();			/* 3 */
	test_refused();			/* 7 */
	test_not_complex();		/* 2 */
	test_same_name();		/* 4 */
	return MT_END();
}
