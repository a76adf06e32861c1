/* SPDX-License-Identifier: MIT */
/*
 * Receive rights in transit: a send that would put a port's receive right
 * in a message queued (directly or through other ports in transit) on the
 * port itself is refused with MACH_SEND_INVALID_RIGHT and the sender keeps
 * every right; destroying the head of a chain of ports in transit destroys
 * them all (ipc.exp's leak check at shutdown proves nothing is left).
 * The kernel's own messages obey the same rule: a port-destroyed
 * notification that would carry a port's receive right to a port whose
 * receive right is in transit to it (directly or through other ports in
 * transit) is destroyed rather than queued, and every port of the cycle
 * dies.
 */
#include <mach/message.h>
#include <mach/port.h>
#include <mach/mach_traps.h>
#include <mach/mach_port.h>
#include <mach/notify.h>
#include <string.h>
#include "mt.h"

#define SELF mach_task_self()

/* A long chain: deep enough to overflow a kernel stack if its collapse
 * recursed once per port. */
#define LONG_CHAIN	200

typedef struct {
	mach_msg_header_t h;
	uint64_t t1; uint64_t d1;
	uint64_t t2; uint64_t d2;
} msg_t;

#define DESC(name, bits, n, inl) ((uint64_t)((name) | ((bits) << 8) | ((inl) ? (1U << 29) : 0)) | ((uint64_t)(n) << 32))

static mach_port_type_t ptype(mach_port_name_t n)
{
	mach_port_type_t t;
	kern_return_t kr = mach_port_type(SELF, n, &t);
	return kr == KERN_SUCCESS ? t : 0xdead0000u | (unsigned)kr;
}

static mach_port_urefs_t refs(mach_port_name_t n, mach_port_right_t r)
{
	mach_port_urefs_t u = 12345;
	kern_return_t kr = mach_port_get_refs(SELF, n, r, &u);
	return kr == KERN_SUCCESS ? u : 1000000 + (unsigned)kr;
}

/* Send to `dest' (with disposition `ddisp') a message carrying the
 * receive right `rcv' (MOVE_RECEIVE), without blocking. */
static mach_msg_return_t send_receive(mach_port_name_t dest, unsigned ddisp,
				      mach_port_name_t rcv)
{
	msg_t m;

	memset(&m, 0, sizeof m);
	m.h.msgh_bits = MACH_MSGH_BITS(ddisp, 0) | MACH_MSGH_BITS_COMPLEX;
	m.h.msgh_size = sizeof m;
	m.h.msgh_remote_port = dest;
	m.h.msgh_id = 900;
	m.t1 = DESC(MACH_MSG_TYPE_INTEGER_32, 32, 1, 1);
	m.d1 = 0x5151;
	m.t2 = DESC(MACH_MSG_TYPE_MOVE_RECEIVE, 64, 1, 1);
	m.d2 = rcv;
	return mach_msg(&m.h, MACH_SEND_MSG | MACH_SEND_TIMEOUT, sizeof m, 0,
			MACH_PORT_NULL, 0, MACH_PORT_NULL);
}

static mach_port_name_t new_port(int with_send)
{
	mach_port_name_t p = MACH_PORT_NULL;

	if (mach_port_allocate(SELF, MACH_PORT_RIGHT_RECEIVE, &p) != KERN_SUCCESS)
		return MACH_PORT_NULL;
	if (with_send &&
	    mach_port_insert_right(SELF, p, p, MACH_MSG_TYPE_MAKE_SEND) !=
	    KERN_SUCCESS)
		return MACH_PORT_NULL;
	return p;
}

/*
 * A port-destroyed notification closing a cycle: r's port-destroyed
 * request names n; n's receive right is in transit to r (through `depth'
 * ports: n in m in r for depth 2).  Destroying r's receive right must kill
 * r, n (and m).  Returns 1 if so.
 */
static mach_port_type_t pd_types[3];	/* r, n, m after the destroy */

