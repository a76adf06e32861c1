/* SPDX-License-Identifier: MIT */
/*
 * options: the mach_msg options with a notify port (no other task needed).
 *
 * MACH_SEND_NOTIFY: a send to a full queue waits only until its
 * MACH_SEND_TIMEOUT expires (not at all without one), then is queued
 * beyond the limit with MACH_SEND_WILL_NOTIFY; while that message is
 * queued a second one gets MACH_SEND_NOTIFY_IN_PROGRESS and is not sent; a
 * notify name that is not a receive right is MACH_SEND_INVALID_NOTIFY
 * (nothing sent, the sender's rights as they were); when the forced
 * message is received the notify port gets MACH_NOTIFY_MSG_ACCEPTED (id
 * 0102) naming the destination by the sender's name for it (after a
 * rename, the new name), and MACH_PORT_NULL when the destination died with
 * the message queued.
 *
 * MACH_SEND_CANCEL: a send that moves the destination's right out of the
 * space (MOVE_SEND_ONCE, MOVE_SEND of a send right's last reference) with
 * notify naming the port its dead-name request notifies gets no
 * port-deleted notification and the request's send-once right is gone
 * (without the option, or with another notify port, the notification
 * comes; a name that keeps its right keeps its request; the reply right
 * and the body's rights notify as usual); notify MACH_PORT_NULL, forged, or
 * not a receive right is MACH_SEND_INVALID_NOTIFY with nothing changed,
 * after a bad header disposition (MACH_SEND_INVALID_HEADER) but before
 * the destination is looked at.
 *
 * mach_port_type / mach_port_names: MACH_PORT_TYPE_MAREQUEST on the
 * sender's name for a destination while its forced message is queued,
 * MACH_PORT_TYPE_DNREQUEST while a name has a dead-name request; neither
 * afterwards.
 *
 * MACH_RCV_NOTIFY: a bad notify name is MACH_RCV_INVALID_NOTIFY before
 * anything is received; otherwise a reply right that gets a new name gets
 * a dead-name request, and the notify port a real dead-name notification
 * when the reply port's receive right goes; a reply right that merges with
 * an existing name gets none.
 *
 *   options.elf [CYCLES]   the cases, then CYCLES more rounds of every
 *                          path (ipc.exp compares the kernel's zones after
 *                          0 and after N rounds; with an argument the
 *                          cases are reported as ipc/options-leak).
 */
#include <mach/notify.h>

#include "../mach.notify/notify_test.h"
#include "ipc_test.h"
#include "mt.h"

#define SELF mach_task_self()

static mach_port_status_t
status(mach_port_t p)
{
	mach_port_status_t st;

	memset(&st, 0xff, sizeof st);
	(void)mach_port_get_receive_status(SELF, p, &st);
	return st;
}

static mach_port_type_t
ptype(mach_port_t n)
{
	mach_port_type_t t;

	if (mach_port_type(SELF, n, &t) != KERN_SUCCESS)
		return 0xdead0000U;
	return t;
}

static mach_port_urefs_t
refs(mach_port_t n, mach_port_right_t r)
{
	mach_port_urefs_t u;

	if (mach_port_get_refs(SELF, n, r, &u) != KERN_SUCCESS)
		return 1000000;
	return u;
}

/* The type mach_port_names reports for n (0xdead0000 if none). */
static mach_port_type_t
names_type(mach_port_t n)
{
	mach_port_name_array_t names;
	mach_port_type_array_t types;
	mach_msg_type_number_t nn, nt;
	mach_port_type_t t = 0xdead0000U;

	if (mach_port_names(SELF, &names, &nn, &types, &nt) != KERN_SUCCESS)
		return t;
	for (mach_msg_type_number_t i = 0; i < nn && i < nt; i++)
		if (names[i] == n)
			t = types[i];
	(void)vm_deallocate(SELF, (vm_address_t)names, nn * sizeof *names);
	(void)vm_deallocate(SELF, (vm_address_t)types, nt * sizeof *types);
	return t;
}

/* Send to dest (MAKE_SEND: dest is a receive right of ours) a message
 * carrying `carried' with disposition `disp' (none if MACH_PORT_NULL),
 * with the options and notify name given, timeout 0. */
static mach_msg_return_t
send_opt(mach_port_t dest, int id, mach_msg_option_t option,
	 mach_port_t notify, mach_port_t carried, unsigned disp)
{
	it_port_t m;
	mach_msg_size_t size = sizeof m.head;

	memset(&m, 0, sizeof m);
	it_header(&m.head, MACH_MSG_TYPE_MAKE_SEND, 0, sizeof m, dest,
		  MACH_PORT_NULL, id);
	if (carried != MACH_PORT_NULL) {
		m.head.msgh_bits |= MACH_MSGH_BITS_COMPLEX;
		m.type = it_desc(disp, 64, 1, 0, 1);
		m.port = carried;
		size = sizeof m;
	}
	m.head.msgh_size = size;
	return mach_msg(&m.head, MACH_SEND_MSG | option, size, 0,
			MACH_PORT_NULL, 0, notify);
}

