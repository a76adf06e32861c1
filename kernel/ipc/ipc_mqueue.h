/* SPDX-License-Identifier: MIT */
/*
 * Message queues: a port's queue of kmsgs and the threads waiting on it,
 * and receiving from a port or a port set.
 *
 * A sender first looks for a waiting receiver (of the port, or of its set)
 * and hands the message straight to it; only without one does the message
 * go on the queue.  Sequence numbers are given when a message leaves the
 * queue (or is handed off).  Queue limits (ip_qlimit) apply to messages
 * sent with a send right; mach_msg checks them before the copyin, so a
 * sender blocked on a full queue still holds all its rights (with
 * MACH_SEND_NOTIFY it may then force one message past the limit: the
 * message carries a msg-accepted request, fired when it leaves the queue).
 *
 * Waiting threads are on one list at a time (thread->ith_waitq); the waker
 * sets thread->ith_wait_mr (MACH_MSG_SUCCESS with thread->ith_kmsg for a
 * handed-off message) and makes the thread runnable; a thread that wakes
 * with ith_wait_mr still MACH_RCV_IN_PROGRESS timed out.
 *
 * Conditions: one CPU, non-preemptible kernel.  Only the receive and
 * ipc_mqueue_wait block.
 */
#ifndef _IPC_IPC_MQUEUE_H_
#define _IPC_IPC_MQUEUE_H_

#include <stdint.h>
#include <stdbool.h>
#include <mach/message.h>

struct ipc_port;
struct ipc_pset;
struct ipc_kmsg;
struct ipc_space;
struct thread;

/* Internal wait result: a message was queued, look again. */
#define IPC_MQUEUE_RETRY	((mach_msg_return_t)0x1000ffff)

/*
 * ipc_mqueue_send: deliver a kernel-form kmsg to its destination port
 * (msgh_remote_port), which the caller has checked: hand it to a waiting
 * receiver or queue it.  A dead destination destroys the message, and so
 * does MACH_MSGH_BITS_CIRCULAR (a kernel-built message whose receive right
 * would close a cycle of ports in transit, ipc_kmsg_copyin_from_kernel).  A
 * message to a kernel port is served at once (ipc_kobject_server) and its
 * reply delivered the same way.  Never blocks; returns the thread woken
 * (not yet runnable when `defer' is true: the caller must run it or
 * sched_setrun it), or NULL.
 */
struct thread *ipc_mqueue_send(struct ipc_kmsg *kmsg, bool defer);

/*
 * ipc_mqueue_unwait: take the current thread off the wait list it is on,
 * if any (a wait that ended with no result).
 */
void ipc_mqueue_unwait(struct thread *th);

/*
 * ipc_mqueue_wait_port: make the current thread a receiver waiting on
 * `port' (which has no message) and block, running `handoff' if not NULL.
 * Returns the wait result: MACH_MSG_SUCCESS with thread->ith_kmsg, or
 * IPC_MQUEUE_RETRY (look again), MACH_RCV_PORT_DIED, MACH_RCV_PORT_CHANGED.
 * No timeout.
 */
mach_msg_return_t ipc_mqueue_wait_port(struct ipc_port *port,
				       uint32_t max_size,
				       struct thread *handoff);

/*
 * ipc_mqueue_full: a message sent with a send right to `port' would
 * exceed its queue limit now.
 */
bool ipc_mqueue_full(struct ipc_port *port);

/*
 * ipc_mqueue_marequest_pending: a message that `space' forced onto
 * `port''s queue with MACH_SEND_NOTIFY, while holding a name for the
 * port, is still queued there (its msg-accepted notification has not
 * gone: MACH_SEND_NOTIFY_IN_PROGRESS).  A message leaving the queue
 * fires its request (ipc_kmsg_marequest_fire).
 */
bool ipc_mqueue_marequest_pending(struct ipc_port *port,
				  struct ipc_space *space);

/*
 * ipc_mqueue_wait_room: block until `port' may have room (a message left
 * the queue, the port died or its limit changed) or `ticks' pass (0:
 * forever).  Returns MACH_MSG_SUCCESS (look again), MACH_SEND_TIMED_OUT or
 * MACH_SEND_INTERRUPTED (ipc_thread_abort).
 */
mach_msg_return_t ipc_mqueue_wait_room(struct ipc_port *port, uint64_t ticks);

/*
 * ipc_mqueue_receive: take the next message of `port' (is_pset false) or
 * of a member of `pset' that fits in `max_size' bytes, waiting up to
 * `ticks' (0 with `timed': don't wait; 0 without: forever).  `handoff' is a
 * thread the caller woke and wants to run now if it must wait.
 * Returns MACH_MSG_SUCCESS with *kmsgp, MACH_RCV_TIMED_OUT,
 * MACH_RCV_TOO_LARGE (*kmsgp: the message, dequeued; or with `large' left
 * queued and *sizep its size), MACH_RCV_PORT_DIED, MACH_RCV_PORT_CHANGED.
 */
mach_msg_return_t ipc_mqueue_receive(void *object, bool is_pset,
				     uint32_t max_size, bool large,
				     bool timed, uint64_t ticks,
				     struct thread *handoff,
				     struct ipc_kmsg **kmsgp,
				     uint32_t *sizep);

/*
 * ipc_mqueue_changed: wake the threads receiving on `port' directly with
 * `mr' (it moved into a set, or its receive right moved).
 */
void ipc_mqueue_changed(struct ipc_port *port, mach_msg_return_t mr);

/* ipc_mqueue_pset_kick: a member has messages: wake a set receiver. */
void ipc_mqueue_pset_kick(struct ipc_pset *pset);

/*
 * ipc_mqueue_port_died: destroy the queued messages of a dead port and
 * wake its receivers (MACH_RCV_PORT_DIED) and blocked senders.
 */
void ipc_mqueue_port_died(struct ipc_port *port);

/* ipc_mqueue_pset_died: wake the set's receivers with MACH_RCV_PORT_DIED. */
void ipc_mqueue_pset_died(struct ipc_pset *pset);

/* ipc_mqueue_qlimit_changed: blocked senders look again. */
void ipc_mqueue_qlimit_changed(struct ipc_port *port);

/*
 * ipc_thread_abort: if `thread' waits in mach_msg, end the wait with
 * MACH_RCV_INTERRUPTED (receive) or MACH_SEND_INTERRUPTED (waiting for
 * queue room: nothing was sent, the sender keeps its rights).  Returns
 * whether it was waiting.
 */
bool ipc_thread_abort(struct thread *thread);

/*
 * ipc_thread_terminate: take a dying thread off any wait list and free
 * its IPC buffers.
 */
void ipc_thread_terminate(struct thread *thread);

#endif /* _IPC_IPC_MQUEUE_H_ */
