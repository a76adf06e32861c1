/* SPDX-License-Identifier: MIT */
/*
 * mach_msg_trap (ABI.md): send, receive, or both (an RPC: send a request,
 * then receive on the reply port, with a hand-off to the server thread the
 * send woke).  The common RPC shapes go through ipc_fastpath.c first
 * (off with the kernel word ipc_fastpath=0); it declines everything else
 * with nothing changed and this general path does it.
 *
 * Send (MACH_SEND_MSG), checked before anything changes:
 *  MACH_SEND_MSG_TOO_SMALL	send_size < 32, not a multiple of 4, or a
 *				descriptor/datum runs past the end
 *  MACH_SEND_NO_BUFFER		send_size > IPC_KMSG_SIZE_MAX, no kernel
 *				memory, out-of-line datum too big
 *  MACH_SEND_INVALID_DATA	the message cannot be read
 *  MACH_SEND_INVALID_HEADER	a header disposition that is not a send
 *				disposition (or MOVE_RECEIVE)
 *  MACH_SEND_INVALID_DEST	the destination name does not hold the right
 *				its disposition needs, or is dead
 *  MACH_SEND_INVALID_REPLY	the same for the reply port
 *  MACH_SEND_INVALID_TYPE	a port descriptor with a bad msgt_size
 *  MACH_SEND_INVALID_RIGHT	a port in the body does not hold the right
 *				(also: used up by an earlier one)
 *  MACH_SEND_INVALID_MEMORY	out-of-line memory cannot be read
 *  MACH_SEND_TIMED_OUT		MACH_SEND_TIMEOUT and the queue stayed full
 *  MACH_SEND_INTERRUPTED	thread_abort while waiting for queue room
 *				(libmach's mach_msg retries unless
 *				MACH_SEND_INTERRUPT)
 * On any of these the sender's rights and memory are as they were.  With
 * a send right, a full queue (ip_qlimit messages) blocks the sender before
 * its rights are taken; send-once rights and kernel ports never block.
 * The message is copied: out-of-line memory too (a copy for now, not
 * copy-on-write); msgt_deallocate then removes the sender's pages, but
 * only inside the region where received out-of-line memory lands
 * (ipc_kmsg_dealloc_ool) until vm_maps exist.
 * A message to a kernel port is served during the send (kern/ipc_kobject.c):
 * as in GNU Mach its msgh_id alone picks the routine, which refuses a port
 * of the wrong kind with its own error code in the reply.
 *
 * Receive (MACH_RCV_MSG) from rcv_name, a receive right or a port set:
 *  MACH_RCV_INVALID_NAME	neither
 *  MACH_RCV_IN_SET		a port that is in a set
 *  MACH_RCV_TIMED_OUT		MACH_RCV_TIMEOUT and nothing came in time
 *  MACH_RCV_TOO_LARGE		the next message is bigger than rcv_size: it
 *				is destroyed; with MACH_RCV_LARGE it stays
 *				queued and its size is written to msgh_size
 *  MACH_RCV_PORT_DIED		the port or set went away while waiting
 *  MACH_RCV_PORT_CHANGED	the port moved into a set while waiting
 *  MACH_RCV_INTERRUPTED	thread_abort while waiting (libmach's
 *				mach_msg retries unless MACH_RCV_INTERRUPT)
 *  MACH_RCV_INVALID_DATA	the buffer cannot be written (the message's
 *				rights are in the space already)
 *
 * The seventh argument, notify (read from the user stack, ABI.md), is used
 * by three options, as in Mach 3:
 *
 * MACH_SEND_CANCEL: notify names a receive right of the sender.  When the
 * send moves the destination's right out of the sender's space (MOVE_SEND
 * of its last user reference, MOVE_SEND_ONCE) and that name had a
 * dead-name request whose port-deleted notification would go to notify,
 * the request is cancelled quietly: no notification, and its send-once
 * right to notify is destroyed (no send-once notification either).  Only
 * the destination: the reply right (unless it is the destination's name,
 * moved with it) and the body's rights send their notifications as usual.
 * Checked before anything changes, in this order:
 *  MACH_SEND_INVALID_NOTIFY	notify is MACH_PORT_NULL
 *  MACH_SEND_INVALID_HEADER	as above
 *  MACH_SEND_INVALID_NOTIFY	notify does not name a receive right
 * then the destination and the rest as without the option.  The fast path
 * never takes it.
 *
 * MACH_SEND_NOTIFY: a send with a send right to a full queue waits for room
 * only until its MACH_SEND_TIMEOUT expires (not at all without it); then
 * the message is queued beyond the limit and mach_msg returns
 * MACH_SEND_WILL_NOTIFY (and does not receive).  When that message leaves
 * the queue (received, or destroyed with its port), notify gets a
 * msg-accepted notification (notify.defs, msgh_id 0102) naming the
 * destination by the sender's name for it, or MACH_PORT_NULL when the
 * sender no longer holds a send or receive right to it, had no name for it
 * when it sent, or the port is dead.  A send that does not need forcing
 * ignores notify.  Checked when the message must be forced, nothing
 * changed on error:
 *  MACH_SEND_NOTIFY_IN_PROGRESS	this space has a forced message to the
 *				port still queued (sent while holding a name
 *				for it); the message is not sent
 *  MACH_SEND_INVALID_NOTIFY	notify does not name a receive right
 *				(the notification goes to a send-once right
 *				the kernel makes from it)
 *  MACH_SEND_NO_NOTIFY		no kernel memory for the request
 *
 * MACH_RCV_NOTIFY: when the received message's reply right gets a new name
 * in the receiver's space (a send-once right, or a send right the space had
 * no name for), the kernel also registers a dead-name request for that name
 * with a send-once right made from notify (as mach_port_request_notification
 * does; mach_port_type shows MACH_PORT_TYPE_DNREQUEST).  An existing name or
 * a dead reply port gets no request.
 *  MACH_RCV_INVALID_NOTIFY	notify does not name a receive right
 *				(checked before anything is received)
 *  MACH_RCV_HEADER_ERROR|MACH_MSG_IPC_KERNEL	no kernel memory for the
 *				request: the message, taken off the queue,
 *				is destroyed (as GNU Mach does)
 * If notify's receive right goes away while the receiver waits, the message
 * is received without a request.
 *
 * Kernel-built messages (replies of kernel calls, port-destroyed
 * notifications) that would put a receive right in a message queued
 * (directly or through other ports in transit) on that very port are
 * destroyed instead of queued, so the ports do not outlive every name for
 * them (GNU Mach's MACH_MSGH_BITS_CIRCULAR).
 */
