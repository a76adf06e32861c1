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
	th->id = ++thread_next_id;
	return th;
}

static void thread_free(struct thread *th)
{
	pcb_free(&th->pcb);
	zfree(thread_zone, th);
}

kern_return_t thread_create(struct task *task, uint64_t rip, uint64_t rsp,
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
	pcb_setup_user(&th->pcb, rip, rsp, a0, a1, a2);
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

void thread_resume(struct thread *thread)
{
	if (thread->state == TH_SUSP) {
		thread->state = TH_RUN;
		sched_setrun(thread);
	}
}

void thread_terminate(struct thread *thread)
{
	struct task *task = thread->task;

	sched_remove(thread);
	clock_cancel(thread);
	if (task != NULL) {
		struct thread **pp = &task->threads;

		while (*pp != NULL && *pp != thread)
			pp = &(*pp)->task_next;
		if (*pp == thread) {
			*pp = thread->task_next;
			task->thread_count--;
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

void thread_continue(struct thread *prev)
{
	if (prev != NULL && prev != current_thread() && prev->state == TH_DEAD)
		thread_free(prev);
}

void thread_ast(void)
{
	sched_yield();
}
