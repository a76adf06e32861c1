/* SPDX-License-Identifier: MIT */
/*
 * leak: thousands of port and message cycles; leak.exp boots this program
 * twice with the kernel's `zone_stats' word, with 0 and with N cycles,
 * and compares the zone counts the kernel prints when it halts: every
 * zone must be back where the 0-cycle run left it.
 *
 *   leak.elf CYCLES msg   mach_msg only: a fresh receive right gets two
 *                         messages (one carrying a send-once right to
 *                         itself, one a send right), is moved into a
 *                         message to a sink port, and that message is
 *                         destroyed by a receive with too small a buffer
 *                         (no MACH_RCV_LARGE): the port, its queue and the
 *                         rights in it all go;
 *   leak.elf CYCLES rpc   the same through kernel RPCs: mach_port_allocate,
 *                         insert_right, a queued message, mach_port_destroy
 *                         (leakrpc.elf: this mode by default, a separate
 *                         program so that it can be wired in on its own);
 *   leak.elf CYCLES circ  a receive right sent into its own queue (a
 *                         message that would keep its port alive for
 *                         ever: GNU Mach accepts the send and destroys
 *                         such a message, MACH_MSGH_BITS_CIRCULAR, so the
 *                         name is gone; a kernel may also refuse it with
 *                         MACH_SEND_INVALID_RIGHT, the right staying with
 *                         the sender) (leakcirc.elf: this mode);
 *   leak.elf CYCLES blocked  a thread blocked sending to a full queue is
 *                         terminated, then the port destroyed: nothing the
 *                         send held may stay behind.
 */
#include <stdio.h>

#include "ipc_test.h"
#include "mt.h"

#define LEAK_MSG 0
#define LEAK_RPC 1
#define LEAK_CIRC 2
#define LEAK_BLOCKED 3

#ifndef LEAK_DEFAULT_MODE
#define LEAK_DEFAULT_MODE LEAK_MSG
#endif

static const char *const leak_modes[] = { "msg", "rpc", "circ", "blocked" };

static unsigned char blocked_stack[16 * 1024] __attribute__((aligned(16)));

static mach_port_t sink_port;

static int
cycle_msg(mach_port_t sink)
{
	mach_port_t p = mach_reply_port();
	it_buf_t buf;
	int ok = p != MACH_PORT_NULL;

	ok &= it_send_port(p, MACH_MSG_TYPE_MAKE_SEND, 1, p,
			   MACH_MSG_TYPE_MAKE_SEND_ONCE) == MACH_MSG_SUCCESS;
	ok &= it_send_port(p, MACH_MSG_TYPE_MAKE_SEND, 2, p,
			   MACH_MSG_TYPE_MAKE_SEND) == MACH_MSG_SUCCESS;
	ok &= it_send_port(sink, MACH_MSG_TYPE_MAKE_SEND, 3, p,
			   MACH_MSG_TYPE_MOVE_RECEIVE) == MACH_MSG_SUCCESS;
	ok &= it_receive(sink, &buf, sizeof(mach_msg_header_t), 0) ==
	      MACH_RCV_TOO_LARGE;
	return ok;
}

/*
 * Two answers keep the kernel from holding a port in its own queue for
 * ever: GNU Mach accepts the send and destroys the message (the right is
 * gone); refusing it with MACH_SEND_INVALID_RIGHT and leaving the sender
 * its right (as every refused message does) is the other.  Either is
 * fine; the zones (leak.exp) tell whether anything stayed.
 */
static int
cycle_circ(void)
{
	mach_port_t p = mach_reply_port();
	it_buf_t buf;
	mach_msg_return_t mr, rr;

	mr = it_send_port(p, MACH_MSG_TYPE_MAKE_SEND, 1, p,
			  MACH_MSG_TYPE_MOVE_RECEIVE);
	rr = it_receive(p, &buf, sizeof buf, 0);
	if (mr == MACH_MSG_SUCCESS)
		return rr == MACH_RCV_INVALID_NAME;
	if (mr == MACH_SEND_INVALID_RIGHT && rr == MACH_RCV_TIMED_OUT) {
		/* Still ours: give it back to the kernel. */
		(void)it_send_port(sink_port, MACH_MSG_TYPE_MAKE_SEND, 2, p,
				   MACH_MSG_TYPE_MOVE_RECEIVE);
		(void)it_receive(sink_port, &buf, sizeof(mach_msg_header_t),
				 0);
		return 1;
	}
	return 0;
}

static int
cycle_rpc(mach_port_t self)
{
	mach_port_t p = MACH_PORT_NULL;
	int ok;

	ok = mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &p) ==
	     KERN_SUCCESS;
	ok = ok && mach_port_insert_right(self, p, p,
					  MACH_MSG_TYPE_MAKE_SEND) ==
			   KERN_SUCCESS;
	ok = ok && it_send_int(p, MACH_MSG_TYPE_COPY_SEND, 1, 1) ==
			   MACH_MSG_SUCCESS;
	ok = ok && mach_port_destroy(self, p) == KERN_SUCCESS;
	return ok;
}

static void
send_blocking(void *arg)
{
	/* The queue is full: this waits until the thread is terminated. */
	(void)it_send_empty((mach_port_t)(uintptr_t)arg,
			    MACH_MSG_TYPE_MAKE_SEND, 9, 0, 0);
}

static int
cycle_blocked(mach_port_t self)
{
	mach_port_t p = mach_reply_port(), th = MACH_PORT_NULL;
	int ok = p != MACH_PORT_NULL;

	for (int i = 0; ok && i < (int)MACH_PORT_QLIMIT_DEFAULT; i++)
		ok = it_send_empty(p, MACH_MSG_TYPE_MAKE_SEND, i, 0, 0) ==
		     MACH_MSG_SUCCESS;
	ok = ok && it_thread_start(send_blocking, (void *)(uintptr_t)p,
				   blocked_stack, sizeof blocked_stack,
				   &th) == KERN_SUCCESS;
	/* Let it run into the full queue (it runs while we wait). */
	(void)thread_switch(MACH_PORT_NULL, SWITCH_OPTION_WAIT, 10);
	ok = ok && thread_terminate(th) == KERN_SUCCESS;
	(void)mach_port_deallocate(self, th);
	ok = ok && mach_port_destroy(self, p) == KERN_SUCCESS;
	return ok;
}

int
main(int argc, char **argv)
{
	unsigned long cycles = argc > 1 ? it_number(argv[1]) : 0;
	int mode = LEAK_DEFAULT_MODE;
	mach_port_t sink = mach_reply_port(), self = mach_task_self();

	sink_port = sink;
	unsigned long good = 0;

	char area[32];

	for (int m = 0; argc > 2 && m < 4; m++)
		if (strcmp(argv[2], leak_modes[m]) == 0)
			mode = m;
	snprintf(area, sizeof area, "ipc/leak-%s", leak_modes[mode]);
	MT_BEGIN(area, 2);
	for (unsigned long i = 0; i < cycles; i++)
		good += (unsigned long)(mode == LEAK_RPC    ? cycle_rpc(self)
					: mode == LEAK_CIRC ? cycle_circ()
					: mode == LEAK_BLOCKED ?
						cycle_blocked(self)
							    : cycle_msg(sink));
	MT_EXPECT_EQ_MSG(good, cycles, "%lu %s cycles", cycles,
			 leak_modes[mode]);
	MT_EXPECT_EQ_MSG(it_drain(sink), 0, "nothing left on the sink port");
	return MT_END();
}