static int pd_cycle(int depth)
{
	mach_port_name_t r = new_port(1), n = new_port(1), m = new_port(1);
	mach_port_name_t prev = MACH_PORT_NULL;
	int ok;

	ok = r != MACH_PORT_NULL && n != MACH_PORT_NULL && m != MACH_PORT_NULL &&
	     mach_port_request_notification(SELF, r, MACH_NOTIFY_PORT_DESTROYED,
					    0, n, MACH_MSG_TYPE_MAKE_SEND_ONCE,
					    &prev) == KERN_SUCCESS &&
	     prev == MACH_PORT_NULL;
	if (depth == 1)
		ok = ok && send_receive(r, MACH_MSG_TYPE_COPY_SEND, n) ==
			   MACH_MSG_SUCCESS;
	else
		ok = ok && send_receive(m, MACH_MSG_TYPE_COPY_SEND, n) ==
			   MACH_MSG_SUCCESS &&
		     send_receive(r, MACH_MSG_TYPE_COPY_SEND, m) ==
			   MACH_MSG_SUCCESS;
	ok = ok && mach_port_mod_refs(SELF, r, MACH_PORT_RIGHT_RECEIVE, -1) ==
		   KERN_SUCCESS;
	pd_types[0] = ptype(r);
	pd_types[1] = ptype(n);
	pd_types[2] = ptype(m);
	ok = ok && pd_types[0] == MACH_PORT_TYPE_DEAD_NAME &&
	     pd_types[1] == MACH_PORT_TYPE_DEAD_NAME &&
	     pd_types[2] == (depth == 1 ? MACH_PORT_TYPE_SEND_RECEIVE :
					  MACH_PORT_TYPE_DEAD_NAME);
	mach_port_destroy(SELF, r);
	mach_port_destroy(SELF, n);
	mach_port_destroy(SELF, m);
	return ok;
}

