/* SPDX-License-Identifier: MIT */
/*
 * bad: traps the kernel must refuse with an error code, never a fault:
 * unknown trap numbers (KERN_INVALID_ARGUMENT, as GNU Mach's kern_invalid
 * returns) and mach_msg_trap with a bad header pointer
 * (MACH_SEND_INVALID_DATA: the header cannot be copied in), a destination
 * that is not the task port (MACH_SEND_INVALID_DEST, boot contract), a
 * send size below the header's or not a multiple of 4
 * (MACH_SEND_MSG_TOO_SMALL) or a disposition that is no port right type
 * (MACH_SEND_INVALID_HEADER).
 */
#include <stdint.h>

#include <mach/mach_traps.h>
#include <mach/message.h>

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
	MT_EXPECT_KR(send_header(&msg), MACH_SEND_INVALID_DEST,
		     "task_terminate sent to the host port");
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
