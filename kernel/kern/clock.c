/* SPDX-License-Identifier: MIT */
/* Clock ticks and thread timeouts (a list sorted by wakeup tick). */
#include <stddef.h>
#include <kern/clock.h>
#include <kern/thread.h>
#include <kern/sched.h>
#include <kern/host.h>
#include <kern/kprintf.h>
#include <machine/timer.h>
#include <machine/cpu_data.h>

static volatile uint64_t ticks;
static struct thread *timeout_list;

/* clock_read_time's time at tick 0, in microseconds (clock_set_time). */
static int64_t clock_epoch_us;

/* The adjustment still to apply and its step per tick (clock_adjust_time). */
static int64_t clock_adj_left_us;
static int64_t clock_adj_step_us = CLOCK_ADJ_STEP;

#define CLOCK_US_PER_TICK	(TIME_MICROS_MAX / HZ)
_Static_assert(TIME_MICROS_MAX % HZ == 0, "a tick is a whole number of us");

void clock_init(void)
{
	const char *src = timer_init(HZ);

	kprintf("machkernel: clock: %s timer at %u Hz\n", src, HZ);
}

uint64_t clock_ticks(void)
{
	return ticks;
}

void clock_read_time(time_value_t *tv)
{
	int64_t us = clock_epoch_us + (int64_t)(ticks * CLOCK_US_PER_TICK);
	int64_t sec = us / TIME_MICROS_MAX, rem = us % TIME_MICROS_MAX;

	if (rem < 0) {				/* a time set before 1970 */
		rem += TIME_MICROS_MAX;
		sec--;
	}
	tv->seconds = sec;
	tv->microseconds = (integer_t)rem;
}

void clock_set_time(const time_value_t *tv)
{
	clock_epoch_us = tv->seconds * TIME_MICROS_MAX + tv->microseconds -
			 (int64_t)(ticks * CLOCK_US_PER_TICK);
}

int64_t clock_adjust_time(int64_t delta_us)
{
	int64_t old = clock_adj_left_us;

	if (old == 0)
		clock_adj_step_us = delta_us > TIME_MICROS_MAX ||
				    delta_us < -TIME_MICROS_MAX ?
				    10 * CLOCK_ADJ_STEP : CLOCK_ADJ_STEP;
	clock_adj_left_us = delta_us / clock_adj_step_us * clock_adj_step_us;
	return old;
}

int64_t clock_adjust_pending(void)
{
	return clock_adj_left_us;
}

/* One tick's share of the pending adjustment. */
static void clock_adjust_tick(void)
{
	if (clock_adj_left_us > 0) {
		clock_epoch_us += clock_adj_step_us;
		clock_adj_left_us -= clock_adj_step_us;
	} else if (clock_adj_left_us < 0) {
		clock_epoch_us -= clock_adj_step_us;
		clock_adj_left_us += clock_adj_step_us;
	}
}

uint64_t clock_ms_to_ticks(uint64_t ms)
{
	if (ms == 0)
		return 0;
	if (ms > UINT64_MAX / HZ)
		return UINT64_MAX / 2;
	return (ms * HZ + 999) / 1000;
}

void clock_cancel(struct thread *th)
{
	for (struct thread **pp = &timeout_list; *pp != NULL;
	     pp = &(*pp)->timeout_next) {
		if (*pp == th) {
			*pp = th->timeout_next;
			break;
		}
	}
	th->timeout_next = NULL;
	th->wakeup_tick = 0;
}

int clock_sleep(uint64_t nticks)
{
	return clock_sleep_to(nticks, NULL);
}

int clock_sleep_to(uint64_t nticks, struct thread *next)
{
	struct thread *th = current_thread();

	th->state = TH_WAIT;
	th->wait_result = KERN_SUCCESS;
	if (nticks != 0) {
		struct thread **pp = &timeout_list;

		th->wakeup_tick = ticks + nticks;
		while (*pp != NULL && (*pp)->wakeup_tick <= th->wakeup_tick)
			pp = &(*pp)->timeout_next;
		th->timeout_next = *pp;
		*pp = th;
	}
	sched_block_to(next);
	return th->wait_result;
}

void clock_interrupt(bool from_user)
{
	ticks++;
	clock_adjust_tick();
	if (ticks % HZ == 0)
		host_load_update();
	while (timeout_list != NULL && timeout_list->wakeup_tick <= ticks) {
		struct thread *th = timeout_list;

		timeout_list = th->timeout_next;
		th->timeout_next = NULL;
		th->wakeup_tick = 0;
		th->state = TH_RUN;
		sched_setrun(th);
	}
	if (from_user) {
		current_thread()->user_ticks++;
		sched_tick();
	}
}