int main(void)
{
	mach_port_name_t p, q, a, b, c, chain[LONG_CHAIN];
	mach_msg_return_t mr;
	msg_t m;
	int ok;

	MT_BEGIN("ipc/cycle", 35);

	/* 1. A receive right sent to its own port. */
	p = new_port(1);
	MT_CHECK(p != MACH_PORT_NULL, "self: allocate p with a send right");
	mr = send_receive(p, MACH_MSG_TYPE_COPY_SEND, p);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_RIGHT, "self: p's receive right to p refused");
	MT_EXPECT_EQ_MSG(ptype(p), MACH_PORT_TYPE_SEND_RECEIVE, "self: p still send+receive");
	MT_EXPECT_EQ_MSG(refs(p, MACH_PORT_RIGHT_SEND), 1, "self: p's send refs still 1");
	mr = send_receive(p, MACH_MSG_TYPE_MAKE_SEND, p);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_RIGHT, "self: refused with make_send too");
	MT_EXPECT_EQ_MSG(refs(p, MACH_PORT_RIGHT_RECEIVE), 1, "self: p's receive right kept");
	/* The port still works: a message goes through it. */
	q = new_port(0);
	mr = send_receive(p, MACH_MSG_TYPE_COPY_SEND, q);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "self: another receive right to p accepted");
	memset(&m, 0, sizeof m);
	mr = mach_msg(&m.h, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof m, p, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "self: received from p");
	MT_EXPECT_EQ_MSG(ptype((mach_port_name_t)m.d2), MACH_PORT_TYPE_RECEIVE,
			 "self: q's receive right came back");
	MT_EXPECT_KR(mach_port_mod_refs(SELF, (mach_port_name_t)m.d2,
					MACH_PORT_RIGHT_RECEIVE, -1),
		     KERN_SUCCESS, "self: destroy q");
	MT_EXPECT_KR(mach_port_destroy(SELF, p), KERN_SUCCESS, "self: destroy p");

	/* 2. Two ports: p in q, then q into p refused; destroying q kills p. */
	p = new_port(1);
	q = new_port(1);
	MT_EXPECT_KR(send_receive(q, MACH_MSG_TYPE_COPY_SEND, p), MACH_MSG_SUCCESS,
		     "pair: p's receive right queued on q");
	MT_EXPECT_EQ_MSG(ptype(p), MACH_PORT_TYPE_SEND, "pair: p left with a send right");
	MT_EXPECT_KR(send_receive(p, MACH_MSG_TYPE_COPY_SEND, q),
		     MACH_SEND_INVALID_RIGHT, "pair: q's receive right to p refused");
	MT_EXPECT_EQ_MSG(ptype(q), MACH_PORT_TYPE_SEND_RECEIVE, "pair: q kept send+receive");
	MT_EXPECT_EQ_MSG(refs(p, MACH_PORT_RIGHT_SEND), 1, "pair: p's send refs still 1");
	MT_EXPECT_KR(mach_port_mod_refs(SELF, q, MACH_PORT_RIGHT_RECEIVE, -1),
		     KERN_SUCCESS, "pair: destroy q's receive right");
	MT_EXPECT_EQ_MSG(ptype(p), MACH_PORT_TYPE_DEAD_NAME, "pair: p died with q");
	MT_EXPECT_KR(mach_port_deallocate(SELF, p), KERN_SUCCESS, "pair: drop p's dead name");
	MT_EXPECT_KR(mach_port_deallocate(SELF, q), KERN_SUCCESS, "pair: drop q's dead name");

	/* 3. Three ports: a in b in c; c into a refused; destroying c kills
	 * all three. */
	a = new_port(1);
	b = new_port(1);
	c = new_port(1);
	MT_EXPECT_KR(send_receive(b, MACH_MSG_TYPE_COPY_SEND, a), MACH_MSG_SUCCESS,
		     "chain3: a queued on b");
	MT_EXPECT_KR(send_receive(c, MACH_MSG_TYPE_COPY_SEND, b), MACH_MSG_SUCCESS,
		     "chain3: b queued on c");
	MT_EXPECT_KR(send_receive(a, MACH_MSG_TYPE_COPY_SEND, c),
		     MACH_SEND_INVALID_RIGHT, "chain3: c's receive right to a refused");
	MT_EXPECT_KR(send_receive(b, MACH_MSG_TYPE_COPY_SEND, c),
		     MACH_SEND_INVALID_RIGHT, "chain3: c's receive right to b refused");
	MT_EXPECT_EQ_MSG(ptype(c), MACH_PORT_TYPE_SEND_RECEIVE, "chain3: c kept send+receive");
	MT_EXPECT_EQ_MSG(refs(c, MACH_PORT_RIGHT_SEND), 1, "chain3: c's send refs still 1");
	MT_EXPECT_KR(mach_port_destroy(SELF, c), KERN_SUCCESS, "chain3: destroy c");
	MT_EXPECT_EQ_MSG(ptype(b), MACH_PORT_TYPE_DEAD_NAME, "chain3: b died");
	MT_EXPECT_EQ_MSG(ptype(a), MACH_PORT_TYPE_DEAD_NAME, "chain3: a died");
	mach_port_deallocate(SELF, a);
	mach_port_deallocate(SELF, b);

	/* 4. Three ports with no other name: the receive right of the head
	 * is the last name of all three (the leak check sees them go). */
	a = new_port(0);
	b = new_port(0);
	c = new_port(0);
	ok = send_receive(b, MACH_MSG_TYPE_MAKE_SEND, a) == MACH_MSG_SUCCESS &&
	     send_receive(c, MACH_MSG_TYPE_MAKE_SEND, b) == MACH_MSG_SUCCESS;
	MT_CHECK(ok, "bare3: a in b in c");
	MT_EXPECT_KR(mach_port_mod_refs(SELF, c, MACH_PORT_RIGHT_RECEIVE, -1),
		     KERN_SUCCESS, "bare3: destroy c, the last name");

	/* 5. A long chain collapses without exhausting the kernel stack. */
	ok = 1;
	for (int i = 0; i < LONG_CHAIN && ok; i++) {
		chain[i] = new_port(0);
		ok = chain[i] != MACH_PORT_NULL;
		if (ok && i > 0)
			ok = send_receive(chain[i], MACH_MSG_TYPE_MAKE_SEND,
					  chain[i - 1]) == MACH_MSG_SUCCESS;
	}
	MT_CHECK(ok, "long: %d ports chained", LONG_CHAIN);
	MT_EXPECT_KR(mach_port_mod_refs(SELF, chain[LONG_CHAIN - 1],
					MACH_PORT_RIGHT_RECEIVE, -1),
		     KERN_SUCCESS, "long: destroy the head");

	/* 6. Cycles closed by the kernel's port-destroyed notification. */
	ok = pd_cycle(1);
	MT_CHECK(ok, "pd: r's receive right to n, n in transit to r: "
		 "the notification is destroyed, r and n die (types %#x %#x)",
		 pd_types[0], pd_types[1]);
	ok = pd_cycle(2);
	MT_CHECK(ok, "pd: the same through n in m in r: all three "
		 "die (types %#x %#x %#x)", pd_types[0], pd_types[1],
		 pd_types[2]);
	return MT_END();
}
