/* SPDX-License-Identifier: MIT */
/*
 * Two tasks exchanging messages: `rpc server' serves requests on a port
 * it allocates under a fixed name; `rpc client ${srv}' (the server's task
 * port, from the boot script) takes a send right to it with
 * mach_port_extract_right and makes RPCs: null, with data, with a port
 * right, many in a row (sequence numbers), and a last one that stops the
 * server.  The guest-instruction counts of a null RPC and of a kernel RPC
 * (mach_port_get_refs) are printed as `bench:' lines (no verdict on them).
 */
#include <mach/message.h>
#include <mach/port.h>
#include <mach/mach_traps.h>
#include <mach/mach_port.h>
#include <mach/thread_switch.h>
#include <stdio.h>
#include <string.h>
#include "mt.h"

#define SRV_NAME	0x1f0f
#define ID_NULL		500
#define ID_ADD		501
#define ID_PORT		502
#define ID_QUIT		599

typedef struct {
	mach_msg_header_t h;
	uint64_t t1;
	uint64_t d1;
	char pad[256];
} msg_t;

#define DESC(name, bits, n) \
	((uint64_t)((name) | ((bits) << 8) | (1U << 29)) | ((uint64_t)(n) << 32))

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static unsigned long parse(const char *s)
{
	unsigned long v = 0;

	while (*s >= '0' && *s <= '9')
		v = v * 10 + (unsigned long)(*s++ - '0');
	return v;
}

static int server(void)
{
	msg_t m;
	mach_msg_return_t mr;
	unsigned served = 0, seq_ok = 1, expect_seq = 0;
	kern_return_t kr;

	MT_BEGIN("ipc/rpc-server", 4);
	kr = mach_port_allocate_name(mach_task_self(), MACH_PORT_RIGHT_RECEIVE,
				     SRV_NAME);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "server port under a fixed name");
	mr = mach_msg(&m.h, MACH_RCV_MSG, 0, sizeof m, SRV_NAME, 0, 0);
	for (;;) {
		if (mr != MACH_MSG_SUCCESS)
			break;
		if (m.h.msgh_seqno != expect_seq++)
			seq_ok = 0;
		served++;
		if (m.h.msgh_id == ID_QUIT)
			break;
		if (m.h.msgh_id == ID_ADD) {
			m.d1 += 1;
			m.h.msgh_size = 48;
		} else if (m.h.msgh_id == ID_PORT) {
			/* send the received send right back */
			m.h.msgh_bits |= MACH_MSGH_BITS_COMPLEX;
			m.h.msgh_size = 48;
			m.t1 = DESC(MACH_MSG_TYPE_MOVE_SEND, 64, 1);
		} else {
			m.h.msgh_size = sizeof(mach_msg_header_t);
		}
		m.h.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_MOVE_SEND_ONCE, 0) |
				(m.h.msgh_bits & MACH_MSGH_BITS_COMPLEX);
		m.h.msgh_local_port = MACH_PORT_NULL;
		m.h.msgh_id += 100;
		mr = mach_msg(&m.h, MACH_SEND_MSG | MACH_RCV_MSG, m.h.msgh_size,
			      sizeof m, SRV_NAME, 0, 0);
	}
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "server loop ends with a message");
	MT_CHECK(served > 1000, "server served the requests (%u)", served);
	MT_CHECK(seq_ok, "sequence numbers count up from 0");
	return MT_END();
}

static mach_msg_return_t rpc(mach_port_t srv, mach_port_t reply, msg_t *m,
			     int id, mach_msg_size_t size)
{
	m->h.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND,
					MACH_MSG_TYPE_MAKE_SEND_ONCE) |
			 (m->h.msgh_bits & MACH_MSGH_BITS_COMPLEX);
	m->h.msgh_size = size;
	m->h.msgh_remote_port = srv;
	m->h.msgh_local_port = reply;
	m->h.msgh_id = id;
	return mach_msg(&m->h, MACH_SEND_MSG | MACH_RCV_MSG, size, sizeof *m,
			reply, 0, 0);
}

