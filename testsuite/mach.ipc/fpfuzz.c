/* SPDX-License-Identifier: MIT */
/*
 * fpfuzz: fuzzing the shape the mach_msg fast path takes.  `fpfuzz.elf
 * SEED COUNT': COUNT RPCs (MACH_SEND_MSG | MACH_RCV_MSG, no timeout: the
 * fast path's options) from the main thread to a server thread of the same
 * task that waits with a plain MACH_RCV_MSG, each mutated from a valid
 * request (xorshift PRNG from SEED: repeatable): the header bits (valid
 * shapes, other dispositions, COMPLEX, garbage), the destination and
 * reply names (ours, dead, forged, null, a port set), the size (0 to 600
 * bytes, 4-byte steps), the message and receive buffers (valid, unmapped,
 * in the kernel half), the receive size.  The server answers what has a
 * send-once reply right with a reply of random size by MACH_SEND_MSG |
 * MACH_RCV_MSG, lets every other right it gets go, and nudges the
 * client's reply port whenever no reply is on its way, so that no call
 * can wait for ever.
 *
 * The verdicts: every call returns a code mach_msg may return for it; the
 * task's ports and an RPC still work afterwards; and (ipc.exp) the kernel
 * neither panics nor leaks: its zones at halt equal those of COUNT 0.
 */
#include <stdio.h>

#include "ipc_test.h"
#include "mt.h"

#define MAXMSG 600

typedef union {
	mach_msg_header_t head;
	uint64_t w[MAXMSG / 8 + 1];
} fbuf_t;

static uint64_t rng;

static uint64_t
rnd(void)
{
	return it_xorshift(&rng);
}

static uint32_t
rnd_below(uint32_t n)
{
	return (uint32_t)(rnd() % n);
}

static unsigned char srv_stack[64 * 1024] __attribute__((aligned(16)));

static mach_port_t svc, rep_port, other, dead, pset;
/* Set by the client before each call, read by the server as it handles
 * that call's request (the client yields after every call). */
static volatile int reply_to_rep;	/* a send-once right to rep_port */
static volatile int client_waits;	/* on rep_port */
static volatile unsigned served, srv_errors;
static uint64_t srv_rng = 88172645463325252ULL;

static uint32_t
srv_below(uint32_t n)
{
	return (uint32_t)(it_xorshift(&srv_rng) % n);
}

/* Let a right the server got go (one name, any type). */
static void
let_go(mach_port_t name)
{
	mach_port_type_t type;

	if (name == MACH_PORT_NULL ||
	    mach_port_type(mach_task_self(), name, &type) != KERN_SUCCESS)
		return;
	if (type & (MACH_PORT_TYPE_SEND | MACH_PORT_TYPE_SEND_ONCE |
		    MACH_PORT_TYPE_DEAD_NAME))
		(void)mach_port_deallocate(mach_task_self(), name);
}

static void
server(void *arg)
{
	static fbuf_t m;
	mach_msg_option_t option = MACH_RCV_MSG;
	mach_msg_size_t send_size = 0;

	(void)arg;
	for (;;) {
		mach_msg_return_t mr;
		mach_port_t remote;
		unsigned rtype;
		int replied = 0;

		mr = mach_msg(&m.head, option, send_size, sizeof m, svc, 0,
			      MACH_PORT_NULL);
		option = MACH_RCV_MSG;
		send_size = 0;
		if (mr != MACH_MSG_SUCCESS) {
			/* Our reply failed (the client's buffer or size):
			 * the right is used up or destroyed with it. */
			srv_errors++;
			continue;
		}
		served++;
		remote = (mach_port_t)m.head.msgh_remote_port;
		rtype = MACH_MSGH_BITS_REMOTE(m.head.msgh_bits);
		if (m.head.msgh_id == 0x7fff0000) {	/* the end */
			(void)it_send_empty(remote,
					    MACH_MSG_TYPE_MOVE_SEND_ONCE, 1, 0,
					    0);
			(void)thread_terminate(mach_thread_self());
		}
		if (rtype == MACH_MSG_TYPE_PORT_SEND_ONCE && reply_to_rep &&
		    srv_below(8) != 0) {
			/* A reply of random size (the client's receive size
			 * decides whether it fits), by the fast shape. */
			mach_msg_size_t size = 32 + 8 * srv_below(40);

			memset(m.w + 4, 0x5a, size - 32);
			m.head.msgh_bits =
				MACH_MSGH_BITS(MACH_MSG_TYPE_MOVE_SEND_ONCE, 0);
			m.head.msgh_size = size;
			m.head.msgh_remote_port = remote;
			m.head.msgh_local_port = MACH_PORT_NULL;
			m.head.msgh_id += 100;
			option = MACH_SEND_MSG | MACH_RCV_MSG;
			send_size = size;
			replied = 1;
		} else {
			let_go(remote);
		}
		if (!replied && client_waits)
			/* The client waits on rep_port: wake it. */
			(void)it_send_empty(rep_port, MACH_MSG_TYPE_MAKE_SEND,
					    2, MACH_SEND_TIMEOUT, 0);
	}
}