/* The usual forced send: MACH_SEND_TIMEOUT (0 ms) | MACH_SEND_NOTIFY. */
static mach_msg_return_t
send_notify(mach_port_t dest, mach_port_t notify, int id)
{
	return send_opt(dest, id, MACH_SEND_TIMEOUT | MACH_SEND_NOTIFY,
			notify, MACH_PORT_NULL, 0);
}

/* A forced send that first waits up to ms milliseconds for room. */
static mach_msg_return_t
send_notify_wait(mach_port_t dest, mach_port_t notify, int id,
		 mach_msg_timeout_t ms)
{
	it_empty_t m;

	it_header(&m.head, MACH_MSG_TYPE_MAKE_SEND, 0, sizeof m, dest,
		  MACH_PORT_NULL, id);
	return mach_msg(&m.head, MACH_SEND_MSG | MACH_SEND_TIMEOUT |
					 MACH_SEND_NOTIFY,
			sizeof m, 0, MACH_PORT_NULL, ms, notify);
}

/* Fill dest's queue up to its limit with plain messages. */
static int
fill(mach_port_t dest, int id)
{
	int ok = 1;
	unsigned n = status(dest).mps_msgcount;

	for (unsigned i = n; i < status(dest).mps_qlimit; i++)
		ok &= it_send_empty(dest, MACH_MSG_TYPE_MAKE_SEND, id, 0, 0) ==
		      MACH_MSG_SUCCESS;
	return ok && status(dest).mps_msgcount == status(dest).mps_qlimit;
}

/*
 * Receive one message from n (no waiting) and check it is a msg-accepted
 * notification in the wire form of notify.defs naming `name'; the generated
 * notify_server must accept it too.  Returns 1 if so.
 */
static int
got_msg_accepted(mach_port_t n, mach_port_t name)
{
	it_buf_t in, out;
	int seen = nt.msg_accepted;

	if (it_receive(n, &in, sizeof in, 0) != MACH_MSG_SUCCESS)
		return 0;
	if (in.head.msgh_id != MACH_NOTIFY_MSG_ACCEPTED ||
	    in.head.msgh_size != 48 ||
	    in.head.msgh_bits != MACH_MSGH_BITS(0, MACH_MSG_TYPE_PORT_SEND_ONCE) ||
	    in.head.msgh_local_port != n ||
	    in.head.msgh_remote_port != MACH_PORT_NULL ||
	    in.words[4] != it_desc(MACH_MSG_TYPE_PORT_NAME, 32, 1, 0, 1) ||
	    (mach_port_t)in.words[5] != name)
		return 0;
	return notify_server(&in.head, &out.head) &&
	       nt.msg_accepted == seen + 1 && nt.name == name && nt.notify == n;
}

/* The same for a dead-name notification naming `name'. */
static int
got_dead_name(mach_port_t n, mach_port_t name)
{
	it_buf_t in, out;
	int seen = nt.dead_name;

	if (it_receive(n, &in, sizeof in, 0) != MACH_MSG_SUCCESS)
		return 0;
	if (in.head.msgh_id != MACH_NOTIFY_DEAD_NAME ||
	    in.head.msgh_local_port != n ||
	    (mach_port_t)in.words[5] != name)
		return 0;
	return notify_server(&in.head, &out.head) &&
	       nt.dead_name == seen + 1 && nt.name == name;
}

/* Send to p a message whose reply right is `reply' (disposition ldisp). */
static mach_msg_return_t
send_with_reply(mach_port_t p, mach_port_t reply, unsigned ldisp, int id)
{
	it_empty_t m;

	it_header(&m.head, MACH_MSG_TYPE_MAKE_SEND, ldisp, sizeof m, p, reply,
		  id);
	return mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
			MACH_PORT_NULL);
}

/* Receive from p with MACH_RCV_NOTIFY and notify name n, no waiting. */
static mach_msg_return_t
receive_notify(mach_port_t p, it_buf_t *buf, mach_port_t n)
{
	return mach_msg(&buf->head, MACH_RCV_MSG | MACH_RCV_TIMEOUT |
					    MACH_RCV_NOTIFY,
			0, sizeof *buf, p, 0, n);
}

/* The same for a port-deleted notification naming `name'. */
static int
got_port_deleted(mach_port_t n, mach_port_t name)
{
	it_buf_t in, out;
	int seen = nt.port_deleted;

	if (it_receive(n, &in, sizeof in, 0) != MACH_MSG_SUCCESS)
		return 0;
	if (in.head.msgh_id != MACH_NOTIFY_PORT_DELETED ||
	    in.head.msgh_local_port != n ||
	    (mach_port_t)in.words[5] != name)
		return 0;
	return notify_server(&in.head, &out.head) &&
	       nt.port_deleted == seen + 1 && nt.name == name;
}

