/* SPDX-License-Identifier: MIT */
/*
 * mach_msg_server.c: the receive / demultiplex / reply loop of a server
 * built on a MIG-generated demultiplexer (<mach.h>).
 *
 * Each request is received on rcv_name into one buffer, handed to demux
 * with a second buffer for the reply, and the reply is sent and the next
 * request received in one mach_msg call.  No reply is sent when the
 * request had no reply port, or when the routine answered MIG_NO_REPLY.
 * A reply that cannot be sent at once (the client's queue is full or the
 * reply port died) is dropped: the send has MACH_SEND_TIMEOUT 0, so one
 * bad client cannot stop the server.
 */
#include <mach.h>

typedef union {
	mach_msg_header_t head;
	uint64_t align;
} server_buf_t;

mach_msg_return_t
mach_msg_server_timeout(boolean_t (*demux)(mach_msg_header_t *,
					   mach_msg_header_t *),
			mach_msg_size_t max_size, mach_port_t rcv_name,
			mach_msg_option_t option, mach_msg_timeout_t timeout)
{
	/* Two buffers on the stack, 8-aligned, max_size bytes each. */
	server_buf_t bufs[2][(max_size + sizeof(server_buf_t) - 1) /
			     sizeof(server_buf_t)];
	mach_msg_header_t *request = &bufs[0][0].head;
	mach_msg_header_t *reply = &bufs[1][0].head;
	mach_msg_option_t rcv_opts = option & ~MACH_SEND_MSG;
	mach_msg_return_t mr;

	mr = mach_msg(request, MACH_RCV_MSG | rcv_opts, 0, max_size, rcv_name,
		      timeout, MACH_PORT_NULL);
	while (mr == MACH_MSG_SUCCESS) {
		mig_reply_header_t *r = (mig_reply_header_t *)reply;
		mach_msg_header_t *tmp;

		(void)demux(request, reply);
		if (r->Head.msgh_remote_port == MACH_PORT_NULL ||
		    r->RetCode == MIG_NO_REPLY) {
			mr = mach_msg(request, MACH_RCV_MSG | rcv_opts, 0,
				      max_size, rcv_name, timeout,
				      MACH_PORT_NULL);
			continue;
		}
		mr = mach_msg(reply,
			      MACH_SEND_MSG | MACH_SEND_TIMEOUT | MACH_RCV_MSG |
				      rcv_opts,
			      reply->msgh_size, max_size, rcv_name, timeout,
			      MACH_PORT_NULL);
		if (mr == MACH_SEND_TIMED_OUT || mr == MACH_SEND_INVALID_DEST) {
			/* The reply could not go: receive the next request. */
			mr = mach_msg(request, MACH_RCV_MSG | rcv_opts, 0,
				      max_size, rcv_name, timeout,
				      MACH_PORT_NULL);
			continue;
		}
		/* The next request arrived in the reply buffer. */
		tmp = request;
		request = reply;
		reply = tmp;
	}
	return mr;
}

mach_msg_return_t
mach_msg_server(boolean_t (*demux)(mach_msg_header_t *, mach_msg_header_t *),
		mach_msg_size_t max_size, mach_port_t rcv_name)
{
	return mach_msg_server_timeout(demux, max_size, rcv_name, 0, 0);
}