/* A name for a header: mostly the right one. */
static mach_port_t
pick(mach_port_t right)
{
	switch (rnd_below(16)) {
	case 0: return MACH_PORT_NULL;
	case 1: return dead;
	case 2: return IT_FORGED_NAME;
	case 3: return pset;
	case 4: return other;
	case 5: return mach_task_self();
	case 6: return svc;
	case 7: return rep_port;
	default: return right;
	}
}

static unsigned
pick_disp(unsigned right)
{
	static const unsigned disps[] = {
		0, MACH_MSG_TYPE_COPY_SEND, MACH_MSG_TYPE_MAKE_SEND,
		MACH_MSG_TYPE_MAKE_SEND_ONCE, MACH_MSG_TYPE_MOVE_SEND_ONCE,
		MACH_MSG_TYPE_PORT_NAME, 31, 7
	};

	return rnd_below(4) == 0 ? disps[rnd_below(8)] : right;
}

/* The codes a fuzzed RPC may end with. */
static int
code_ok(mach_msg_return_t mr)
{
	switch (mr) {
	case MACH_MSG_SUCCESS:
	case MACH_SEND_MSG_TOO_SMALL:
	case MACH_SEND_INVALID_DATA:
	case MACH_SEND_INVALID_DEST:
	case MACH_SEND_INVALID_REPLY:
	case MACH_SEND_INVALID_HEADER:
	case MACH_SEND_INVALID_RIGHT:
	case MACH_SEND_INVALID_TYPE:
	case MACH_SEND_NO_BUFFER:
	case MACH_RCV_TOO_LARGE:
	case MACH_RCV_INVALID_DATA:
	case MACH_RCV_INVALID_NAME:
	case MACH_RCV_HEADER_ERROR:
		return 1;
	default:
		return 0;
	}
}

static void
drain_ports(void)
{
	it_buf_t buf;

	while (it_receive(rep_port, &buf, sizeof buf, MACH_RCV_LARGE) ==
	       MACH_MSG_SUCCESS)
		let_go((mach_port_t)buf.head.msgh_remote_port);
	while (it_receive(other, &buf, sizeof buf, 0) == MACH_MSG_SUCCESS)
		let_go((mach_port_t)buf.head.msgh_remote_port);
}