/* Register a dead-name request for name with notify n (1 if done). */
static int
dnrequest(mach_port_t name, mach_port_t n)
{
	mach_port_t prev = MACH_PORT_NULL;

	return mach_port_request_notification(SELF, name,
					      MACH_NOTIFY_DEAD_NAME, 0, n,
					      MACH_MSG_TYPE_MAKE_SEND_ONCE,
					      &prev) == KERN_SUCCESS &&
	       prev == MACH_PORT_NULL;
}

/* A send-once right to r under its own name (received as the reply right
 * of a message sent to p and taken off it again). */
static mach_port_t
sonce(mach_port_t p, mach_port_t r)
{
	it_buf_t buf;

	if (send_with_reply(p, r, MACH_MSG_TYPE_MAKE_SEND_ONCE, 30) !=
		    MACH_MSG_SUCCESS ||
	    it_receive(p, &buf, sizeof buf, 0) != MACH_MSG_SUCCESS)
		return MACH_PORT_NULL;
	return buf.head.msgh_remote_port;
}

/* A name holding one send right alone to a new port, whose receive right
 * travels in a message queued on `holder'. */
static mach_port_t
send_only(mach_port_t holder)
{
	mach_port_t d = mach_reply_port();

	if (mach_port_insert_right(SELF, d, d, MACH_MSG_TYPE_MAKE_SEND) !=
		    KERN_SUCCESS ||
	    send_opt(holder, 31, 0, MACH_PORT_NULL, d,
		     MACH_MSG_TYPE_MOVE_RECEIVE) != MACH_MSG_SUCCESS)
		return MACH_PORT_NULL;
	return d;
}

/* Send to dest with disposition rdisp (reply name and ldisp), the options
 * and the notify name given. */
static mach_msg_return_t
send_disp(mach_port_t dest, unsigned rdisp, mach_port_t reply, unsigned ldisp,
	  mach_msg_option_t option, mach_port_t notify)
{
	it_empty_t m;

	it_header(&m.head, rdisp, ldisp, sizeof m, dest, reply, 32);
	return mach_msg(&m.head, MACH_SEND_MSG | option, sizeof m, 0,
			MACH_PORT_NULL, 0, notify);
}

