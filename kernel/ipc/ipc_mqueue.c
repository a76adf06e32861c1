/* SPDX-License-Identifier: MIT */
/* Message queues, hand-off to waiting receivers, blocking. */
#include <stddef.h>
#include <ipc/ipc_mqueue.h>
#include <ipc/ipc_port.h>
#include <ipc/ipc_pset.h>
#include <ipc/ipc_kmsg.h>
#include <kern/ipc_kobject.h>
#include <kern/thread.h>
#include <kern/sched.h>
#include <kern/clock.h>
#include <kern/panic.h>
#include <machine/cpu_data.h>

/* ---- wait lists ---------------------------------------------------------- */

static void waitq_append(struct thread **head, struct thread *th)
{
	struct thread **pp = head;

	if (*pp == NULL) {		/* the common case: alone */
		th->ith_wait_next = NULL;
		th->ith_waitq = head;
		*pp = th;
		return;
	}

	while (*pp != NULL)
		pp = &(*pp)->ith_wait_next;
	th->ith_wait_next = NULL;
	th->ith_waitq = head;
	*pp = th;
}

static void waitq_remove(struct thread *th)
{
	struct thread **pp = th->ith_waitq;

	if (pp == NULL)
		return;
	while (*pp != NULL && *pp != th)
		pp = &(*pp)->ith_wait_next;
	if (*pp == th)
		*pp = th->ith_wait_next;
	th->ith_waitq = NULL;
	th->ith_wait_next = NULL;
}

void ipc_mqueue_unwait(struct thread *th)
{
	waitq_remove(th);
}

static struct thread *waitq_first(struct thread **head)
{
	struct thread *th = *head;

	if (th != NULL)
		waitq_remove(th);
	return th;
}

/* Make a waiting thread runnable with wait result `mr'. */
static void ipc_thread_wake(struct thread *th, mach_msg_return_t mr,
			    bool defer)
{
	if (th->wakeup_tick != 0)
		clock_cancel(th);
	th->ith_wait_mr = mr;
	th->state = TH_RUN;
	if (!defer)
		sched_setrun(th);
}

static void wake_all(struct thread **head, mach_msg_return_t mr)
{
	struct thread *th;

	while ((th = waitq_first(head)) != NULL)
		ipc_thread_wake(th, mr, false);
}

/* ---- the queue ----------------------------------------------------------- */

static void kmsg_enqueue(struct ipc_port *port, struct ipc_kmsg *kmsg)
{
	kmsg->ikm_next = NULL;
	if (port->ip_messages.ikmq_tail != NULL)
		port->ip_messages.ikmq_tail->ikm_next = kmsg;
	else
		port->ip_messages.ikmq_head = kmsg;
	port->ip_messages.ikmq_tail = kmsg;
	port->ip_msgcount++;
}

static struct ipc_kmsg *kmsg_dequeue(struct ipc_port *port)
{
	struct ipc_kmsg *kmsg = port->ip_messages.ikmq_head;
	struct thread *th;

	if (kmsg == NULL)
		return NULL;
	port->ip_messages.ikmq_head = kmsg->ikm_next;
	if (port->ip_messages.ikmq_head == NULL)
		port->ip_messages.ikmq_tail = NULL;
	kmsg->ikm_next = NULL;
	port->ip_msgcount--;
	kmsg->ikm_header.msgh_seqno = port->ip_seqno++;
	/* Room for one more: a blocked sender looks again. */
	th = waitq_first(&port->ip_snd_waiters);
	if (th != NULL)
		ipc_thread_wake(th, MACH_MSG_SUCCESS, false);
	/* A message forced in with MACH_SEND_NOTIFY is accepted now. */
	if (kmsg->ikm_marequest != NULL)
		ipc_kmsg_marequest_fire(kmsg);
	return kmsg;
}

bool ipc_mqueue_marequest_pending(struct ipc_port *port,
				  struct ipc_space *space)
{
	struct ipc_kmsg *kmsg;

	for (kmsg = port->ip_messages.ikmq_head; kmsg != NULL;
	     kmsg = kmsg->ikm_next)
		if (kmsg->ikm_marequest != NULL &&
		    kmsg->ikm_marequest->imar_space == space &&
		    kmsg->ikm_marequest->imar_named)
			return true;
	return false;
}

