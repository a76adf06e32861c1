/* SPDX-License-Identifier: MIT */
/*
 * The scheduler: one FIFO run queue, round robin with a quantum of
 * SCHED_QUANTUM clock ticks.  Priorities arrive in a later issue; until
 * then swtch_pri and depressing thread_switch behave as a plain yield.
 *
 * The idle thread runs when the queue is empty; it is never on the queue.
 * Conditions for every call: interrupts disabled (always true in the
 * kernel outside the idle loop's wait).
 */
#ifndef _KERN_SCHED_H_
#define _KERN_SCHED_H_

#include <stdbool.h>

struct thread;

#define SCHED_QUANTUM	5	/* ticks (50 ms at HZ = 100) */

/* sched_start: become the idle thread and run the scheduler.  No return. */
void sched_start(void) __attribute__((noreturn));

/* sched_setrun: append a runnable thread to the run queue. */
void sched_setrun(struct thread *thread);

/* sched_remove: take a thread off the run queue if it is on it. */
void sched_remove(struct thread *thread);

/*
 * sched_yield: put the current thread at the tail of the queue and run the
 * head (no-op when nothing else is runnable).  Returns true if another
 * thread was runnable.
 */
bool sched_yield(void);

/*
 * sched_handoff: run `thread' next if it is runnable (thread_switch's
 * hint), putting the current thread at the tail.  Falls back to a yield.
 */
void sched_handoff(struct thread *thread);

/*
 * sched_block: the current thread has stopped being runnable (state set by
 * the caller): switch to the next thread or the idle thread.  Returns when
 * the thread runs again (never for a dead thread).
 */
void sched_block(void);

/*
 * sched_block_to: sched_block, but run `next' (runnable, not on the run
 * queue: the IPC hand-off) if not NULL.
 */
void sched_block_to(struct thread *next);

/*
 * sched_block_continue: sched_block for a thread that blocked with a
 * continuation (machine/pcb.h: pcb.cont set, state not TH_RUN): its stack
 * is abandoned, nothing is saved.  No return.
 */
void sched_block_continue(void) __attribute__((noreturn));

/*
 * sched_handoff_continue: sched_block_continue running `next' (TH_RUN,
 * just woken by the caller, not the current thread) rather than the head
 * of the run queue.  No return.
 */
void sched_handoff_continue(struct thread *next) __attribute__((noreturn));

/* sched_tick: a clock tick from user mode; preempts at quantum end. */
void sched_tick(void);

/* sched_idle_thread: the idle thread. */
struct thread *sched_idle_thread(void);

#endif /* _KERN_SCHED_H_ */
