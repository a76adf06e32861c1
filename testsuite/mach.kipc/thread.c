/* SPDX-License-Identifier: MIT */
/*
 * Two threads of one task (thread_create, thread_set_state, thread_resume,
 * thread_terminate, thread_abort through the kernel's generated mach.defs
 * server): RPCs between them, a sender blocked on a full queue (qlimit 1)
 * until the other thread receives, a receiver blocked on a port set, a
 * receive interrupted by thread_abort (MACH_RCV_INTERRUPT).
 */
#include <mach/message.h>
#include <mach/port.h>
#include <mach/mach_traps.h>
#include <mach/mach_port.h>
#include <mach/mach_interface.h>
#include <mach/thread_status.h>
#include <mach/thread_switch.h>
#include <string.h>
#include "mt.h"

#define SELF mach_task_self()

typedef struct {
	mach_msg_header_t h;
	uint64_t t1;
	uint64_t d1;
} msg_t;

#define DESC_INT64 ((uint64_t)(MACH_MSG_TYPE_INTEGER_64 | (64U << 8) | (1U << 29)) | \
		    ((uint64_t)1 << 32))

static mach_port_t svc, slow, pset, idle;
static volatile int worker_done;
static volatile mach_msg_return_t abort_mr;
static volatile unsigned long slow_seen;
static uint64_t stack[4096] __attribute__((aligned(16)));

static void worker(void)
{
	msg_t m;
	mach_msg_return_t mr;

	/* Serve 100 RPCs on svc: reply with d1 * 2. */
	for (int i = 0; i < 100; i++) {
		mr = mach_msg(&m.h, MACH_RCV_MSG, 0, sizeof m, svc, 0, 0);
		if (mr != MACH_MSG_SUCCESS)
			break;
		m.h.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_MOVE_SEND_ONCE, 0);
		m.h.msgh_local_port = MACH_PORT_NULL;
		m.h.msgh_id += 100;
		m.d1 *= 2;
		mach_msg(&m.h, MACH_SEND_MSG, sizeof m, 0, 0, 0, 0);
	}
	/* Let the main thread fill the slow port, then drain it. */
	thread_switch(MACH_PORT_NULL, SWITCH_OPTION_WAIT, 30);
	for (int i = 0; i < 3; i++) {
		mr = mach_msg(&m.h, MACH_RCV_MSG, 0, sizeof m, slow, 0, 0);
		if (mr == MACH_MSG_SUCCESS)
			slow_seen = slow_seen * 10 + m.d1;
	}
	/* Wait on the set until the main thread sends to a member. */
	mr = mach_msg(&m.h, MACH_RCV_MSG, 0, sizeof m, pset, 0, 0);
	if (mr == MACH_MSG_SUCCESS && m.h.msgh_id == 777) {
		m.h.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_MOVE_SEND_ONCE, 0);
		m.h.msgh_local_port = MACH_PORT_NULL;
		m.h.msgh_id = 877;
		mach_msg(&m.h, MACH_SEND_MSG, sizeof m, 0, 0, 0, 0);
	}
	/* Wait on an empty port until the main thread aborts the wait. */
	abort_mr = mach_msg(&m.h, MACH_RCV_MSG | MACH_RCV_INTERRUPT, 0, sizeof m,
			    idle, 0, 0);
	worker_done = 1;
	thread_terminate(mach_thread_self());
	for (;;)
		;
}

static mach_msg_return_t send_int(mach_port_t dest, unsigned long v,
				  mach_msg_option_t opt, mach_msg_timeout_t to)
{
	msg_t m;

	m.h.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_MAKE_SEND, 0);
	m.h.msgh_size = sizeof m;
	m.h.msgh_remote_port = dest;
	m.h.msgh_local_port = MACH_PORT_NULL;
	m.h.msgh_id = 1;
	m.t1 = DESC_INT64;
	m.d1 = v;
	return mach_msg(&m.h, MACH_SEND_MSG | opt, sizeof m, 0, 0, to, 0);
}

