/* SPDX-License-Identifier: MIT */
/* Thread creation, termination and reaping. */
#include <stddef.h>
#include <kern/thread.h>
#include <kern/task.h>
#include <kern/sched.h>
#include <kern/clock.h>
#include <kern/zalloc.h>
#include <kern/panic.h>
#include <ipc/ipc_port.h>
#include <ipc/ipc_mqueue.h>
#include <kern/kstring.h>
#include <mach/thread_status.h>
#include <mach/thread_info.h>
#include <mach/policy.h>
#include <mach/mig_errors.h>
#include "machServer.h"
#include "mach_hostServer.h"

static zone_t thread_zone;
static unsigned thread_next_id;

void thread_init(void)
{
	thread_zone = zone_create("threads", sizeof(struct thread), 0);
}

static struct thread *thread_alloc(void)
{
	struct thread *th = zalloc(thread_zone);

	if (th == NULL)
		return NULL;
	if (pcb_init(&th->pcb) != 0) {
		zfree(thread_zone, th);
		return NULL;
	}
	th->task = NULL;
	th->task_next = NULL;
	th->run_next = NULL;
	th->state = TH_SUSP;
	th->on_runq = false;
	th->quantum = SCHED_QUANTUM;
	th->wakeup_tick = 0;
	th->timeout_next = NULL;
	th->wait_result = KERN_SUCCESS;
	th->ith_self = NULL;
	th->ith_self_hint = MACH_PORT_NULL;
	th->ith_waitq = NULL;
	th->ith_wait_next = NULL;
	th->ith_wait_mr = 0;
	th->ith_kmsg = NULL;
	th->ith_rcv_max = 0;
	th->ith_kmsg_cache = NULL;
	th->ith_room_port = NULL;
	th->user_ticks = 0;
	clock_read_time(&th->creation_time);
	th->id = ++thread_next_id;
	return th;
}

static void thread_free(struct thread *th)
{
	pcb_free(&th->pcb);
	zfree(thread_zone, th);
}

kern_return_t thread_create_user(struct task *task, uint64_t rip, uint64_t rsp,
			    uint64_t a0, uint64_t a1, uint64_t a2,
			    struct thread **threadp)
{
	struct thread *th = thread_alloc();

	if (th == NULL)
		return KERN_RESOURCE_SHORTAGE;
	th->ith_self = ipc_port_alloc_kernel(IKOT_THREAD, th);
	if (th->ith_self == NULL) {
		thread_free(th);
		return KERN_RESOURCE_SHORTAGE;
	}
	pcb_setup_user(&th->pcb, task->map, rip, rsp, a0, a1, a2);
	th->task = task;
	th->task_next = task->threads;
	task->threads = th;
	task->thread_count++;
	*threadp = th;
	return KERN_SUCCESS;
}

struct thread *thread_create_kernel(void (*fn)(void *), void *arg)
{
	struct thread *th = thread_alloc();

	if (th == NULL)
		panic("thread_create_kernel: out of memory");
	pcb_setup_kernel(&th->pcb, fn, arg);
	return th;
}

kern_return_t thread_resume(struct thread *thread)
{
	if (thread == NULL)
		return KERN_INVALID_ARGUMENT;
	if (thread->state != TH_SUSP)
		return KERN_FAILURE;
	thread->state = TH_RUN;
	sched_setrun(thread);
	return KERN_SUCCESS;
}

void thread_destroy(struct thread *thread)
{
	struct task *task = thread->task;

	sched_remove(thread);
	clock_cancel(thread);
	ipc_thread_terminate(thread);
	if (task != NULL) {
		struct thread **pp = &task->threads;

		while (*pp != NULL && *pp != thread)
			pp = &(*pp)->task_next;
		if (*pp == thread) {
			*pp = thread->task_next;
			task->thread_count--;
			task->dead_user_ticks += thread->user_ticks;
		}
		thread->task = NULL;
	}
	if (thread->ith_self != NULL) {
		ipc_port_destroy(thread->ith_self);
		thread->ith_self = NULL;
	}
	thread->state = TH_DEAD;
	if (thread != current_thread())
		thread_free(thread);
}