#ifndef _IPC_MACH_MSG_H_
#define _IPC_MACH_MSG_H_

#include <stdint.h>
#include <mach/message.h>

#define MACH_TASK_TERMINATE_ID	2008	/* mach.defs: task_terminate */
#define MACH_THREAD_TERMINATE_ID 2016	/* mach.defs: thread_terminate */

struct thread;

/* mach_msg_trap: the trap as fastpath.S leaves it to C (mach_msg_general). */
mach_msg_return_t mach_msg_trap(uint64_t msg, mach_msg_option_t option,
				mach_msg_size_t send_size,
				mach_msg_size_t rcv_size,
				mach_port_name_t rcv_name,
				mach_msg_timeout_t timeout);

/* mach_msg_general: the whole trap by the general path. */
mach_msg_return_t mach_msg_general(uint64_t msg, mach_msg_option_t option,
				   mach_msg_size_t send_size,
				   mach_msg_size_t rcv_size,
				   mach_port_name_t rcv_name,
				   mach_msg_timeout_t timeout);

/*
 * mach_msg_receive: the receive half by the general path, after a send
 * that woke `handoff' (run it if the receive must wait; else make it
 * runnable), or NULL.
 */
mach_msg_return_t mach_msg_receive(uint64_t msg, mach_msg_option_t option,
				   mach_msg_size_t rcv_size,
				   mach_port_name_t rcv_name,
				   mach_msg_timeout_t timeout,
				   struct thread *handoff);

#endif /* _IPC_MACH_MSG_H_ */