static int client(mach_port_t srv_task)
{
	mach_port_t srv = MACH_PORT_NULL, reply, p;
	mach_msg_type_name_t t;
	kern_return_t kr = KERN_FAILURE;
	mach_msg_return_t mr;
	msg_t m;
	int ok;

	MT_BEGIN("ipc/rpc-client", 12);
	for (int i = 0; i < 1000 && kr != KERN_SUCCESS; i++) {
		kr = mach_port_extract_right(srv_task, SRV_NAME,
					     MACH_MSG_TYPE_MAKE_SEND, &srv, &t);
		if (kr != KERN_SUCCESS)
			thread_switch(MACH_PORT_NULL, SWITCH_OPTION_WAIT, 1);
	}
	MT_EXPECT_KR(kr, KERN_SUCCESS, "send right from the server's space");
	MT_EXPECT_EQ_MSG(t, MACH_MSG_TYPE_PORT_SEND, "it is a send right");
	reply = mach_reply_port();

	memset(&m, 0, sizeof m);
	mr = rpc(srv, reply, &m, ID_NULL, sizeof(mach_msg_header_t));
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "null rpc");
	MT_CHECK(m.h.msgh_id == ID_NULL + 100 && m.h.msgh_size == 32 &&
		 (mach_port_name_t)m.h.msgh_local_port == reply &&
		 m.h.msgh_remote_port == MACH_PORT_NULL &&
		 m.h.msgh_bits == MACH_MSGH_BITS(0, MACH_MSG_TYPE_PORT_SEND_ONCE),
		 "null reply header (id %d size %u bits %x)", m.h.msgh_id,
		 m.h.msgh_size, m.h.msgh_bits);

	m.h.msgh_bits = 0;
	m.t1 = DESC(MACH_MSG_TYPE_INTEGER_64, 64, 1);
	m.d1 = 41;
	mr = rpc(srv, reply, &m, ID_ADD, 48);
	MT_CHECK(mr == MACH_MSG_SUCCESS && m.h.msgh_id == ID_ADD + 100 &&
		 m.d1 == 42, "rpc with data (mr %x d %lu)", mr,
		 (unsigned long)m.d1);

	mach_port_allocate(mach_task_self(), MACH_PORT_RIGHT_RECEIVE, &p);
	m.h.msgh_bits = MACH_MSGH_BITS_COMPLEX;
	m.t1 = DESC(MACH_MSG_TYPE_MAKE_SEND, 64, 1);
	m.d1 = p;
	mr = rpc(srv, reply, &m, ID_PORT, 48);
	MT_CHECK(mr == MACH_MSG_SUCCESS && (mach_port_name_t)m.d1 == p &&
		 (m.h.msgh_bits & MACH_MSGH_BITS_COMPLEX),
		 "a send right goes there and back (mr %x name %x)", mr,
		 (unsigned)m.d1);
	{
		mach_port_urefs_t u = 0;

		mach_port_get_refs(mach_task_self(), p, MACH_PORT_RIGHT_SEND, &u);
		MT_EXPECT_EQ_MSG(u, 1, "it merged with the receive right");
	}

	ok = 1;
	for (int i = 0; i < 1000 && ok; i++) {
		m.h.msgh_bits = 0;
		ok = rpc(srv, reply, &m, ID_NULL, 32) == MACH_MSG_SUCCESS &&
		     m.h.msgh_id == ID_NULL + 100 && m.h.msgh_seqno == (unsigned)i + 3;
	}
	MT_CHECK(ok, "1000 rpcs in a row, reply seqnos counting");

	/* Figures: guest instructions under -icount shift=0 (else cycles). */
	{
		mach_port_t self = mach_task_self();
		mach_port_urefs_t u;
		uint64_t t0, t1, t2;

		t0 = rdtsc();
		for (int i = 0; i < 100; i++) {
			m.h.msgh_bits = 0;
			rpc(srv, reply, &m, ID_NULL, 32);
		}
		t1 = rdtsc();
		for (int i = 0; i < 100; i++)
			mach_port_get_refs(self, reply, MACH_PORT_RIGHT_RECEIVE, &u);
		t2 = rdtsc();
		printf("bench: user rpc %lu, kernel rpc %lu (rdtsc per call)\n",
		       (unsigned long)((t1 - t0) / 100),
		       (unsigned long)((t2 - t1) / 100));
	}

	/* A receive right in a message: it moves, the sender loses it. */
	MT_EXPECT_KR(mach_port_deallocate(mach_task_self(), p), KERN_SUCCESS,
		     "drop the send right");
	m.h.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, 0) |
			MACH_MSGH_BITS_COMPLEX;
	m.h.msgh_size = 48;
	m.h.msgh_remote_port = srv;
	m.h.msgh_local_port = MACH_PORT_NULL;
	m.h.msgh_id = ID_QUIT;
	m.t1 = DESC(MACH_MSG_TYPE_MOVE_RECEIVE, 64, 1);
	m.d1 = p;
	mr = mach_msg(&m.h, MACH_SEND_MSG, 48, 0, 0, 0, 0);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "quit message carrying a receive right");
	{
		mach_port_type_t ty;

		MT_EXPECT_KR(mach_port_type(mach_task_self(), p, &ty),
			     KERN_INVALID_NAME, "moved receive right is gone");
	}
	MT_EXPECT_KR(mach_port_deallocate(mach_task_self(), srv), KERN_SUCCESS,
		     "drop the server send right");
	return MT_END();
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "server") == 0)
		return server();
	if (argc > 2 && strcmp(argv[1], "client") == 0)
		return client((mach_port_t)parse(argv[2]));
	printf("usage: rpc server | rpc client TASKPORT\n");
	return 1;
}