mach_msg_return_t ipc_mqueue_wait_port(struct ipc_port *port,
				       uint32_t max_size,
				       struct thread *handoff)
{
	struct thread *th = current_thread();

	waitq_append(&port->ip_rcv_waiters, th);
	th->ith_rcv_max = max_size;
	th->ith_wait_mr = MACH_RCV_IN_PROGRESS;
	th->ith_kmsg = NULL;
	th->state = TH_WAIT;
	sched_block_to(handoff);
	if (th->ith_wait_mr == MACH_RCV_IN_PROGRESS) {
		waitq_remove(th);
		return IPC_MQUEUE_RETRY;
	}
	return th->ith_wait_mr;
}

bool ipc_mqueue_full(struct ipc_port *port)
{
	struct thread *waiter;

	if (!port->ip_active || port->ip_receiver == IPC_SPACE_KERNEL ||
	    port->ip_msgcount < port->ip_qlimit)
		return false;
	waiter = port->ip_pset != NULL ? port->ip_pset->ips_rcv_waiters :
					 port->ip_rcv_waiters;
	return waiter == NULL;
}

struct thread *ipc_mqueue_send(struct ipc_kmsg *kmsg, bool defer)
{
	struct ipc_port *port =
		(struct ipc_port *)(uintptr_t)kmsg->ikm_header.msgh_remote_port;
	struct thread **waitq, *th;

	if (!port->ip_active ||
	    (kmsg->ikm_header.msgh_bits & MACH_MSGH_BITS_CIRCULAR)) {
		ipc_kmsg_destroy(kmsg);
		return NULL;
	}
	if (port->ip_receiver == IPC_SPACE_KERNEL) {
		struct ipc_kmsg *reply = ipc_kobject_server(kmsg);

		return reply != NULL ? ipc_mqueue_send(reply, defer) : NULL;
	}
	waitq = port->ip_pset != NULL ? &port->ip_pset->ips_rcv_waiters :
					&port->ip_rcv_waiters;
	th = waitq_first(waitq);
	if (th != NULL) {
		if (kmsg->ikm_header.msgh_size <= th->ith_rcv_max) {
			kmsg->ikm_header.msgh_seqno = port->ip_seqno++;
			th->ith_kmsg = kmsg;
			ipc_thread_wake(th, MACH_MSG_SUCCESS, defer);
			return th;
		}
		kmsg_enqueue(port, kmsg);
		ipc_thread_wake(th, IPC_MQUEUE_RETRY, false);
		return NULL;
	}
	kmsg_enqueue(port, kmsg);
	return NULL;
}

mach_msg_return_t ipc_mqueue_wait_room(struct ipc_port *port, uint64_t ticks)
{
	struct thread *th = current_thread();
	mach_msg_return_t mr;

	ipc_port_reference(port);	/* its list holds us: keep it */
	th->ith_room_port = port;
	waitq_append(&port->ip_snd_waiters, th);
	th->ith_wait_mr = MACH_SEND_IN_PROGRESS;
	clock_sleep(ticks);
	mr = th->ith_wait_mr;
	waitq_remove(th);
	th->ith_room_port = NULL;
	ipc_port_release(port);
	if (mr == MACH_SEND_IN_PROGRESS)
		return MACH_SEND_TIMED_OUT;
	return mr == MACH_SEND_INTERRUPTED ? mr : MACH_MSG_SUCCESS;
}

/* The port a receive on `object' would take a message from, or NULL. */
static struct ipc_port *mqueue_ready(void *object, bool is_pset)
{
	struct ipc_port *port;

	if (!is_pset) {
		port = object;
		return port->ip_messages.ikmq_head != NULL ? port : NULL;
	}
	for (port = ((struct ipc_pset *)object)->ips_members; port != NULL;
	     port = port->ip_pset_next)
		if (port->ip_messages.ikmq_head != NULL)
			return port;
	return NULL;
}

