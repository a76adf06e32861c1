/* SPDX-License-Identifier: MIT */
/*
 * interrupt: MACH_RCV_INTERRUPT / MACH_SEND_INTERRUPT and libmach's
 * restart of an interrupted mach_msg.  A worker thread blocks in mach_msg
 * (an empty port to receive from, a full queue to send to); the main
 * thread interrupts it with thread_abort (generated stub).  With the
 * *_INTERRUPT option the worker's mach_msg returns MACH_RCV_INTERRUPTED /
 * MACH_SEND_INTERRUPTED; without it libmach restarts the call, which then
 * completes when the main thread sends a message / drains the queue.
 * Every wait of the worker is bounded (MACH_*_TIMEOUT of 5 s), so a
 * missing interruption is a failed case, never a hang.
 */
#include "ipc_test.h"
#include "mt.h"

#define BOUND 5000	/* ms: no wait of the worker lasts longer */

static unsigned char worker_stack[64 * 1024] __attribute__((aligned(16)));

static mach_port_t to_main, idle_port, full_port;

/* Tell the main thread that step `id` ended with mr. */
static void
report(int id, mach_msg_return_t mr)
{
	(void)it_send_int(to_main, MACH_MSG_TYPE_MAKE_SEND, id, (uint32_t)mr);
}

static void
worker(void *arg)
{
	it_buf_t buf;
	it_empty_t m;
	mach_msg_return_t mr;

	(void)arg;
	report(0, MACH_MSG_SUCCESS);	/* about to block */
	mr = mach_msg(&buf.head,
		      MACH_RCV_MSG | MACH_RCV_INTERRUPT | MACH_RCV_TIMEOUT, 0,
		      sizeof buf, idle_port, BOUND, MACH_PORT_NULL);
	report(1, mr);
	mr = mach_msg(&buf.head, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0,
		      sizeof buf, idle_port, BOUND, MACH_PORT_NULL);
	report(2, mr == MACH_MSG_SUCCESS ? (mach_msg_return_t)buf.head.msgh_id
					 : mr);

	/* The queue of full_port is full: a send blocks. */
	it_header(&m.head, MACH_MSG_TYPE_MAKE_SEND, 0, sizeof m, full_port,
		  MACH_PORT_NULL, 30);
	report(3, MACH_MSG_SUCCESS);	/* about to block */
	mr = mach_msg(&m.head,
		      MACH_SEND_MSG | MACH_SEND_INTERRUPT | MACH_SEND_TIMEOUT,
		      sizeof m, 0, MACH_PORT_NULL, BOUND, MACH_PORT_NULL);
	report(4, mr);
	mr = mach_msg(&m.head, MACH_SEND_MSG | MACH_SEND_TIMEOUT, sizeof m, 0,
		      MACH_PORT_NULL, BOUND, MACH_PORT_NULL);
	report(5, mr);
}

/* Wait up to ms for the worker's report `id`; its code, or -1. */
static int
await_ms(int id, mach_msg_timeout_t ms)
{
	it_buf_t buf;

	if (it_receive_wait(to_main, &buf, ms) != MACH_MSG_SUCCESS ||
	    buf.head.msgh_id != id)
		return -1;
	return (int)buf.i.value;
}

static int
await(int id)
{
	return await_ms(id, 2 * BOUND + 1000);
}

/*
 * Interrupt the worker until it reports `id` (an abort that comes before
 * the worker is blocked does nothing, so try again; on a loaded host the
 * worker may not have reached its wait yet).  Returns the report and the
 * first thread_abort's result in *kr.
 */
static int
abort_until(mach_port_t th, int id, kern_return_t *kr)
{
	int r = -1;

	for (int i = 0; i < 40 && r == -1; i++) {
		kern_return_t k = thread_abort(th);

		if (i == 0 && kr)
			*kr = k;
		r = await_ms(id, 100);
	}
	return r;
}

/* Let the worker reach its wait (it runs when we sleep). */
static void
let_it_block(void)
{
	(void)thread_switch(MACH_PORT_NULL, SWITCH_OPTION_WAIT, 50);
}

int
main(void)
{
	mach_port_t th = MACH_PORT_NULL;
	kern_return_t kr;
	int r;

	MT_BEGIN("ipc/interrupt", 7);
	to_main = mach_reply_port();
	idle_port = mach_reply_port();
	full_port = mach_reply_port();
	for (int i = 0; i < (int)MACH_PORT_QLIMIT_DEFAULT; i++)
		(void)it_send_empty(full_port, MACH_MSG_TYPE_MAKE_SEND, i, 0, 0);
	kr = it_thread_start(worker, NULL, worker_stack, sizeof worker_stack,
			     &th);
	MT_CHECK(kr == KERN_SUCCESS && await(0) == 0, "worker started");

	let_it_block();
	r = abort_until(th, 1, &kr);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "thread_abort of a thread in mach_msg");
	MT_EXPECT_KR(r, MACH_RCV_INTERRUPTED,
		     "MACH_RCV_INTERRUPT: the receive returns interrupted");

	let_it_block();
	(void)thread_abort(th);
	let_it_block();
	(void)it_send_empty(idle_port, MACH_MSG_TYPE_MAKE_SEND, 77, 0, 0);
	r = await(2);
	MT_EXPECT_EQ_MSG(r, 77, "without it, libmach restarts the receive, "
			 "which gets the next message");

	MT_EXPECT_EQ_MSG(await(3), 0, "worker about to send to a full queue");
	let_it_block();
	r = abort_until(th, 4, NULL);
	MT_EXPECT_KR(r, MACH_SEND_INTERRUPTED,
		     "MACH_SEND_INTERRUPT: the blocked send returns interrupted");

	let_it_block();
	(void)thread_abort(th);
	let_it_block();
	(void)it_drain(full_port);
	r = await(5);
	MT_EXPECT_KR(r, MACH_MSG_SUCCESS,
		     "without it, libmach sends again once there is room");
	return MT_END();
}