static void
send_cancel_cases(mach_port_t n)
{
	mach_port_t p = mach_reply_port(), r = mach_reply_port();
	mach_port_t h = mach_reply_port(), n2 = mach_reply_port();
	mach_port_t x, d;
	mach_msg_return_t mr;
	int ok;

	x = sonce(p, r);
	ok = MACH_PORT_VALID(x) && dnrequest(x, n);
	MT_CHECK(ok && ptype(x) == (MACH_PORT_TYPE_SEND_ONCE |
				    MACH_PORT_TYPE_DNREQUEST) &&
			 names_type(x) == ptype(x) &&
			 status(n).mps_sorights == 1,
		 "a send-once name with a dead-name request: "
		 "MACH_PORT_TYPE_DNREQUEST (mach_port_type, mach_port_names)");

	/* The errors change nothing. */
	mr = send_disp(x, MACH_MSG_TYPE_MOVE_SEND_ONCE, MACH_PORT_NULL, 0,
		       MACH_SEND_CANCEL, MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_NOTIFY,
		     "MACH_SEND_CANCEL with MACH_PORT_NULL as notify");
	mr = send_disp(x, MACH_MSG_TYPE_MOVE_SEND_ONCE, MACH_PORT_NULL, 0,
		       MACH_SEND_CANCEL, IT_FORGED_NAME);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_NOTIFY,
		     "MACH_SEND_CANCEL with a forged notify name");
	mr = send_disp(x, MACH_MSG_TYPE_MOVE_SEND_ONCE, MACH_PORT_NULL, 0,
		       MACH_SEND_CANCEL, SELF);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_NOTIFY,
		     "MACH_SEND_CANCEL with a send right as notify");
	mr = send_disp(x, MACH_MSG_TYPE_MOVE_SEND_ONCE, MACH_PORT_NULL, 0,
		       MACH_SEND_CANCEL, x);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_NOTIFY,
		     "MACH_SEND_CANCEL with the send-once name as notify");
	MT_CHECK(ptype(x) == (MACH_PORT_TYPE_SEND_ONCE |
			      MACH_PORT_TYPE_DNREQUEST) &&
			 status(n).mps_sorights == 1 &&
			 status(n).mps_msgcount == 0 &&
			 status(r).mps_msgcount == 0,
		 "and the right, its request and the queues are as they were");
	mr = send_disp(x, MACH_MSG_TYPE_PORT_NAME, MACH_PORT_NULL, 0,
		       MACH_SEND_CANCEL, IT_FORGED_NAME);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_HEADER,
		     "a bad destination disposition is reported before notify");
	mr = send_disp(x, MACH_MSG_TYPE_PORT_NAME, MACH_PORT_NULL, 0,
		       MACH_SEND_CANCEL, MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_NOTIFY,
		     "but a null notify before the header");
	mr = send_disp(IT_FORGED_NAME, MACH_MSG_TYPE_MOVE_SEND_ONCE,
		       MACH_PORT_NULL, 0, MACH_SEND_CANCEL, IT_FORGED_NAME);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_NOTIFY,
		     "and a bad notify before a bad destination name");
	mr = send_disp(IT_FORGED_NAME, MACH_MSG_TYPE_MOVE_SEND_ONCE,
		       MACH_PORT_NULL, 0, MACH_SEND_CANCEL, n);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_DEST,
		     "a good notify and a bad destination: "
		     "MACH_SEND_INVALID_DEST");

	/* The success path. */
	mr = send_disp(x, MACH_MSG_TYPE_MOVE_SEND_ONCE, MACH_PORT_NULL, 0,
		       MACH_SEND_CANCEL, n);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS,
		     "MOVE_SEND_ONCE with MACH_SEND_CANCEL and notify the "
		     "request's notify port");
	MT_CHECK(ptype(x) == 0xdead0000U && it_drain(r) == 1 &&
			 status(n).mps_msgcount == 0 &&
			 status(n).mps_sorights == 0,
		 "sent; no port-deleted notification, the request's "
		 "send-once right is gone");
	x = sonce(p, r);
	ok = MACH_PORT_VALID(x) && dnrequest(x, n);
	mr = send_disp(x, MACH_MSG_TYPE_MOVE_SEND_ONCE, MACH_PORT_NULL, 0, 0,
		       n);
	MT_CHECK(ok && mr == MACH_MSG_SUCCESS && got_port_deleted(n, x) &&
			 status(n).mps_sorights == 0 && it_drain(r) == 1,
		 "without the option: MACH_NOTIFY_PORT_DELETED");
	x = sonce(p, r);
	ok = MACH_PORT_VALID(x) && dnrequest(x, n2);
	mr = send_disp(x, MACH_MSG_TYPE_MOVE_SEND_ONCE, MACH_PORT_NULL, 0,
		       MACH_SEND_CANCEL, n);
	MT_CHECK(ok && mr == MACH_MSG_SUCCESS && got_port_deleted(n2, x) &&
			 status(n2).mps_sorights == 0 &&
			 status(n).mps_msgcount == 0 && it_drain(r) == 1,
		 "a request with another notify port is not cancelled");

	/* A send right alone (its receive right in transit). */
	d = send_only(h);
	ok = MACH_PORT_VALID(d) && dnrequest(d, n) &&
	     ptype(d) == (MACH_PORT_TYPE_SEND | MACH_PORT_TYPE_DNREQUEST);
	mr = send_disp(d, MACH_MSG_TYPE_MOVE_SEND, MACH_PORT_NULL, 0,
		       MACH_SEND_CANCEL, n);
	MT_CHECK(ok && mr == MACH_MSG_SUCCESS && ptype(d) == 0xdead0000U &&
			 status(n).mps_msgcount == 0 &&
			 status(n).mps_sorights == 0,
		 "MOVE_SEND of a send right's last reference with "
		 "MACH_SEND_CANCEL: no notification");
	d = send_only(h);
	ok = MACH_PORT_VALID(d) && dnrequest(d, n);
	mr = send_disp(d, MACH_MSG_TYPE_MOVE_SEND, MACH_PORT_NULL, 0, 0, n);
	MT_CHECK(ok && mr == MACH_MSG_SUCCESS && got_port_deleted(n, d) &&
			 status(n).mps_sorights == 0,
		 "without it: MACH_NOTIFY_PORT_DELETED");
	d = send_only(h);
	ok = MACH_PORT_VALID(d) && dnrequest(d, n) &&
	     mach_port_mod_refs(SELF, d, MACH_PORT_RIGHT_SEND, 2) ==
		     KERN_SUCCESS;
	mr = send_disp(d, MACH_MSG_TYPE_MOVE_SEND, MACH_PORT_NULL, 0,
		       MACH_SEND_CANCEL, n);
	MT_CHECK(ok && mr == MACH_MSG_SUCCESS &&
			 ptype(d) == (MACH_PORT_TYPE_SEND |
				      MACH_PORT_TYPE_DNREQUEST) &&
			 status(n).mps_sorights == 1 &&
			 status(n).mps_msgcount == 0,
		 "a name that keeps a reference keeps its request");
	mr = send_disp(d, MACH_MSG_TYPE_MOVE_SEND, d, MACH_MSG_TYPE_MOVE_SEND,
		       MACH_SEND_CANCEL, n);
	MT_CHECK(ok && mr == MACH_MSG_SUCCESS && ptype(d) == 0xdead0000U &&
			 status(n).mps_sorights == 0 &&
			 status(n).mps_msgcount == 0,
		 "its last two moved as destination and reply: cancelled");

	/* The reply right and the body are not concerned. */
	x = sonce(p, r);
	ok = MACH_PORT_VALID(x) && dnrequest(x, n);
	mr = send_disp(p, MACH_MSG_TYPE_MAKE_SEND, x,
		       MACH_MSG_TYPE_MOVE_SEND_ONCE, MACH_SEND_CANCEL, n);
	MT_CHECK(ok && mr == MACH_MSG_SUCCESS && got_port_deleted(n, x) &&
			 status(n).mps_sorights == 0 &&
			 status(p).mps_msgcount == 1,
		 "the reply right moved with MACH_SEND_CANCEL: "
		 "MACH_NOTIFY_PORT_DELETED all the same");
	(void)mach_port_destroy(SELF, p);	/* r: a send-once notif. */
	p = mach_reply_port();
	x = sonce(p, r);
	ok = it_drain(r) == 1 && MACH_PORT_VALID(x) && dnrequest(x, n);
	mr = send_opt(p, 33, MACH_SEND_CANCEL, n, x,
		      MACH_MSG_TYPE_MOVE_SEND_ONCE);
	MT_CHECK(ok && mr == MACH_MSG_SUCCESS && got_port_deleted(n, x) &&
			 status(n).mps_sorights == 0 &&
			 status(p).mps_msgcount == 1,
		 "a right of the body likewise");

	(void)mach_port_destroy(SELF, h);	/* the ports in transit go */
	(void)mach_port_destroy(SELF, n2);
	(void)mach_port_destroy(SELF, r);
	(void)mach_port_destroy(SELF, p);
	MT_EXPECT_EQ_MSG(it_drain(n), 0, "no stray notification");
}