int
main(int argc, char **argv)
{
	static fbuf_t m;
	mach_port_t task = mach_task_self(), th;
	unsigned long seed = argc > 1 ? it_number(argv[1]) : 1;
	unsigned long count = argc > 2 ? it_number(argv[2]) : 0;
	unsigned long bad_codes = 0, ok_calls = 0;
	mach_msg_return_t mr;
	kern_return_t kr;
	char area[48];

	snprintf(area, sizeof area, "ipc/fpfuzz-%lu", seed);
	MT_BEGIN(area, 5);
	rng = seed * 0x9e3779b97f4a7c15ULL + 1;
	svc = mach_reply_port();
	rep_port = mach_reply_port();
	other = mach_reply_port();
	dead = mach_reply_port();
	(void)mach_port_insert_right(task, svc, svc, MACH_MSG_TYPE_MAKE_SEND);
	(void)mach_port_insert_right(task, dead, dead,
				     MACH_MSG_TYPE_MAKE_SEND);
	(void)mach_port_mod_refs(task, dead, MACH_PORT_RIGHT_RECEIVE, -1);
	(void)mach_port_allocate(task, MACH_PORT_RIGHT_PORT_SET, &pset);
	kr = it_thread_start(server, NULL, srv_stack, sizeof srv_stack, &th);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "server thread started");
	(void)thread_switch(MACH_PORT_NULL, SWITCH_OPTION_WAIT, 20);

	for (unsigned long i = 0; i < count; i++) {
		mach_msg_size_t size = 32, rcv_size = sizeof m;
		mach_port_t dest = pick(svc), local = pick(rep_port);
		unsigned rbits = pick_disp(MACH_MSG_TYPE_COPY_SEND);
		unsigned lbits = pick_disp(MACH_MSG_TYPE_MAKE_SEND_ONCE);
		void *buf = &m, *rbuf = &m;
		mach_port_urefs_t refs = 0;
		int garbage;

		switch (rnd_below(6)) {
		case 0: size = 4 * rnd_below(MAXMSG / 4 + 1); break;
		case 1: size = 32 + 8 * rnd_below((MAXMSG - 32) / 8 + 1); break;
		default: break;
		}
		if (rnd_below(8) == 0)
			rcv_size = 4 * rnd_below(MAXMSG / 4 + 1);
		if (rnd_below(32) == 0)
			buf = rnd_below(2) ? IT_KERNEL_ADDR : IT_LOW_ADDR;
		if (rnd_below(32) == 0)
			rbuf = rnd_below(2) ? IT_KERNEL_ADDR : IT_LOW_ADDR;
		memset(&m, 0, sizeof m);
		for (unsigned w = 4; w < MAXMSG / 8; w++)
			m.w[w] = rnd();
		m.head.msgh_bits = MACH_MSGH_BITS(rbits, lbits);
		if (rnd_below(16) == 0)
			m.head.msgh_bits |= MACH_MSGH_BITS_COMPLEX;
		garbage = rnd_below(32) == 0;
		if (garbage)
			m.head.msgh_bits = (uint32_t)rnd();
		m.head.msgh_size = (mach_msg_size_t)rnd();
		m.head.msgh_remote_port = dest;
		m.head.msgh_local_port = local;
		m.head.msgh_id = (int)(rnd() & 0x7ffeffff);
		/* A reply comes when the request reaches the server with a
		 * send-once right to rep_port, the only port we wait on. */
		reply_to_rep = dest == svc && local == rep_port &&
			       lbits == MACH_MSG_TYPE_MAKE_SEND_ONCE &&
			       buf == (void *)&m;
		client_waits = 0;
		if (buf != (void *)&m) {
			/* The send fails: no message, no wait. */
			mr = mach_msg(buf, MACH_SEND_MSG | MACH_RCV_MSG, size,
				      rcv_size, rep_port, 0, MACH_PORT_NULL);
		} else if (rbuf != (void *)&m) {
			/* A good send, a bad receive buffer: only for a
			 * request the server answers or nudges. */
			if (!reply_to_rep)
				continue;
			client_waits = 1;
			mr = mach_msg(&m.head, MACH_SEND_MSG, size, 0,
				      MACH_PORT_NULL, 0, MACH_PORT_NULL);
			if (mr == MACH_MSG_SUCCESS)
				mr = mach_msg(rbuf, MACH_RCV_MSG, 0, rcv_size,
					      rep_port, 0, MACH_PORT_NULL);
		} else {
			/* Wait only when the server will see the request
			 * (and answer or nudge): otherwise send alone. */
			mach_msg_option_t opt = MACH_SEND_MSG;

			if (reply_to_rep ||
			    (dest == svc &&
			     (rbits == MACH_MSG_TYPE_COPY_SEND ||
			      rbits == MACH_MSG_TYPE_MAKE_SEND)))
				opt |= MACH_RCV_MSG;
			client_waits = (opt & MACH_RCV_MSG) != 0;
			mr = mach_msg(&m.head, opt, size, rcv_size, rep_port,
				      0, MACH_PORT_NULL);
		}
		if (code_ok(mr))
			ok_calls++;
		else if (bad_codes++ < 5)
			MT_FAIL(mt_kr_name(mr), "call %lu: unexpected code 0x%x",
				i, mr);
		if (mr == MACH_MSG_SUCCESS && client_waits &&
		    rbuf == (void *)&m)	/* m holds what we received */
			let_go((mach_port_t)m.head.msgh_remote_port);
		/* Let the server finish (its nudge, rights it lets go). */
		(void)thread_switch(MACH_PORT_NULL, SWITCH_OPTION_NONE, 0);
		drain_ports();
		/* Random bits may have moved our send right to svc away
		 * (MOVE_SEND as either disposition): make it again. */
		if (garbage &&
		    mach_port_get_refs(task, svc, MACH_PORT_RIGHT_SEND,
				       &refs) == KERN_SUCCESS && refs == 0)
			(void)mach_port_insert_right(task, svc, svc,
						     MACH_MSG_TYPE_MAKE_SEND);
	}
	MT_EXPECT_EQ_MSG(bad_codes, 0, "%lu fuzzed calls, every code one "
			 "mach_msg may return (%lu)", count, ok_calls);

	/* Still working: a clean RPC, then the server's end. */
	it_header(&m.head, MACH_MSG_TYPE_COPY_SEND,
		  MACH_MSG_TYPE_MAKE_SEND_ONCE, 32, svc, rep_port, 5);
	reply_to_rep = client_waits = 1;
	mr = mach_msg(&m.head, MACH_SEND_MSG | MACH_RCV_MSG, 32, sizeof m,
		      rep_port, 0, MACH_PORT_NULL);
	MT_CHECK(mr == MACH_MSG_SUCCESS || mr == MACH_RCV_TOO_LARGE,
		 "an RPC still works (0x%x)", mr);
	drain_ports();
	it_header(&m.head, MACH_MSG_TYPE_COPY_SEND,
		  MACH_MSG_TYPE_MAKE_SEND_ONCE, 32, svc, rep_port, 0x7fff0000);
	mr = mach_msg(&m.head, MACH_SEND_MSG | MACH_RCV_MSG, 32, sizeof m,
		      rep_port, 0, MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "the server's last reply");
	MT_EXPECT_EQ_MSG(it_drain(svc), 0, "nothing left for the server");
	return MT_END();
}