int main(void)
{
	struct i386_thread_state st;
	thread_t th;
	kern_return_t kr;
	mach_port_t reply = mach_reply_port(), member;
	msg_t m;
	int ok;

	MT_BEGIN("ipc/thread", 16);
	mach_port_allocate(SELF, MACH_PORT_RIGHT_RECEIVE, &svc);
	mach_port_insert_right(SELF, svc, svc, MACH_MSG_TYPE_MAKE_SEND);
	mach_port_allocate(SELF, MACH_PORT_RIGHT_RECEIVE, &slow);
	mach_port_allocate(SELF, MACH_PORT_RIGHT_RECEIVE, &idle);
	mach_port_allocate(SELF, MACH_PORT_RIGHT_PORT_SET, &pset);
	mach_port_allocate(SELF, MACH_PORT_RIGHT_RECEIVE, &member);
	mach_port_move_member(SELF, member, pset);
	MT_EXPECT_KR(mach_port_set_qlimit(SELF, slow, 1), KERN_SUCCESS, "qlimit 1");

	kr = thread_create(SELF, &th);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "thread_create");
	memset(&st, 0, sizeof st);
	st.rip = (uint64_t)(uintptr_t)worker;
	st.ursp = (uint64_t)(uintptr_t)&stack[4096 - 1];	/* as after a call */
	kr = thread_set_state(th, i386_THREAD_STATE, (thread_state_t)&st,
			      i386_THREAD_STATE_COUNT);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "thread_set_state");
	MT_EXPECT_KR(thread_set_state(th, 99, (thread_state_t)&st, i386_THREAD_STATE_COUNT),
		     KERN_INVALID_ARGUMENT, "thread_set_state bad flavor");
	MT_EXPECT_KR(thread_resume(th), KERN_SUCCESS, "thread_resume");
	MT_EXPECT_KR(thread_set_state(th, i386_THREAD_STATE, (thread_state_t)&st,
				      i386_THREAD_STATE_COUNT),
		     KERN_FAILURE, "thread_set_state of a running thread");

	ok = 1;
	for (int i = 0; i < 100 && ok; i++) {
		m.h.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND,
					       MACH_MSG_TYPE_MAKE_SEND_ONCE);
		m.h.msgh_size = sizeof m;
		m.h.msgh_remote_port = svc;
		m.h.msgh_local_port = reply;
		m.h.msgh_id = 10;
		m.t1 = DESC_INT64;
		m.d1 = (uint64_t)i;
		ok = mach_msg(&m.h, MACH_SEND_MSG | MACH_RCV_MSG, sizeof m,
			      sizeof m, reply, 0, 0) == MACH_MSG_SUCCESS &&
		     m.h.msgh_id == 110 && m.d1 == (uint64_t)i * 2;
	}
	MT_CHECK(ok, "100 rpcs to the other thread");

	/* The queue takes one; the second send blocks until the worker
	 * receives; a third with a zero timeout may or may not fit. */
	MT_EXPECT_KR(send_int(slow, 1, 0, 0), MACH_MSG_SUCCESS, "first message queued");
	MT_EXPECT_KR(send_int(slow, 2, 0, 0), MACH_MSG_SUCCESS,
		     "second message waited for room");
	MT_EXPECT_KR(send_int(slow, 3, 0, 0), MACH_MSG_SUCCESS, "third message");

	/* The worker now waits on the set. */
	thread_switch(MACH_PORT_NULL, SWITCH_OPTION_WAIT, 20);
	m.h.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_MAKE_SEND,
				       MACH_MSG_TYPE_MAKE_SEND_ONCE);
	m.h.msgh_size = sizeof m;
	m.h.msgh_remote_port = member;
	m.h.msgh_local_port = reply;
	m.h.msgh_id = 777;
	m.t1 = DESC_INT64;
	m.d1 = 0;
	kr = mach_msg(&m.h, MACH_SEND_MSG | MACH_RCV_MSG, sizeof m, sizeof m,
		      reply, 0, 0);
	MT_CHECK(kr == MACH_MSG_SUCCESS && m.h.msgh_id == 877,
		 "a receiver blocked on a set gets a member's message (%x %d)",
		 kr, m.h.msgh_id);
	thread_switch(MACH_PORT_NULL, SWITCH_OPTION_WAIT, 20);
	MT_CHECK(!worker_done, "worker waits on an empty port");
	MT_EXPECT_KR(thread_abort(th), KERN_SUCCESS, "thread_abort");
	thread_switch(MACH_PORT_NULL, SWITCH_OPTION_WAIT, 20);
	MT_CHECK(worker_done, "worker finished");
	MT_EXPECT_KR(abort_mr, MACH_RCV_INTERRUPTED,
		     "its receive returned MACH_RCV_INTERRUPTED");
	MT_EXPECT_EQ_MSG(slow_seen, 123, "slow port drained in order");
	return MT_END();
}