static void
send_notify_cases(mach_port_t n)
{
	mach_port_t p = mach_reply_port(), s = mach_reply_port(), q;
	mach_port_t name;
	mach_port_status_t st;
	mach_msg_return_t mr;
	it_buf_t buf;
	int ok;

	mr = send_notify(p, n, 1);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS,
		     "MACH_SEND_NOTIFY to a queue with room: plain success");
	MT_EXPECT_EQ_MSG(status(n).mps_sorights, 0,
			 "no request made for a message that was not forced");
	MT_CHECK(fill(p, 2), "the queue filled up to its limit");

	/* Refused forced sends change nothing: the message carries a
	 * MOVE_SEND of s's only send right, and makes a send right of p. */
	ok = mach_port_insert_right(SELF, s, s, MACH_MSG_TYPE_MAKE_SEND) ==
	     KERN_SUCCESS;
	st = status(p);
	mr = send_opt(p, 3, MACH_SEND_TIMEOUT | MACH_SEND_NOTIFY,
		      IT_FORGED_NAME, s, MACH_MSG_TYPE_MOVE_SEND);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_NOTIFY,
		     "a forged notify name: MACH_SEND_INVALID_NOTIFY");
	MT_CHECK(ok && refs(s, MACH_PORT_RIGHT_SEND) == 1 &&
			 status(p).mps_msgcount == st.mps_msgcount &&
			 status(p).mps_mscount == st.mps_mscount,
		 "and the sender's rights and the queue are as they were");
	mr = send_opt(p, 3, MACH_SEND_TIMEOUT | MACH_SEND_NOTIFY,
		      MACH_PORT_NULL, s, MACH_MSG_TYPE_MOVE_SEND);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_NOTIFY,
		     "MACH_PORT_NULL as notify: MACH_SEND_INVALID_NOTIFY");
	mr = send_opt(p, 3, MACH_SEND_TIMEOUT | MACH_SEND_NOTIFY, s, s,
		      MACH_MSG_TYPE_COPY_SEND);
	MT_EXPECT_KR(mr, MACH_SEND_WILL_NOTIFY,
		     "a receive right that also has send rights is a notify "
		     "port");
	MT_CHECK(it_drain(s) == 0 && status(s).mps_sorights == 1 &&
			 it_drain(p) == (int)st.mps_qlimit + 1 &&
			 got_msg_accepted(s, p),
		 "its notification comes once the forced message is taken");
	MT_CHECK(refs(s, MACH_PORT_RIGHT_SEND) == 2 && fill(p, 2),
		 "the carried send right arrived; the queue is full again");
	mr = send_notify(p, SELF, 3);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_NOTIFY,
		     "a send right as notify port: MACH_SEND_INVALID_NOTIFY");
	mr = send_opt(p, 3, MACH_SEND_TIMEOUT, n, MACH_PORT_NULL, 0);
	MT_EXPECT_KR(mr, MACH_SEND_TIMED_OUT,
		     "without MACH_SEND_NOTIFY a full queue times out");

	/* The forced send. */
	mr = send_notify(p, n, 4);
	MT_EXPECT_KR(mr, MACH_SEND_WILL_NOTIFY,
		     "MACH_SEND_NOTIFY to a full queue: MACH_SEND_WILL_NOTIFY");
	st = status(p);
	MT_CHECK(st.mps_msgcount == st.mps_qlimit + 1,
		 "the message was queued beyond the limit (%u of %u)",
		 st.mps_msgcount, st.mps_qlimit);
	MT_EXPECT_EQ_MSG(status(n).mps_sorights, 1,
			 "the request holds a send-once right to the notify "
			 "port");
	MT_CHECK(ptype(p) == (MACH_PORT_TYPE_RECEIVE |
			      MACH_PORT_TYPE_MAREQUEST) &&
			 names_type(p) == ptype(p),
		 "the sender's name for the destination: "
		 "MACH_PORT_TYPE_MAREQUEST (mach_port_type, mach_port_names)");
	mr = send_notify(p, n, 5);
	MT_EXPECT_KR(mr, MACH_SEND_NOTIFY_IN_PROGRESS,
		     "a second one while the first is queued");
	MT_CHECK(status(p).mps_msgcount == st.mps_msgcount &&
			 status(n).mps_sorights == 1,
		 "was not sent and made no request");
	mr = send_opt(p, 5, MACH_SEND_NOTIFY, n, MACH_PORT_NULL, 0);
	MT_EXPECT_KR(mr, MACH_SEND_NOTIFY_IN_PROGRESS,
		     "also without MACH_SEND_TIMEOUT (which never waits)");

	ok = it_receive(p, &buf, sizeof buf, 0) == MACH_MSG_SUCCESS &&
	     buf.head.msgh_id == 2;
	MT_CHECK(ok && status(n).mps_msgcount == 0,
		 "taking a message before it: no notification yet");
	ok = 1;
	for (unsigned i = 1; i < st.mps_qlimit; i++)
		ok &= it_receive(p, &buf, sizeof buf, 0) == MACH_MSG_SUCCESS &&
		      buf.head.msgh_id == 2;
	MT_CHECK(ok && status(n).mps_msgcount == 0,
		 "nor when the queue has room again");
	ok = it_receive(p, &buf, sizeof buf, 0) == MACH_MSG_SUCCESS &&
	     buf.head.msgh_id == 4;
	MT_CHECK(ok && got_msg_accepted(n, p),
		 "receiving the forced message: MACH_NOTIFY_MSG_ACCEPTED "
		 "naming the destination");
	MT_CHECK(status(n).mps_msgcount == 0 && status(n).mps_sorights == 0,
		 "exactly one notification, the send-once right used up");
	MT_CHECK(ptype(p) == MACH_PORT_TYPE_RECEIVE &&
			 names_type(p) == MACH_PORT_TYPE_RECEIVE,
		 "and MACH_PORT_TYPE_MAREQUEST is gone");
	MT_EXPECT_EQ_MSG(it_drain(p), 0, "the destination's queue is empty");

	/* Without MACH_SEND_TIMEOUT a forced send does not wait; after a
	 * rename the notification carries the new name. */
	ok = fill(p, 6);
	mr = send_opt(p, 7, MACH_SEND_NOTIFY, n, MACH_PORT_NULL, 0);
	MT_CHECK(ok && mr == MACH_SEND_WILL_NOTIFY,
		 "MACH_SEND_NOTIFY without MACH_SEND_TIMEOUT forces at once");
	name = mach_reply_port();
	ok = mach_port_mod_refs(SELF, name, MACH_PORT_RIGHT_RECEIVE, -1) ==
		     KERN_SUCCESS &&
	     mach_port_rename(SELF, p, name) == KERN_SUCCESS;
	MT_CHECK(ok && ptype(name) == (MACH_PORT_TYPE_RECEIVE |
				       MACH_PORT_TYPE_MAREQUEST) &&
			 it_drain(name) == (int)st.mps_qlimit + 1 &&
			 got_msg_accepted(n, name) &&
			 ptype(name) == MACH_PORT_TYPE_RECEIVE,
		 "renamed destination: the notification names the new name");
	p = name;

	/* The destination dies with the forced message queued. */
	q = mach_reply_port();
	ok = fill(q, 8);
	mr = send_notify_wait(q, n, 9, 20);
	MT_CHECK(ok && mr == MACH_SEND_WILL_NOTIFY &&
			 status(q).mps_msgcount == status(q).mps_qlimit + 1,
		 "with a 20 ms MACH_SEND_TIMEOUT: waits, then forces");
	MT_CHECK(mach_port_destroy(SELF, q) == KERN_SUCCESS &&
			 got_msg_accepted(n, MACH_PORT_NULL),
		 "destination destroyed: MACH_NOTIFY_MSG_ACCEPTED with "
		 "MACH_PORT_NULL");
	MT_CHECK(status(n).mps_sorights == 0 && status(n).mps_msgcount == 0,
		 "and nothing else is left on the notify port");

	/* A send-once destination never blocks, so it is never forced. */
	q = mach_reply_port();
	ok = fill(q, 10);
	{
		it_empty_t m;

		it_header(&m.head, MACH_MSG_TYPE_MAKE_SEND_ONCE, 0, sizeof m,
			  q, MACH_PORT_NULL, 11);
		mr = mach_msg(&m.head, MACH_SEND_MSG | MACH_SEND_NOTIFY,
			      sizeof m, 0, MACH_PORT_NULL, 0, n);
	}
	MT_CHECK(ok && mr == MACH_MSG_SUCCESS && status(n).mps_sorights == 0,
		 "a send-once right to a full queue: success, no request");
	(void)mach_port_destroy(SELF, q);
	(void)mach_port_destroy(SELF, p);
	(void)mach_port_destroy(SELF, s);
}

