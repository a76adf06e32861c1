/* SPDX-License-Identifier: MIT */
/*
 * threads: two threads of one task exchange messages.  The main thread
 * starts a worker (thread_create, thread_set_state, thread_resume through
 * the generated stubs), then they ping-pong a counter over two ports; a
 * receive blocks until the other thread's send wakes it.  Then both
 * threads make kernel RPCs at the same time (each with its own reply
 * port from libmach's pool).
 */
#include "ipc_test.h"
#include "mt.h"

#define ROUNDS 1000
#define RPCS 2000

static unsigned char worker_stack[64 * 1024] __attribute__((aligned(16)));

struct shared {
	mach_port_t to_worker;	/* the worker receives here */
	mach_port_t to_main;	/* main receives here */
	volatile int rpc_fail;
	volatile int rpc_done;
	mach_port_t worker_self;
};

static void
worker(void *arg)
{
	struct shared *sh = arg;
	it_buf_t buf;

	sh->worker_self = mach_thread_self();
	for (;;) {
		mach_msg_return_t mr;

		mr = mach_msg(&buf.head, MACH_RCV_MSG, 0, sizeof buf,
			      sh->to_worker, 0, MACH_PORT_NULL);
		if (mr != MACH_MSG_SUCCESS || buf.head.msgh_id == 2)
			break;
		(void)it_send_int(sh->to_main, MACH_MSG_TYPE_MAKE_SEND, 1,
				  buf.i.value + 1);
	}
	/* Phase 2: RPCs concurrently with the main thread. */
	for (int i = 0; i < RPCS; i++) {
		mach_port_urefs_t refs = 0;

		if (mach_port_get_refs(mach_task_self(), sh->to_worker,
				       MACH_PORT_RIGHT_RECEIVE, &refs) !=
			    KERN_SUCCESS ||
		    refs != 1)
			sh->rpc_fail++;
	}
	(void)it_send_empty(sh->to_main, MACH_MSG_TYPE_MAKE_SEND, 3, 0, 0);
}

int
main(void)
{
	static struct shared sh;
	mach_port_t th = MACH_PORT_NULL;
	it_buf_t buf;
	kern_return_t kr;
	int ok = 1, fails = 0;
	uint32_t v = 0;

	MT_BEGIN("ipc/threads", 6);
	sh.to_worker = mach_reply_port();
	sh.to_main = mach_reply_port();
	kr = it_thread_start(worker, &sh, worker_stack, sizeof worker_stack,
			     &th);
	MT_EXPECT_KR(kr, KERN_SUCCESS,
		     "thread_create, thread_set_state, thread_resume");
	if (kr != KERN_SUCCESS) {
		MT_FAIL("no worker", "ping-pong %d rounds", ROUNDS);
		MT_FAIL("no worker", "the worker has its own thread port");
		MT_FAIL("no worker", "concurrent RPCs from two threads");
		MT_FAIL("no worker", "worker's RPCs");
		MT_FAIL("no worker", "worker finished");
		return MT_END();
	}
	for (int i = 0; i < ROUNDS && ok; i++) {
		ok &= it_send_int(sh.to_worker, MACH_MSG_TYPE_MAKE_SEND, 1, v) ==
		      MACH_MSG_SUCCESS;
		ok &= it_receive_wait(sh.to_main, &buf, 5000) ==
			      MACH_MSG_SUCCESS &&
		      buf.i.value == v + 1;
		v = buf.i.value;
	}
	MT_CHECK(ok && v == ROUNDS, "ping-pong %d rounds", ROUNDS);
	MT_CHECK(sh.worker_self != MACH_PORT_NULL &&
		 sh.worker_self != mach_thread_self(),
		 "the worker has its own thread port");
	(void)it_send_empty(sh.to_worker, MACH_MSG_TYPE_MAKE_SEND, 2, 0, 0);
	for (int i = 0; i < RPCS; i++) {
		mach_port_urefs_t refs = 0;

		if (mach_port_get_refs(mach_task_self(), sh.to_main,
				       MACH_PORT_RIGHT_RECEIVE, &refs) !=
			    KERN_SUCCESS ||
		    refs != 1)
			fails++;
	}
	MT_EXPECT_EQ_MSG(fails, 0, "concurrent RPCs from two threads");
	kr = it_receive_wait(sh.to_main, &buf, 10000);
	MT_CHECK(kr == MACH_MSG_SUCCESS && buf.head.msgh_id == 3,
		 "worker finished");
	MT_EXPECT_EQ_MSG(sh.rpc_fail, 0, "worker's RPCs");
	return MT_END();
}