kern_return_t thread_create(struct task *parent, struct thread **childp)
{
	if (parent == NULL || !parent->active)
		return KERN_INVALID_ARGUMENT;
	return thread_create_user(parent, 0, 0, 0, 0, 0, childp);
}

kern_return_t thread_set_state(struct thread *thread, int flavor,
			       const thread_state_t state,
			       mach_msg_type_number_t count)
{
	struct i386_thread_state st;
	struct trap_frame *tf;

	if (thread == NULL || flavor != i386_THREAD_STATE ||
	    count < i386_THREAD_STATE_COUNT)
		return KERN_INVALID_ARGUMENT;
	if (thread->state != TH_SUSP)
		return KERN_FAILURE;
	memcpy(&st, state, sizeof(st));
	tf = pcb_user_frame(&thread->pcb);
	tf->r8 = st.r8; tf->r9 = st.r9; tf->r10 = st.r10; tf->r11 = st.r11;
	tf->r12 = st.r12; tf->r13 = st.r13; tf->r14 = st.r14; tf->r15 = st.r15;
	tf->rdi = st.rdi; tf->rsi = st.rsi; tf->rbp = st.rbp; tf->rbx = st.rbx;
	tf->rdx = st.rdx; tf->rcx = st.rcx; tf->rax = st.rax;
	tf->rip = st.rip;
	tf->rsp = st.ursp;
	return KERN_SUCCESS;
}

kern_return_t thread_get_state(struct thread *thread, int flavor,
			       thread_state_t state,
			       mach_msg_type_number_t *count)
{
	struct i386_thread_state st;
	struct trap_frame *tf;

	if (thread == NULL || flavor != i386_THREAD_STATE ||
	    *count < i386_THREAD_STATE_COUNT)
		return KERN_INVALID_ARGUMENT;
	tf = pcb_user_frame(&thread->pcb);
	memset(&st, 0, sizeof(st));
	st.r8 = tf->r8; st.r9 = tf->r9; st.r10 = tf->r10; st.r11 = tf->r11;
	st.r12 = tf->r12; st.r13 = tf->r13; st.r14 = tf->r14; st.r15 = tf->r15;
	st.rdi = tf->rdi; st.rsi = tf->rsi; st.rbp = tf->rbp; st.rbx = tf->rbx;
	st.rdx = tf->rdx; st.rcx = tf->rcx; st.rax = tf->rax;
	st.rip = tf->rip;
	st.cs = (unsigned int)tf->cs;
	st.rfl = tf->rflags;
	st.ursp = tf->rsp;
	st.rsp = tf->rsp;
	st.ss = (unsigned int)tf->ss;
	memcpy(state, &st, sizeof(st));
	*count = i386_THREAD_STATE_COUNT;
	return KERN_SUCCESS;
}

kern_return_t thread_terminate(struct thread *thread)
{
	if (thread == NULL || thread->task == NULL)
		return KERN_INVALID_ARGUMENT;
	thread_destroy(thread);
	if (thread == current_thread())
		sched_block();			/* no return */
	return KERN_SUCCESS;
}

kern_return_t thread_abort(struct thread *thread)
{
	if (thread == NULL)
		return KERN_INVALID_ARGUMENT;
	(void)ipc_thread_abort(thread);
	return KERN_SUCCESS;
}

/*
 * thread_info (mach.defs): information about `thread' by flavor into
 * `info' of *count integers; *count becomes the flavor's exact size.
 *   THREAD_BASIC_INFO  run_state from the scheduler state (TH_RUN: RUNNING,
 *                      TH_WAIT: WAITING, TH_SUSP: STOPPED, TH_DEAD:
 *                      HALTED), suspend_count 1 for a thread created
 *                      suspended and not resumed yet, else 0, priorities
 *                      TASK_PRIORITY_USER, flags TH_FLAGS_IDLE for the
 *                      idle thread; user_time sampled by the clock (the
 *                      ticks that found the thread in user mode),
 *                      creation_time; system_time 0 (the kernel is not
 *                      preemptible: no tick ever finds a thread in it),
 *                      cpu_usage and sleep_time 0 (no scheduler
 *                      statistics yet)
 *   THREAD_SCHED_INFO  POLICY_TIMESHARE, data 0, base, max and current
 *                      priority TASK_PRIORITY_USER, not depressed
 *                      (depress_priority -1), last_processor 0
 * KERN_INVALID_ARGUMENT (as GNU Mach) for a null thread, another flavor or
 * a count below the flavor's size.  Nothing is written on error.
 */