static void
rcv_notify_cases(mach_port_t n)
{
	mach_port_t p = mach_reply_port(), r = mach_reply_port();
	mach_port_t x;
	mach_msg_return_t mr;
	it_buf_t buf;
	int ok;

	ok = send_with_reply(p, r, MACH_MSG_TYPE_MAKE_SEND_ONCE, 20) ==
	     MACH_MSG_SUCCESS;
	mr = receive_notify(p, &buf, IT_FORGED_NAME);
	MT_EXPECT_KR(mr, MACH_RCV_INVALID_NOTIFY,
		     "MACH_RCV_NOTIFY with a forged notify name");
	MT_CHECK(ok && status(p).mps_msgcount == 1 &&
			 status(r).mps_sorights == 1,
		 "nothing was received");
	mr = receive_notify(p, &buf, MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_RCV_INVALID_NOTIFY,
		     "MACH_RCV_NOTIFY with MACH_PORT_NULL as notify");
	mr = receive_notify(p, &buf, SELF);
	MT_EXPECT_KR(mr, MACH_RCV_INVALID_NOTIFY,
		     "MACH_RCV_NOTIFY with a send right as notify");
	mr = mach_msg(&buf.head, MACH_RCV_MSG | MACH_RCV_TIMEOUT |
					 MACH_RCV_NOTIFY,
		      0, sizeof buf, IT_FORGED_NAME, 0, n);
	MT_EXPECT_KR(mr, MACH_RCV_INVALID_NAME,
		     "a bad receive name is reported first");

	mr = receive_notify(p, &buf, n);
	x = buf.head.msgh_remote_port;
	MT_CHECK(mr == MACH_MSG_SUCCESS && buf.head.msgh_id == 20 &&
			 MACH_PORT_VALID(x),
		 "MACH_RCV_NOTIFY: the message with its send-once reply right");
	MT_EXPECT_EQ_MSG(ptype(x),
			 MACH_PORT_TYPE_SEND_ONCE | MACH_PORT_TYPE_DNREQUEST,
			 "the reply name has a dead-name request");
	MT_EXPECT_EQ_MSG(status(n).mps_sorights, 1,
			 "held as a send-once right to the notify port");
	MT_CHECK(mach_port_mod_refs(SELF, r, MACH_PORT_RIGHT_RECEIVE, -1) ==
				 KERN_SUCCESS &&
			 got_dead_name(n, x),
		 "the reply port's receive right goes: MACH_NOTIFY_DEAD_NAME "
		 "naming the reply name");
	MT_CHECK(ptype(x) == MACH_PORT_TYPE_DEAD_NAME &&
			 names_type(x) == MACH_PORT_TYPE_DEAD_NAME &&
			 refs(x, MACH_PORT_RIGHT_DEAD_NAME) == 2 &&
			 status(n).mps_sorights == 0,
		 "which is a dead name (one more reference for the "
		 "notification)");
	(void)mach_port_mod_refs(SELF, x, MACH_PORT_RIGHT_DEAD_NAME, -2);

	/* A reply right that merges with an existing name: no request. */
	r = mach_reply_port();
	ok = send_with_reply(p, r, MACH_MSG_TYPE_MAKE_SEND, 21) ==
	     MACH_MSG_SUCCESS;
	mr = receive_notify(p, &buf, n);
	MT_CHECK(ok && mr == MACH_MSG_SUCCESS &&
			 buf.head.msgh_remote_port == r &&
			 ptype(r) == MACH_PORT_TYPE_SEND_RECEIVE &&
			 status(n).mps_sorights == 0,
		 "a reply right with an existing name gets no request");
	/* Without a reply port the notify name is still checked, then
	 * unused. */
	ok = it_send_empty(p, MACH_MSG_TYPE_MAKE_SEND, 22, 0, 0) ==
	     MACH_MSG_SUCCESS;
	mr = receive_notify(p, &buf, n);
	MT_CHECK(ok && mr == MACH_MSG_SUCCESS && buf.head.msgh_id == 22 &&
			 status(n).mps_sorights == 0,
		 "no reply port: received, no request");
	(void)mach_port_destroy(SELF, r);
	(void)mach_port_destroy(SELF, p);
	MT_EXPECT_EQ_MSG(it_drain(n), 0, "no stray notification");
}

