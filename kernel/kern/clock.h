/* SPDX-License-Identifier: MIT */
/*
 * The clock: a periodic interrupt at HZ drives `clock_ticks', wakes
 * threads whose timeout expired, drives preemption, slews the time of day
 * (clock_adjust_time) and, once a second, samples the host's load
 * (host_load_update).
 */
#ifndef _KERN_CLOCK_H_
#define _KERN_CLOCK_H_

#include <stdint.h>
#include <stdbool.h>
#include <mach/time_value.h>

#define HZ	100

struct thread;

/* clock_init: start the hardware timer.  Once at boot, after pmem. */
void clock_init(void);

/* clock_interrupt: one tick.  `from_user': the tick interrupted user mode. */
void clock_interrupt(bool from_user);

/* clock_ticks: ticks since boot. */
uint64_t clock_ticks(void);

/*
 * clock_read_time: the host's time of day, at tick resolution (1/HZ s):
 * the time last given to clock_set_time plus the ticks since.  No
 * real-time clock is read at boot yet, so until clock_set_time is called
 * the time counts from the boot (0 s, 0 us).
 */
void clock_read_time(time_value_t *tv);

/*
 * clock_set_time: make clock_read_time return `tv' now and count on from
 * it.  `tv' must be normalized (0 <= microseconds < TIME_MICROS_MAX).
 */
void clock_set_time(const time_value_t *tv);

/*
 * clock_adjust_time: slew the time of day by `delta_us' microseconds
 * (rounded toward zero to a whole number of steps), one step per tick:
 * CLOCK_ADJ_STEP us, or ten times that for an adjustment above one second
 * when none was pending.  Replaces the pending adjustment; returns the
 * part of it not applied yet.  clock_adjust_pending reads that part only.
 */
#define CLOCK_ADJ_STEP	(240000 / (60 * HZ))	/* us per tick (GNU Mach's) */
int64_t clock_adjust_time(int64_t delta_us);
int64_t clock_adjust_pending(void);

/* clock_ticks_to_time: `ticks' clock ticks as a time value. */
static inline void clock_ticks_to_time(uint64_t ticks, time_value_t *tv)
{
	tv->seconds = (integer_t)(ticks / HZ);
	tv->microseconds = (integer_t)(ticks % HZ * (1000000 / HZ));
}

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
