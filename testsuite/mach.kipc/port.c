/* SPDX-License-Identifier: MIT */
/* Ports, rights and messages inside one task (mach_port_* and mach_msg). */
#include <mach/message.h>
#include <mach/port.h>
#include <mach/notify.h>
#include <mach/mach_traps.h>
#include <mach/mach_port.h>
#include <mach/mig_errors.h>
#include <string.h>
#include "mt.h"

#define SELF mach_task_self()

typedef struct {
	mach_msg_header_t h;
	uint64_t t1; uint64_t d1;
	uint64_t t2; uint64_t d2;
	uint64_t t3; uint64_t d3;
	char pad[2048];
} msg_t;

#define DESC(name, bits, n, inl) ((uint64_t)((name) | ((bits) << 8) | ((inl) ? (1U << 29) : 0)) | ((uint64_t)(n) << 32))

static mach_port_urefs_t refs(mach_port_name_t n, mach_port_right_t r)
{
	mach_port_urefs_t u = 12345;
	kern_return_t kr = mach_port_get_refs(SELF, n, r, &u);
	return kr == KERN_SUCCESS ? u : 1000000 + (unsigned)kr;
}

static mach_port_type_t ptype(mach_port_name_t n)
{
	mach_port_type_t t;
	kern_return_t kr = mach_port_type(SELF, n, &t);
	return kr == KERN_SUCCESS ? t : 0xdead0000u | (unsigned)kr;
}

static mach_msg_return_t send_simple(mach_port_name_t dest, unsigned disp, mach_port_name_t reply, unsigned rdisp, int id, mach_msg_option_t opt, mach_msg_timeout_t to)
{
	msg_t m;
	memset(&m, 0, 64);
	m.h.msgh_bits = MACH_MSGH_BITS(disp, rdisp);
	m.h.msgh_size = 48;
	m.h.msgh_remote_port = dest;
	m.h.msgh_local_port = reply;
	m.h.msgh_id = id;
	m.t1 = DESC(MACH_MSG_TYPE_INTEGER_32, 32, 1, 1);
	m.d1 = 0x1234 + id;
	return mach_msg(&m.h, MACH_SEND_MSG | opt, 48, 0, 0, to, 0);
}

