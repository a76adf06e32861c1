/* SPDX-License-Identifier: MIT */
/*
 * The clock: a periodic interrupt at HZ drives `clock_ticks', wakes
 * threads whose timeout expired and drives preemption.
 */
#ifndef _KERN_CLOCK_H_
#define _KERN_CLOCK_H_

#include <stdint.h>
#include <stdbool.h>

#define HZ	100

struct thread;

/* clock_init: start the hardware timer.  Once at boot, after pmem. */
void clock_init(void);

/* clock_interrupt: one tick.  `from_user': the tick interrupted user mode. */
void clock_interrupt(bool from_user);

/* clock_ticks: ticks since boot. */
uint64_t clock_ticks(void);

/* clock_ms_to_ticks: round up; at least one tick for a nonzero time. */
uint64_t clock_ms_to_ticks(uint64_t ms);

/*
 * clock_sleep: block the current thread for `ticks' ticks (0: forever,
 * until thread_destroy).  Returns KERN_SUCCESS when the time is up.
 */
int clock_sleep(uint64_t ticks);

/*
 * clock_sleep_to: clock_sleep, switching straight to `next' (a runnable
 * thread not on the run queue, e.g. one just woken by IPC) if not NULL.
 */
int clock_sleep_to(uint64_t ticks, struct thread *next);

/* clock_cancel: take a thread off the timeout list (termination). */
void clock_cancel(struct thread *thread);

#endif /* _KERN_CLOCK_H_ */
