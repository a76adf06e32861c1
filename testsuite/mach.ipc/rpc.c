/* SPDX-License-Identifier: MIT */
/*
 * rpc: two tasks, an RPC server loop on a generated demultiplexer.
 *
 * Boot modules (rpc.exp):  rpc.elf server $(srv=task-create) $(task-resume)
 *                          rpc.elf client ${srv}
 * The client holds the server's task port.  It makes a receive right,
 * inserts a send right for it into the server's space under RENDEZVOUS
 * (mach_port_insert_right), and waits there.  The server polls that name
 * until a send succeeds: its message carries a send right to its service
 * port.  The server then runs mach_msg_server_timeout() with exc_server,
 * libmach's demultiplexer of exc.defs; the client calls exception_raise()
 * through the generated stub (two port rights and three integers in, a
 * kern_return_t back).  The server answers KERN_SUCCESS when code ==
 * subcode + 1, KERN_FAILURE otherwise, and stops on exception QUIT.
 */
#include <mach/exc.h>
#include <mach/exc_server.h>

#include "ipc_test.h"
#include "mt.h"

#define RENDEZVOUS ((mach_port_t)0x7003)
#define NCALLS 500
#define QUIT 0x7fff

static int served, bad_rights, done;

kern_return_t
catch_exception_raise(mach_port_t port, mach_port_t thread, mach_port_t task,
		      integer_t exception, integer_t code, integer_t subcode)
{
	(void)port;
	served++;
	if (thread == MACH_PORT_NULL || task == MACH_PORT_NULL ||
	    thread == task)
		bad_rights++;
	if (exception == QUIT)
		done = 1;
	return code == subcode + 1 ? KERN_SUCCESS : KERN_FAILURE;
}

static int
server(void)
{
	mach_port_t svc = mach_reply_port();
	mach_msg_return_t mr = MACH_SEND_INVALID_DEST;
	int idle = 0;

	MT_BEGIN("ipc/rpc-server", 3);
	for (int i = 0; i < 1000 && mr == MACH_SEND_INVALID_DEST; i++) {
		mr = it_send_port(RENDEZVOUS, MACH_MSG_TYPE_COPY_SEND, 1, svc,
				  MACH_MSG_TYPE_MAKE_SEND);
		if (mr == MACH_SEND_INVALID_DEST)
			(void)thread_switch(MACH_PORT_NULL, SWITCH_OPTION_WAIT,
					    10);
	}
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS,
		     "service port announced through the inserted right");
	while (!done && idle < 100) {
		mr = mach_msg_server_timeout(exc_server, 512, svc,
					     MACH_RCV_TIMEOUT, 100);
		if (mr == MACH_RCV_TIMED_OUT)
			idle++;
		else if (mr != MACH_MSG_SUCCESS)
			break;
	}
	MT_CHECK(done && served == NCALLS + 2,
		 "served %d requests through exc_server", served);
	MT_EXPECT_EQ_MSG(bad_rights, 0,
			 "every request carried two distinct port rights");
	return MT_END();
}

static int
client(mach_port_t srv)
{
	mach_port_t rdv = mach_reply_port(), svc;
	it_buf_t buf;
	kern_return_t kr;
	int ok = 1;
	union {
		mach_msg_header_t head;
		mig_reply_header_t r;
		it_buf_t b;
	} rpc;

	MT_BEGIN("ipc/rpc-client", 8);
	kr = mach_port_insert_right(srv, RENDEZVOUS, rdv,
				    MACH_MSG_TYPE_MAKE_SEND);
	MT_EXPECT_KR(kr, KERN_SUCCESS,
		     "mach_port_insert_right into the server's space");
	kr = it_receive_wait(rdv, &buf, 20000);
	svc = (mach_port_t)buf.p.port;
	MT_CHECK(kr == MACH_MSG_SUCCESS &&
		 (buf.p.type & 0xff) == MACH_MSG_TYPE_PORT_SEND &&
		 svc != MACH_PORT_NULL,
		 "got a send right to the service port");
	if (kr != MACH_MSG_SUCCESS)
		svc = MACH_PORT_NULL;
	/* Names are per task: the server's name for our port means
	 * nothing here (we hold no right under it). */
	kr = it_send_empty(RENDEZVOUS, MACH_MSG_TYPE_COPY_SEND, 1, 0, 0);
	MT_EXPECT_KR(kr, MACH_SEND_INVALID_DEST,
		     "the server's name for the rendezvous port is not ours");
	for (int i = 0; i < NCALLS && ok; i++)
		ok &= exception_raise(svc, mach_thread_self(),
				      mach_task_self(), 1, i + 1, i) ==
		      KERN_SUCCESS;
	MT_CHECK(ok, "%d exception_raise RPCs answered KERN_SUCCESS", NCALLS);
	kr = exception_raise(svc, mach_thread_self(), mach_task_self(), 1, 5,
			     5);
	MT_EXPECT_KR(kr, KERN_FAILURE, "the server's KERN_FAILURE comes back");

	/* An id the demultiplexer does not know. */
	memset(&rpc, 0, sizeof rpc);
	it_header(&rpc.head, MACH_MSG_TYPE_COPY_SEND,
		  MACH_MSG_TYPE_MAKE_SEND_ONCE, sizeof rpc.head, svc, rdv,
		  12345);
	kr = mach_msg(&rpc.head, MACH_SEND_MSG | MACH_RCV_MSG, sizeof rpc.head,
		      sizeof rpc, rdv, MACH_MSG_TIMEOUT_NONE, MACH_PORT_NULL);
	MT_CHECK(kr == MACH_MSG_SUCCESS && rpc.r.Head.msgh_id == 12445 &&
		 rpc.r.RetCode == MIG_BAD_ID,
		 "an unknown msgh_id gets a MIG_BAD_ID reply");
	/* exception_raise's id with no arguments at all. */
	memset(&rpc, 0, sizeof rpc);
	it_header(&rpc.head, MACH_MSG_TYPE_COPY_SEND,
		  MACH_MSG_TYPE_MAKE_SEND_ONCE, sizeof rpc.head, svc, rdv,
		  2400);
	kr = mach_msg(&rpc.head, MACH_SEND_MSG | MACH_RCV_MSG, sizeof rpc.head,
		      sizeof rpc, rdv, MACH_MSG_TIMEOUT_NONE, MACH_PORT_NULL);
	MT_CHECK(kr == MACH_MSG_SUCCESS && rpc.r.Head.msgh_id == 2500 &&
		 rpc.r.RetCode == MIG_BAD_ARGUMENTS,
		 "a truncated exception_raise gets MIG_BAD_ARGUMENTS");
	kr = exception_raise(svc, mach_thread_self(), mach_task_self(), QUIT,
			     1, 0);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "the server stops on request");
	return MT_END();
}

int
main(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "server") == 0)
		return server();
	if (argc >= 3 && strcmp(argv[1], "client") == 0)
		return client((mach_port_t)it_number(argv[2]));
	MT_BEGIN("ipc/rpc", 1);
	MT_FAIL("usage", "rpc server | rpc client TASKPORT");
	return MT_END();
}