int main(void)
{
	mach_port_name_t p, q, r, s, pset, dn, n;
	kern_return_t kr;
	msg_t m;
	mach_msg_return_t mr;

	MT_BEGIN("ipc/port", 92);

	kr = mach_port_allocate(SELF, MACH_PORT_RIGHT_RECEIVE, &p);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "allocate receive");
	MT_EXPECT_EQ_MSG(ptype(p), MACH_PORT_TYPE_RECEIVE, "type receive");
	MT_EXPECT_EQ_MSG(refs(p, MACH_PORT_RIGHT_RECEIVE), 1, "receive refs 1");
	MT_EXPECT_EQ_MSG(refs(p, MACH_PORT_RIGHT_SEND), 0, "send refs 0");
	MT_EXPECT_KR(mach_port_insert_right(SELF, p, p, MACH_MSG_TYPE_MAKE_SEND), KERN_SUCCESS, "insert make_send");
	MT_EXPECT_EQ_MSG(ptype(p), MACH_PORT_TYPE_SEND_RECEIVE, "type send+receive");
	MT_EXPECT_KR(mach_port_mod_refs(SELF, p, MACH_PORT_RIGHT_SEND, 2), KERN_SUCCESS, "mod_refs +2");
	MT_EXPECT_EQ_MSG(refs(p, MACH_PORT_RIGHT_SEND), 3, "send refs 3");
	MT_EXPECT_KR(mach_port_mod_refs(SELF, p, MACH_PORT_RIGHT_SEND, -4), KERN_INVALID_VALUE, "mod_refs -4 invalid value");
	MT_EXPECT_KR(mach_port_mod_refs(SELF, p, MACH_PORT_RIGHT_SEND, 0xffff), KERN_UREFS_OVERFLOW, "mod_refs overflow");
	MT_EXPECT_KR(mach_port_deallocate(SELF, p), KERN_SUCCESS, "deallocate send");
	MT_EXPECT_EQ_MSG(refs(p, MACH_PORT_RIGHT_SEND), 2, "send refs 2");
	MT_EXPECT_KR(mach_port_get_refs(SELF, 0x4242, MACH_PORT_RIGHT_SEND, &n), KERN_INVALID_NAME, "get_refs bad name");
	MT_EXPECT_KR(mach_port_get_refs(SELF, p, 9, &n), KERN_INVALID_VALUE, "get_refs bad right");
	MT_EXPECT_KR(mach_port_mod_refs(SELF, p, MACH_PORT_RIGHT_SEND_ONCE, -1), KERN_INVALID_RIGHT, "mod_refs wrong right");
	MT_EXPECT_KR(mach_port_allocate(SELF, MACH_PORT_RIGHT_SEND, &n), KERN_INVALID_VALUE, "allocate send invalid");
	MT_EXPECT_KR(mach_port_allocate_name(SELF, MACH_PORT_RIGHT_RECEIVE, p), KERN_NAME_EXISTS, "allocate_name exists");
	MT_EXPECT_KR(mach_port_allocate_name(SELF, MACH_PORT_RIGHT_RECEIVE, 0x4a07), KERN_SUCCESS, "allocate_name 0x4a07");
	MT_EXPECT_EQ_MSG(ptype(0x4a07), MACH_PORT_TYPE_RECEIVE, "0x4a07 is receive");
	MT_EXPECT_KR(mach_port_rename(SELF, 0x4a07, 0x5b01), KERN_SUCCESS, "rename");
	MT_EXPECT_EQ_MSG(ptype(0x4a07), 0xdead0000u | KERN_INVALID_NAME, "old name gone");
	MT_EXPECT_KR(mach_port_destroy(SELF, 0x5b01), KERN_SUCCESS, "destroy renamed");
	MT_EXPECT_KR(mach_port_destroy(SELF, 0x5b01), KERN_INVALID_NAME, "destroy twice");
	MT_EXPECT_KR(mach_port_deallocate(SELF, q = 0x7701), KERN_INVALID_NAME, "deallocate bad name");

	/* stale names */
	kr = mach_port_allocate(SELF, MACH_PORT_RIGHT_RECEIVE, &q);
	mach_port_destroy(SELF, q);
	kr = mach_port_allocate(SELF, MACH_PORT_RIGHT_RECEIVE, &r);
	MT_CHECK(r != q && (r >> 8) == (q >> 8), "reused slot gets a new generation (%x vs %x)", r, q);
	MT_EXPECT_EQ_MSG(ptype(q), 0xdead0000u | KERN_INVALID_NAME, "stale name invalid");

	/* dead name */
	MT_EXPECT_KR(mach_port_allocate(SELF, MACH_PORT_RIGHT_DEAD_NAME, &dn), KERN_SUCCESS, "allocate dead name");
	MT_EXPECT_EQ_MSG(ptype(dn), MACH_PORT_TYPE_DEAD_NAME, "dead name type");
	MT_EXPECT_KR(mach_port_deallocate(SELF, dn), KERN_SUCCESS, "deallocate dead name");

	/* messages to own port */
	MT_EXPECT_KR(send_simple(p, MACH_MSG_TYPE_COPY_SEND, r, MACH_MSG_TYPE_MAKE_SEND_ONCE, 100, 0, 0), MACH_MSG_SUCCESS, "send to own port");
	memset(&m, 0, sizeof m);
	mr = mach_msg(&m.h, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof m, p, 0, 0);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "receive it");
	MT_EXPECT_EQ_MSG(m.h.msgh_id, 100, "id");
	MT_EXPECT_EQ_MSG(m.h.msgh_size, 48, "size");
	MT_EXPECT_EQ_MSG(m.d1, 0x1234 + 100, "data");
	MT_EXPECT_EQ_MSG(m.h.msgh_bits, MACH_MSGH_BITS(MACH_MSG_TYPE_PORT_SEND_ONCE, MACH_MSG_TYPE_PORT_SEND), "bits");
	MT_EXPECT_EQ_MSG((mach_port_name_t)m.h.msgh_local_port, p, "local is dest");
	MT_EXPECT_EQ_MSG(m.h.msgh_seqno, 0, "seqno 0");
	s = (mach_port_name_t)m.h.msgh_remote_port;
	MT_EXPECT_EQ_MSG(ptype(s), MACH_PORT_TYPE_SEND_ONCE, "reply is send-once");
	MT_EXPECT_KR(send_simple(s, MACH_MSG_TYPE_MOVE_SEND_ONCE, 0, 0, 101, 0, 0), MACH_MSG_SUCCESS, "reply via send-once");
	MT_EXPECT_EQ_MSG(ptype(s), 0xdead0000u | KERN_INVALID_NAME, "send-once used up");
	mr = mach_msg(&m.h, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof m, r, 0, 0);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "receive reply");
	MT_EXPECT_EQ_MSG(m.h.msgh_id, 101, "reply id");

	/* timeouts */
	MT_EXPECT_KR(mach_msg(&m.h, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof m, p, 0, 0), MACH_RCV_TIMED_OUT, "poll empty");
	MT_EXPECT_KR(mach_msg(&m.h, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof m, p, 30, 0), MACH_RCV_TIMED_OUT, "30ms timeout");
	MT_EXPECT_KR(mach_msg(&m.h, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof m, 0x9999, 0, 0), MACH_RCV_INVALID_NAME, "receive bad name");

	/* qlimit */
	MT_EXPECT_KR(mach_port_set_qlimit(SELF, p, 1), KERN_SUCCESS, "qlimit 1");
	MT_EXPECT_KR(mach_port_set_qlimit(SELF, p, 17), KERN_INVALID_VALUE, "qlimit 17");
	MT_EXPECT_KR(send_simple(p, MACH_MSG_TYPE_COPY_SEND, 0, 0, 102, MACH_SEND_TIMEOUT, 0), MACH_MSG_SUCCESS, "first fits");
	MT_EXPECT_KR(send_simple(p, MACH_MSG_TYPE_MOVE_SEND, 0, 0, 103, MACH_SEND_TIMEOUT, 0), MACH_SEND_TIMED_OUT, "second times out");
	MT_EXPECT_EQ_MSG(refs(p, MACH_PORT_RIGHT_SEND), 2, "move_send kept on timeout");
	MT_EXPECT_KR(send_simple(p, MACH_MSG_TYPE_MOVE_SEND, 0, 0, 104, MACH_SEND_TIMEOUT, 20), MACH_SEND_TIMED_OUT, "timed 20ms");

	/* RCV_LARGE */
	mr = mach_msg(&m.h, MACH_RCV_MSG | MACH_RCV_TIMEOUT | MACH_RCV_LARGE, 0, 40, p, 0, 0);
	MT_EXPECT_KR(mr, MACH_RCV_TOO_LARGE, "rcv_large too large");
	MT_EXPECT_EQ_MSG(m.h.msgh_size, 48, "size reported");
	mr = mach_msg(&m.h, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof m, p, 0, 0);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "then received");
	MT_EXPECT_EQ_MSG(m.h.msgh_seqno, 1, "seqno 1");
	MT_EXPECT_EQ_MSG(m.h.msgh_id, 102, "the queued one");

	/* rights in the body; malformed messages */
	kr = mach_port_allocate(SELF, MACH_PORT_RIGHT_RECEIVE, &q);
	memset(&m, 0, 128);
	m.h.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, 0) | MACH_MSGH_BITS_COMPLEX;
	m.h.msgh_size = 80;
	m.h.msgh_remote_port = p;
	m.h.msgh_id = 200;
	m.t1 = DESC(MACH_MSG_TYPE_MAKE_SEND, 64, 1, 1); m.d1 = q;
	m.t2 = DESC(MACH_MSG_TYPE_MOVE_RECEIVE, 64, 1, 1); m.d2 = r;
	m.t3 = DESC(MACH_MSG_TYPE_MOVE_SEND, 64, 1, 1); m.d3 = 0x4343;
	mr = mach_msg(&m.h, MACH_SEND_MSG, 80, 0, 0, 0, 0);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_RIGHT, "bad name in body");
	MT_EXPECT_EQ_MSG(ptype(r), MACH_PORT_TYPE_RECEIVE, "receive right kept after failure");
	m.d3 = p; m.t3 = DESC(MACH_MSG_TYPE_MOVE_SEND, 32, 1, 1);
	mr = mach_msg(&m.h, MACH_SEND_MSG, 80, 0, 0, 0, 0);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_TYPE, "port with msgt_size 32");
	m.t3 = DESC(MACH_MSG_TYPE_CHAR, 8, 64, 1);
	mr = mach_msg(&m.h, MACH_SEND_MSG, 80, 0, 0, 0, 0);
	MT_EXPECT_KR(mr, MACH_SEND_MSG_TOO_SMALL, "datum past the end");
	m.t3 = DESC(MACH_MSG_TYPE_CHAR, 8, 64, 0); m.d3 = 8;
	mr = mach_msg(&m.h, MACH_SEND_MSG, 80, 0, 0, 0, 0);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_MEMORY, "bad ool pointer");
	MT_EXPECT_EQ_MSG(ptype(r), MACH_PORT_TYPE_RECEIVE, "receive right still kept");
	{
		static char ool[10000];
		for (int i = 0; i < 10000; i++) ool[i] = (char)(i * 7);
		m.t3 = DESC(MACH_MSG_TYPE_CHAR, 8, 10000, 0); m.d3 = (uint64_t)(uintptr_t)ool;
		mr = mach_msg(&m.h, MACH_SEND_MSG | MACH_SEND_TIMEOUT, 80, 0, 0, 0, 0);
		MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "send rights + ool");
		MT_EXPECT_EQ_MSG(ptype(r), 0xdead0000u | KERN_INVALID_NAME, "moved receive right gone");
		memset(&m, 0, 128);
		mr = mach_msg(&m.h, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof m, p, 0, 0);
		MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "receive rights + ool");
		MT_EXPECT_EQ_MSG((mach_port_name_t)m.d1, q, "make_send merged into q");
		MT_EXPECT_EQ_MSG(ptype(q), MACH_PORT_TYPE_SEND_RECEIVE, "q gained send");
		MT_EXPECT_EQ_MSG(ptype((mach_port_name_t)m.d2), MACH_PORT_TYPE_RECEIVE, "received receive right");
		MT_CHECK(m.d3 != 0 && memcmp((void *)(uintptr_t)m.d3, ool, 10000) == 0, "ool data arrived (%lx)", (unsigned long)m.d3);
		r = (mach_port_name_t)m.d2;
		/* Send the received region on with msgt_deallocate: it moves. */
		{
			msg_t o;
			uint64_t addr = m.d3;

			memset(&o, 0, 64);
			o.h.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, 0) | MACH_MSGH_BITS_COMPLEX;
			o.h.msgh_size = 48;
			o.h.msgh_remote_port = p;
			o.h.msgh_id = 201;
			o.t1 = DESC(MACH_MSG_TYPE_CHAR, 8, 10000, 0) | (1ULL << 31);
			o.d1 = addr;
			MT_EXPECT_KR(mach_msg(&o.h, MACH_SEND_MSG | MACH_SEND_TIMEOUT, 48, 0, 0, 0, 0),
				     MACH_MSG_SUCCESS, "send received ool on with deallocate");
			mr = mach_msg(&o.h, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof o, p, 0, 0);
			MT_CHECK(mr == MACH_MSG_SUCCESS && o.d1 != 0 && o.d1 != addr &&
				 memcmp((void *)(uintptr_t)o.d1, ool, 10000) == 0,
				 "it arrives as a new region (%x)", mr);
			o.h.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, 0) | MACH_MSGH_BITS_COMPLEX;
			o.h.msgh_size = 48;
			o.h.msgh_remote_port = p;
			o.h.msgh_local_port = 0;
			o.t1 = DESC(MACH_MSG_TYPE_CHAR, 8, 10000, 0);
			o.d1 = addr;
			MT_EXPECT_KR(mach_msg(&o.h, MACH_SEND_MSG | MACH_SEND_TIMEOUT, 48, 0, 0, 0, 0),
				     MACH_SEND_INVALID_MEMORY, "the deallocated region is gone");
		}
	}

	/* port sets */
	MT_EXPECT_KR(mach_port_allocate(SELF, MACH_PORT_RIGHT_PORT_SET, &pset), KERN_SUCCESS, "allocate set");
	MT_EXPECT_KR(mach_port_move_member(SELF, r, pset), KERN_SUCCESS, "move_member");
	MT_EXPECT_KR(mach_port_move_member(SELF, pset, pset), KERN_INVALID_RIGHT, "move_member of a set");
	MT_EXPECT_KR(mach_msg(&m.h, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof m, r, 0, 0), MACH_RCV_IN_SET, "receive on member");
	MT_EXPECT_KR(send_simple(r, MACH_MSG_TYPE_MAKE_SEND, 0, 0, 300, 0, 0), MACH_MSG_SUCCESS, "send to member");
	mr = mach_msg(&m.h, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof m, pset, 0, 0);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "receive via set");
	MT_EXPECT_EQ_MSG((mach_port_name_t)m.h.msgh_local_port, r, "set message names member");
	{
		mach_port_name_t *mem = 0; mach_msg_type_number_t cnt = 0;
		kr = mach_port_get_set_status(SELF, pset, &mem, &cnt);
		MT_CHECK(kr == KERN_SUCCESS && cnt == 1 && mem[0] == r, "get_set_status (kr %x cnt %u)", kr, cnt);
	}
	{
		mach_port_status_t st;
		kr = mach_port_get_receive_status(SELF, r, &st);
		MT_CHECK(kr == KERN_SUCCESS && st.mps_pset == pset && st.mps_seqno == 2, "receive status (%x %x %u)", kr, st.mps_pset, st.mps_seqno);
	}
	MT_EXPECT_KR(mach_port_destroy(SELF, pset), KERN_SUCCESS, "destroy set");
	MT_EXPECT_KR(mach_msg(&m.h, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof m, r, 0, 0), MACH_RCV_TIMED_OUT, "member free again");

	/* notifications */
	{
		mach_port_name_t prev = 0, nport, sr;
		kr = mach_port_allocate(SELF, MACH_PORT_RIGHT_RECEIVE, &nport);
		kr = mach_port_allocate(SELF, MACH_PORT_RIGHT_RECEIVE, &s);
		mach_port_insert_right(SELF, s, s, MACH_MSG_TYPE_MAKE_SEND);
		kr = mach_port_request_notification(SELF, s, MACH_NOTIFY_NO_SENDERS, 0, nport, MACH_MSG_TYPE_MAKE_SEND_ONCE, &prev);
		MT_EXPECT_KR(kr, KERN_SUCCESS, "request no-senders");
		mach_port_deallocate(SELF, s);
		mr = mach_msg(&m.h, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof m, nport, 0, 0);
		MT_CHECK(mr == 0 && m.h.msgh_id == MACH_NOTIFY_NO_SENDERS && m.d1 == 1, "no-senders arrives (mr %x id %d count %lu)", mr, m.h.msgh_id, (unsigned long)m.d1);
		/* dead name */
		kr = mach_port_allocate(SELF, MACH_PORT_RIGHT_RECEIVE, &sr);
		mach_port_insert_right(SELF, sr, sr, MACH_MSG_TYPE_MAKE_SEND);
		/* give the send right another name by moving receive to q's message... simpler: extract */
		{
			mach_port_t snd = 0; mach_msg_type_name_t t = 0;
			kr = mach_port_extract_right(SELF, sr, MACH_MSG_TYPE_MAKE_SEND, &snd, &t);
			MT_CHECK(kr == KERN_SUCCESS && snd == sr && t == MACH_MSG_TYPE_PORT_SEND, "extract make_send (%x %x %u)", kr, snd, t);
		}
		MT_EXPECT_EQ_MSG(refs(sr, MACH_PORT_RIGHT_SEND), 2, "extracted send merged");
	}
	/*
	 * Reverse lookup: a send right copied out to a space that names the
	 * port already merges into that name, with many names (the table and
	 * its reverse hash grow), beside destroyed names, and after a rename.
	 */
	{
		enum { NP = 600 };
		static mach_port_t ps[NP];
		unsigned made = 0, merged = 0, twice = 0;
		mach_port_t snd;
		mach_msg_type_name_t t;

		for (int i = 0; i < NP; i++)
			if (mach_port_allocate(SELF, MACH_PORT_RIGHT_RECEIVE, &ps[i]) == KERN_SUCCESS)
				made++;
		MT_EXPECT_EQ_MSG(made, NP, "many receive rights");
		for (int i = 0; i < NP; i += 2)
			mach_port_destroy(SELF, ps[i]);
		for (int i = 1; i < NP; i += 2) {
			snd = 0;
			if (mach_port_extract_right(SELF, ps[i], MACH_MSG_TYPE_MAKE_SEND, &snd, &t) == KERN_SUCCESS && snd == ps[i])
				merged++;
			snd = 0;
			if (mach_port_extract_right(SELF, ps[i], MACH_MSG_TYPE_MAKE_SEND, &snd, &t) == KERN_SUCCESS && snd == ps[i] &&
			    refs(ps[i], MACH_PORT_RIGHT_SEND) == 2)
				twice++;
		}
		MT_EXPECT_EQ_MSG(merged, NP / 2, "send rights merge into the receive right's name");
		MT_EXPECT_EQ_MSG(twice, NP / 2, "and into the send right's name (2 urefs)");
		kr = mach_port_rename(SELF, ps[1], 0x40001);
		snd = 0;
		if (kr == KERN_SUCCESS)
			kr = mach_port_extract_right(SELF, 0x40001, MACH_MSG_TYPE_MAKE_SEND, &snd, &t);
		MT_CHECK(kr == KERN_SUCCESS && snd == 0x40001 && refs(0x40001, MACH_PORT_RIGHT_SEND) == 3,
			 "after a rename, the new name (kr %x name %x)", kr, snd);
		ps[1] = 0x40001;
		for (int i = 1; i < NP; i += 2)
			mach_port_destroy(SELF, ps[i]);
	}
	/* a mach_port call sent to a thread port: delivered; the thread port
	   converts to no space, so the routine answers KERN_INVALID_TASK */
	MT_EXPECT_KR(mach_port_allocate(mach_thread_self(), MACH_PORT_RIGHT_RECEIVE, &n),
		     KERN_INVALID_TASK, "mach_port call to a thread port");
	return MT_END();
}