mach_msg_return_t ipc_mqueue_receive(void *object, bool is_pset,
				     uint32_t max_size, bool large,
				     bool timed, uint64_t ticks,
				     struct thread *handoff,
				     struct ipc_kmsg **kmsgp,
				     uint32_t *sizep)
{
	struct thread *th = current_thread();
	uint64_t deadline = timed ? clock_ticks() + ticks : 0;
	mach_msg_return_t mr;

	for (;;) {
		struct ipc_port *port = mqueue_ready(object, is_pset);

		if (port != NULL) {
			struct ipc_kmsg *kmsg = port->ip_messages.ikmq_head;

			if (handoff != NULL)
				sched_setrun(handoff);
			if (kmsg->ikm_header.msgh_size > max_size) {
				*sizep = kmsg->ikm_header.msgh_size;
				if (large)
					return MACH_RCV_TOO_LARGE;
				*kmsgp = kmsg_dequeue(port);
				return MACH_RCV_TOO_LARGE;
			}
			*kmsgp = kmsg_dequeue(port);
			return MACH_MSG_SUCCESS;
		}
		if (is_pset ? !((struct ipc_pset *)object)->ips_active :
			      !((struct ipc_port *)object)->ip_active) {
			if (handoff != NULL)
				sched_setrun(handoff);
			return MACH_RCV_PORT_DIED;
		}
		if (timed) {
			uint64_t now = clock_ticks();

			if (now >= deadline) {
				if (handoff != NULL)
					sched_setrun(handoff);
				return MACH_RCV_TIMED_OUT;
			}
			ticks = deadline - now;
		} else {
			ticks = 0;
		}
		waitq_append(is_pset ? &((struct ipc_pset *)object)->ips_rcv_waiters :
				       &((struct ipc_port *)object)->ip_rcv_waiters,
			     th);
		th->ith_rcv_max = max_size;
		th->ith_wait_mr = MACH_RCV_IN_PROGRESS;
		th->ith_kmsg = NULL;
		clock_sleep_to(ticks, handoff);
		handoff = NULL;
		mr = th->ith_wait_mr;
		if (mr == MACH_RCV_IN_PROGRESS) {
			waitq_remove(th);
			return MACH_RCV_TIMED_OUT;
		}
		if (mr == MACH_MSG_SUCCESS) {
			*kmsgp = th->ith_kmsg;
			th->ith_kmsg = NULL;
			return MACH_MSG_SUCCESS;
		}
		if (mr != IPC_MQUEUE_RETRY)
			return mr;
	}
}

void ipc_mqueue_changed(struct ipc_port *port, mach_msg_return_t mr)
{
	wake_all(&port->ip_rcv_waiters, mr);
}

void ipc_mqueue_pset_kick(struct ipc_pset *pset)
{
	struct thread *th = waitq_first(&pset->ips_rcv_waiters);

	if (th != NULL)
		ipc_thread_wake(th, IPC_MQUEUE_RETRY, false);
}

void ipc_mqueue_port_died(struct ipc_port *port)
{
	struct ipc_kmsg *kmsg;

	while ((kmsg = port->ip_messages.ikmq_head) != NULL) {
		port->ip_messages.ikmq_head = kmsg->ikm_next;
		if (port->ip_messages.ikmq_head == NULL)
			port->ip_messages.ikmq_tail = NULL;
		port->ip_msgcount--;
		ipc_kmsg_destroy(kmsg);
	}
	wake_all(&port->ip_rcv_waiters, MACH_RCV_PORT_DIED);
	wake_all(&port->ip_snd_waiters, MACH_MSG_SUCCESS);
}

void ipc_mqueue_pset_died(struct ipc_pset *pset)
{
	wake_all(&pset->ips_rcv_waiters, MACH_RCV_PORT_DIED);
}

void ipc_mqueue_qlimit_changed(struct ipc_port *port)
{
	wake_all(&port->ip_snd_waiters, MACH_MSG_SUCCESS);
}

bool ipc_thread_abort(struct thread *th)
{
	mach_msg_return_t mr;

	if (th->ith_waitq == NULL || th->state != TH_WAIT)
		return false;
	mr = th->ith_wait_mr == MACH_SEND_IN_PROGRESS ? MACH_SEND_INTERRUPTED :
							 MACH_RCV_INTERRUPTED;
	waitq_remove(th);
	ipc_thread_wake(th, mr, false);
	return true;
}

void ipc_thread_terminate(struct thread *th)
{
	waitq_remove(th);
	if (th->ith_room_port != NULL) {	/* destroyed in wait_room */
		ipc_port_release(th->ith_room_port);
		th->ith_room_port = NULL;
	}
	if (th->ith_kmsg != NULL) {
		struct ipc_kmsg *kmsg = th->ith_kmsg;

		th->ith_kmsg = NULL;
		ipc_kmsg_destroy(kmsg);
	}
	ipc_kmsg_cache_drop(th);
}