kern_return_t thread_info(thread_t thread, int flavor, thread_info_t info,
			  mach_msg_type_number_t *count)
{
	if (thread == NULL)
		return KERN_INVALID_ARGUMENT;
	switch (flavor) {
	case THREAD_BASIC_INFO: {
		thread_basic_info_t basic = (thread_basic_info_t)info;

		if (*count < THREAD_BASIC_INFO_COUNT)
			return KERN_INVALID_ARGUMENT;
		memset(basic, 0, sizeof(*basic));
		basic->base_priority = TASK_PRIORITY_USER;
		basic->cur_priority = TASK_PRIORITY_USER;
		switch (thread->state) {
		case TH_RUN:
			basic->run_state = TH_STATE_RUNNING;
			break;
		case TH_WAIT:
			basic->run_state = TH_STATE_WAITING;
			break;
		case TH_SUSP:
			basic->run_state = TH_STATE_STOPPED;
			basic->suspend_count = 1;
			break;
		case TH_DEAD:
			basic->run_state = TH_STATE_HALTED;
			break;
		}
		if (thread == sched_idle_thread())
			basic->flags = TH_FLAGS_IDLE;
		clock_ticks_to_time(thread->user_ticks, &basic->user_time);
		basic->creation_time = thread->creation_time;
		*count = THREAD_BASIC_INFO_COUNT;
		return KERN_SUCCESS;
	}
	case THREAD_SCHED_INFO: {
		thread_sched_info_t sched = (thread_sched_info_t)info;

		if (*count < THREAD_SCHED_INFO_COUNT)
			return KERN_INVALID_ARGUMENT;
		sched->policy = POLICY_TIMESHARE;
		sched->data = 0;
		sched->base_priority = TASK_PRIORITY_USER;
		sched->max_priority = TASK_PRIORITY_USER;
		sched->cur_priority = TASK_PRIORITY_USER;
		sched->depressed = FALSE;
		sched->depress_priority = -1;
		sched->last_processor = 0;
		*count = THREAD_SCHED_INFO_COUNT;
		return KERN_SUCCESS;
	}
	default:
		return KERN_INVALID_ARGUMENT;
	}
}

/*
 * ---- mach_host.defs thread routines the kernel does not implement yet --
 *
 * thread_assign, thread_assign_default, thread_get_assignment need
 * processor sets; thread_priority, thread_max_priority, thread_policy,
 * thread_depress_abort need priorities (and priority depression) in the
 * scheduler; thread_wire needs a reserved page pool for the VM-privileged
 * threads it marks.  Each answers MIG_BAD_ID whatever its arguments (see
 * kern/host.c).
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"

kern_return_t thread_assign(thread_t thread, processor_set_t new_set)
{
	return MIG_BAD_ID;
}

kern_return_t thread_assign_default(thread_t thread)
{
	return MIG_BAD_ID;
}

kern_return_t thread_get_assignment(thread_t thread,
				    processor_set_t *assigned_set)
{
	return MIG_BAD_ID;
}

kern_return_t thread_priority(thread_t thread, int priority, boolean_t set_max)
{
	return MIG_BAD_ID;
}

kern_return_t thread_max_priority(thread_t thread, processor_set_t set,
				  int max_priority)
{
	return MIG_BAD_ID;
}

kern_return_t thread_policy(thread_t thread, int policy, int data)
{
	return MIG_BAD_ID;
}

kern_return_t thread_depress_abort(thread_t thread)
{
	return MIG_BAD_ID;
}

kern_return_t thread_wire(host_t host_priv, thread_t thread, boolean_t wired)
{
	return MIG_BAD_ID;
}

#pragma GCC diagnostic pop

void thread_continue(struct thread *prev)
{
	if (prev != NULL && prev != current_thread() && prev->state == TH_DEAD)
		thread_free(prev);
}
