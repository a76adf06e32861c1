/* SPDX-License-Identifier: MIT */
/*
 * Round-robin scheduler.  The run queue holds runnable threads other than
 * the running one; the running thread is current_thread().
 */
#include <stddef.h>
#include <kern/sched.h>
#include <kern/thread.h>
#include <kern/task.h>
#include <kern/panic.h>
#include <machine/machine.h>
#include <machine/pcb.h>

static struct thread *runq_head;
static struct thread *runq_tail;
static struct thread *idle_thread;

static void runq_enqueue(struct thread *th)
{
	th->run_next = NULL;
	th->on_runq = true;
	if (runq_tail != NULL)
		runq_tail->run_next = th;
	else
		runq_head = th;
	runq_tail = th;
}

void sched_setrun(struct thread *th)
{
	if (th->on_runq || th == current_thread() || th == idle_thread)
		return;
	runq_enqueue(th);
}

void sched_remove(struct thread *th)
{
	struct thread *prev = NULL;

	if (!th->on_runq)
		return;
	for (struct thread *t = runq_head; t != NULL; prev = t, t = t->run_next) {
		if (t != th)
			continue;
		if (prev != NULL)
			prev->run_next = t->run_next;
		else
			runq_head = t->run_next;
		if (runq_tail == t)
			runq_tail = prev;
		break;
	}
	th->on_runq = false;
	th->run_next = NULL;
}

static struct thread *runq_dequeue(void)
{
	struct thread *th = runq_head;

	if (th == NULL)
		return NULL;
	runq_head = th->run_next;
	if (runq_head == NULL)
		runq_tail = NULL;
	th->on_runq = false;
	th->run_next = NULL;
	return th;
}

/* Switch from the current thread to `next' (not on the queue). */
static void sched_switch_to(struct thread *next)
{
	struct thread *cur = current_thread();
	struct thread *prev;

	if (next == cur)
		return;
	next->quantum = SCHED_QUANTUM;
	prev = pcb_switch(cur, &cur->pcb, next, &next->pcb,
			  next->task != NULL ? next->task->map : NULL);
	thread_continue(prev);
}

bool sched_yield(void)
{
	struct thread *cur = current_thread();
	struct thread *next = runq_dequeue();

	if (next == NULL) {
		cur->quantum = SCHED_QUANTUM;
		return false;
	}
	if (cur != idle_thread && cur->state == TH_RUN)
		runq_enqueue(cur);
	sched_switch_to(next);
	return true;
}

void sched_handoff(struct thread *th)
{
	struct thread *cur = current_thread();

	if (th == NULL || th == cur || th->state != TH_RUN || !th->on_runq) {
		sched_yield();
		return;
	}
	sched_remove(th);
	if (cur != idle_thread && cur->state == TH_RUN)
		runq_enqueue(cur);
	sched_switch_to(th);
}

void sched_block(void)
{
	struct thread *next = runq_dequeue();

	sched_switch_to(next != NULL ? next : idle_thread);
}

void sched_block_to(struct thread *next)
{
	if (next == NULL || next->state != TH_RUN) {
		sched_block();
		return;
	}
	if (next->on_runq)
		sched_remove(next);
	sched_switch_to(next);
}

void sched_handoff_continue(struct thread *next)
{
	struct thread *cur = current_thread();

	if (next->on_runq)		/* not expected: be safe */
		sched_remove(next);
	next->quantum = SCHED_QUANTUM;
	pcb_load(cur, next, &next->pcb,
		 next->task != NULL ? next->task->map : NULL);
}

void sched_block_continue(void)
{
	struct thread *next = runq_dequeue();

	sched_handoff_continue(next != NULL ? next : idle_thread);
}

void sched_tick(void)
{
	struct thread *cur = current_thread();

	if (cur == idle_thread)
		return;
	if (cur->quantum > 0)
		cur->quantum--;
	if (cur->quantum == 0)
		sched_yield();
}

struct thread *sched_idle_thread(void)
{
	return idle_thread;
}

/*
 * The boot context becomes the idle thread: it keeps the boot stack and
 * waits for interrupts whenever nothing is runnable.
 */
void sched_start(void)
{
	static struct thread idle_store;

	idle_thread = &idle_store;
	idle_thread->state = TH_RUN;
	idle_thread->task = NULL;
	cpu0.active_thread = idle_thread;
	for (;;) {
		struct thread *next = runq_dequeue();

		if (next != NULL)
			sched_switch_to(next);
		else
			arch_idle();
	}
}
