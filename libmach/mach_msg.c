/* SPDX-License-Identifier: MIT */
/*
 * mach_msg.c: mach_msg(), the trap with restarts.
 *
 * An interrupted send is sent again; an interrupted receive (the send, if
 * any, already done) is restarted as a receive only.  MACH_SEND_INTERRUPT
 * and MACH_RCV_INTERRUPT ask for the interruption to be returned instead.
 */
#include <mach/message.h>

mach_msg_return_t
mach_msg(mach_msg_header_t *msg, mach_msg_option_t option,
	 mach_msg_size_t send_size, mach_msg_size_t rcv_size,
	 mach_port_name_t rcv_name, mach_msg_timeout_t timeout,
	 mach_port_name_t notify)
{
	mach_msg_return_t mr;

	mr = mach_msg_trap(msg, option, send_size, rcv_size, rcv_name, timeout,
			   notify);
	if (mr == MACH_MSG_SUCCESS)
		return mr;
	if ((option & MACH_SEND_INTERRUPT) == 0)
		while (mr == MACH_SEND_INTERRUPTED)
			mr = mach_msg_trap(msg, option, send_size, rcv_size,
					   rcv_name, timeout, notify);
	if ((option & MACH_RCV_INTERRUPT) == 0)
		while (mr == MACH_RCV_INTERRUPTED)
			mr = mach_msg_trap(msg, option & ~MACH_SEND_MSG, 0,
					   rcv_size, rcv_name, timeout, notify);
	return mr;
}

/* The name glibc's own code calls it by. */
extern __typeof__(mach_msg) __mach_msg __attribute__((alias("mach_msg")));