/* One round of every path above, silently; returns 1 if all went as in
 * the cases. */
static int
cycle(mach_port_t n)
{
	mach_port_t p = mach_reply_port(), q = mach_reply_port();
	mach_port_t r = mach_reply_port(), x;
	it_buf_t buf;
	int ok;

	ok = fill(p, 1) && send_notify(p, n, 2) == MACH_SEND_WILL_NOTIFY &&
	     send_notify(p, n, 3) == MACH_SEND_NOTIFY_IN_PROGRESS &&
	     send_notify(q, IT_FORGED_NAME, 4) == MACH_MSG_SUCCESS &&
	     fill(q, 5) &&
	     send_notify(q, IT_FORGED_NAME, 6) == MACH_SEND_INVALID_NOTIFY &&
	     send_notify(q, n, 7) == MACH_SEND_WILL_NOTIFY &&
	     it_drain(p) == (int)status(p).mps_qlimit + 1 &&
	     got_msg_accepted(n, p) &&
	     mach_port_destroy(SELF, q) == KERN_SUCCESS &&
	     got_msg_accepted(n, MACH_PORT_NULL);
	ok = ok &&
	     send_with_reply(p, r, MACH_MSG_TYPE_MAKE_SEND_ONCE, 8) ==
		     MACH_MSG_SUCCESS &&
	     receive_notify(p, &buf, IT_FORGED_NAME) ==
		     MACH_RCV_INVALID_NOTIFY &&
	     receive_notify(p, &buf, n) == MACH_MSG_SUCCESS;
	x = buf.head.msgh_remote_port;
	ok = ok && mach_port_destroy(SELF, r) == KERN_SUCCESS &&
	     got_dead_name(n, x) &&
	     mach_port_mod_refs(SELF, x, MACH_PORT_RIGHT_DEAD_NAME, -2) ==
		     KERN_SUCCESS;
	x = sonce(p, r = mach_reply_port());
	ok = ok && MACH_PORT_VALID(x) && dnrequest(x, n) &&
	     send_disp(x, MACH_MSG_TYPE_MOVE_SEND_ONCE, MACH_PORT_NULL, 0,
		       MACH_SEND_CANCEL, IT_FORGED_NAME) ==
		     MACH_SEND_INVALID_NOTIFY &&
	     send_disp(x, MACH_MSG_TYPE_MOVE_SEND_ONCE, MACH_PORT_NULL, 0,
		       MACH_SEND_CANCEL, n) == MACH_MSG_SUCCESS &&
	     status(n).mps_msgcount == 0;
	x = send_only(q = mach_reply_port());
	ok = ok && MACH_PORT_VALID(x) && dnrequest(x, n) &&
	     send_disp(x, MACH_MSG_TYPE_MOVE_SEND, MACH_PORT_NULL, 0,
		       MACH_SEND_CANCEL, n) == MACH_MSG_SUCCESS &&
	     status(n).mps_msgcount == 0 &&
	     mach_port_destroy(SELF, q) == KERN_SUCCESS &&
	     mach_port_destroy(SELF, r) == KERN_SUCCESS;
	ok = ok && mach_port_destroy(SELF, p) == KERN_SUCCESS &&
	     status(n).mps_msgcount == 0 && status(n).mps_sorights == 0;
	return ok;
}

int
main(int argc, char **argv)
{
	unsigned long cycles = argc > 1 ? it_number(argv[1]) : 0;
	mach_port_t n = mach_reply_port();
	unsigned long good = 0;

	/* The leak runs (with an argument) report under their own name. */
	MT_BEGIN(argc > 1 ? "ipc/options-leak" : "ipc/options", 66);
	send_notify_cases(n);
	send_cancel_cases(n);
	rcv_notify_cases(n);
	for (unsigned long i = 0; i < cycles; i++)
		good += (unsigned long)cycle(n);
	MT_EXPECT_EQ_MSG(good, cycles, "%lu rounds of every path", cycles);
	MT_EXPECT_EQ_MSG(status(n).mps_sorights, 0,
			 "no send-once right to the notify port left");
	return MT_END();
}
