/* SPDX-License-Identifier: MIT */
/*
 * bad: traps the kernel must refuse with an error code, never a fault:
 * unknown trap numbers (KERN_INVALID_ARGUMENT, as GNU Mach's kern_invalid
 * returns) and mach_msg_trap with a bad header pointer
 * (MACH_SEND_INVALID_DATA: the header cannot be copied in), no destination
 * (MACH_SEND_INVALID_DEST), a send size below the header's or not a multiple of 4
 * (MACH_SEND_MSG_TOO_SMALL) or a disposition that is no port right type
 * (MACH_SEND_INVALID_HEADER).  A request sent to a kernel port of the
 * wrong kind (task_terminate to the host port) is delivered like any
 * other; as in GNU Mach, the routine gets a null task and answers
 * KERN_INVALID_ARGUMENT.
 */
#include <stdint.h>

#include <mach/mach_traps.h>
#include <mach/message.h>
#include <mach/mig_errors.h>

#include "mt.h"

/* Trap `number` with no arguments. */
static long
raw_trap(long number)
{
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(number)
			 : "rcx", "r11", "memory");
	return ret;
}

static mach_msg_return_t
send_sized(mach_msg_header_t *msg, mach_msg_size_t size)
{
	return mach_msg_trap(msg, MACH_SEND_MSG, size, 0, MACH_PORT_NULL,
			     MACH_MSG_TIMEOUT_NONE, MACH_PORT_NULL);
}

static mach_msg_return_t
send_header(mach_msg_header_t *msg)
{
	return send_sized(msg, sizeof(mach_msg_header_t));
}

/*
 * An RPC of `id' with an empty body to `dest': the reply's return code,
 * or the mach_msg error, or -1 for a reply that is not a bare return code.
 */
static kern_return_t
rpc_retcode(mach_port_t dest, mach_msg_id_t id)
{
	union {
		mach_msg_header_t h;
		mig_reply_header_t r;
		char room[256];
	} m = { 0 };
	mach_port_t reply = mach_reply_port();
	mach_msg_return_t mr;

	m.h.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND,
				       MACH_MSG_TYPE_MAKE_SEND_ONCE);
	m.h.msgh_size = sizeof m.h;
	m.h.msgh_remote_port = dest;
	m.h.msgh_local_port = reply;
	m.h.msgh_id = id;
	mr = mach_msg_trap(&m.h, MACH_SEND_MSG | MACH_RCV_MSG, sizeof m.h,
			   sizeof m, reply, MACH_MSG_TIMEOUT_NONE,
			   MACH_PORT_NULL);
	if (mr != MACH_MSG_SUCCESS)
		return mr;
	if (m.h.msgh_id != id + 100 || m.h.msgh_size != sizeof m.r)
		return -1;
	return m.r.RetCode;
}

int
main(void)
{
	mach_msg_header_t msg = { 0 };

	MT_BEGIN("trap/bad", 12);
	MT_EXPECT_KR(raw_trap(-1), KERN_INVALID_ARGUMENT, "trap -1");
	MT_EXPECT_KR(raw_trap(-24), KERN_INVALID_ARGUMENT, "trap -24");
	MT_EXPECT_KR(raw_trap(-100), KERN_INVALID_ARGUMENT, "trap -100");
	MT_EXPECT_KR(raw_trap(5), KERN_INVALID_ARGUMENT, "trap 5");
	MT_EXPECT_KR(raw_trap(INT64_MIN), KERN_INVALID_ARGUMENT,
		     "trap INT64_MIN");

	MT_EXPECT_KR(send_header(NULL), MACH_SEND_INVALID_DATA,
		     "mach_msg_trap with a NULL header");
	MT_EXPECT_KR(send_header((mach_msg_header_t *)0xffffffff80000000ul),
		     MACH_SEND_INVALID_DATA,
		     "mach_msg_trap with a kernel-half header");

	msg.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, 0);
	msg.msgh_size = sizeof msg;
	msg.msgh_remote_port = mach_host_self();
	msg.msgh_id = 2008;
	MT_EXPECT_KR(rpc_retcode(mach_host_self(), 2008), KERN_INVALID_ARGUMENT,
		     "task_terminate sent to the host port: KERN_INVALID_ARGUMENT reply");
	msg.msgh_remote_port = MACH_PORT_NULL;
	MT_EXPECT_KR(send_header(&msg), MACH_SEND_INVALID_DEST,
		     "a message to MACH_PORT_NULL");

	msg.msgh_remote_port = mach_task_self();
	MT_EXPECT_KR(send_sized(&msg, 16), MACH_SEND_MSG_TOO_SMALL,
		     "a send size of 16, below the header's");
	MT_EXPECT_KR(send_sized(&msg, 34), MACH_SEND_MSG_TOO_SMALL,
		     "a send size that is not a multiple of 4");
	msg.msgh_bits = MACH_MSGH_BITS(99, 0);
	MT_EXPECT_KR(send_header(&msg), MACH_SEND_INVALID_HEADER,
		     "a remote disposition that is no port right type");
	return MT_END();
}
