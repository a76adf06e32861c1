/* SPDX-License-Identifier: MIT */
/*
 * Threads.  A thread belongs to one task (NULL for kernel threads such as
 * the idle thread) and is named in user space by its thread port.
 *
 * Locking: none yet: one CPU, and the kernel runs with interrupts disabled
 * except in the idle loop, so every field is changed by one path at a time.
 */
#ifndef _KERN_THREAD_H_
#define _KERN_THREAD_H_

#include <stdint.h>
#include <stdbool.h>
#include <mach/kern_return.h>
#include <mach/port.h>
#include <machine/pcb.h>
#include <mach/message.h>
#include <mach/thread_status.h>
#include <mach/time_value.h>

struct task;
struct ipc_port;
struct ipc_kmsg;

enum thread_state {
	TH_RUN,		/* running or on the run queue */
	TH_WAIT,	/* blocked: sleeping on a timeout, or forever */
	TH_SUSP,	/* created, not resumed yet */
	TH_DEAD,	/* terminated; freed once switched away from */
};

/* The largest message a fast-path sender copies straight to a thread. */
#define THREAD_FP_MSG_MAX	512

struct thread {
	struct pcb		pcb;		/* must stay first */
	struct task		*task;		/* NULL: kernel thread */
	struct thread		*task_next;	/* task's thread list */
	struct thread		*run_next;	/* run queue link (sched.c) */
	enum thread_state	state;
	bool			on_runq;
	unsigned		quantum;	/* ticks left (sched.c) */
	uint64_t		wakeup_tick;	/* clock.c: 0 = no timeout */
	struct thread		*timeout_next;	/* clock.c list */
	kern_return_t		wait_result;	/* why the wait ended */
	struct ipc_port		*ith_self;	/* thread port (kernel-held) */
	mach_port_name_t	ith_self_hint;	/* last name in own space */
	/* IPC waits (ipc_mqueue.c): the list the thread waits on, the
	 * result its waker left, a handed-off message. */
	struct thread		**ith_waitq;
	struct thread		*ith_wait_next;
	int			ith_wait_mr;
	struct ipc_kmsg		*ith_kmsg;
	uint32_t		ith_rcv_max;	/* receive buffer size */
	struct ipc_kmsg		*ith_kmsg_cache; /* a free small kmsg */
	struct ipc_port		*ith_room_port;	/* referenced while waiting
						 * for room in its queue */
	/* The mach_msg fast path (ipc_fastpath.c, fastpath.S): where the
	 * running thread's fast message is copied in and put in its
	 * receiver's form. */
	uint64_t		ith_fp_msg[THREAD_FP_MSG_MAX / 8];
	uint64_t		user_ticks;	/* clock ticks that found it
						 * in user mode (clock.c) */
	time_value_t		creation_time;	/* clock_read_time */
	unsigned		id;
};

/* thread_init: create the zone.  Once at boot. */
void thread_init(void);

/*
 * thread_create_user: a new suspended user thread in `task', which will start
 * at rip with rsp and rdi/rsi/rdx = a0..a2 once resumed.
 * Returns KERN_SUCCESS or KERN_RESOURCE_SHORTAGE (nothing created).
 */
kern_return_t thread_create_user(struct task *task, uint64_t rip, uint64_t rsp,
			    uint64_t a0, uint64_t a1, uint64_t a2,
			    struct thread **threadp);

/*
 * The mach.defs thread calls (served by the generated machServer.c):
 *  thread_create	a new suspended thread in `parent' with no state yet
 *			(KERN_INVALID_ARGUMENT, KERN_RESOURCE_SHORTAGE)
 *  thread_set_state	i386_THREAD_STATE of a thread that has not run yet
 *			(suspended since thread_create): KERN_INVALID_ARGUMENT
 *			for another flavor or a short count, KERN_FAILURE for
 *			a thread that ran; rip/rsp (ursp)/general registers;
 *			segments and flags are the kernel's
 *  thread_get_state	the same registers of a thread that is not running
 *  thread_terminate	destroy the thread; for the caller, no return
 *  thread_abort		end the thread's mach_msg wait, if any, with
 *			MACH_RCV_INTERRUPTED / MACH_SEND_INTERRUPTED
 *			(KERN_INVALID_ARGUMENT for NULL)
 * thread_resume is below.
 */
kern_return_t thread_create(struct task *parent, struct thread **childp);
kern_return_t thread_set_state(struct thread *thread, int flavor,
			       const thread_state_t state,
			       mach_msg_type_number_t count);
kern_return_t thread_get_state(struct thread *thread, int flavor,
			       thread_state_t state,
			       mach_msg_type_number_t *count);
kern_return_t thread_terminate(struct thread *thread);
kern_return_t thread_abort(struct thread *thread);

/* thread_create_kernel: a kernel thread (not on any run queue yet). */
struct thread *thread_create_kernel(void (*fn)(void *), void *arg);

/*
 * thread_resume (mach.defs): make a suspended thread runnable.
 * KERN_INVALID_ARGUMENT for NULL, KERN_FAILURE if it was not suspended.
 */
kern_return_t thread_resume(struct thread *thread);

/*
 * thread_destroy: take the thread off every queue and mark it dead.
 * A thread that is not running is freed now; the running one is freed
 * after the next switch (thread_continue).  Does not switch.
 */
void thread_destroy(struct thread *thread);

/*
 * thread_continue: called on the new thread right after every switch with
 * the thread switched from; frees it if it was dead.
 */
void thread_continue(struct thread *prev);

#endif /* _KERN_THREAD_H_ */
