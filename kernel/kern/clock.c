/* SPDX-License-Identifier: MIT */
/* Clock ticks and thread timeouts (a list sorted by wakeup tick). */
#include <stddef.h>
#include <kern/clock.h>
#include <kern/thread.h>
#include <kern/sched.h>
#include <kern/kprintf.h>
#include <machine/timer.h>
#include <machine/cpu_data.h>

static volatile uint64_t ticks;
static struct thread *timeout_list;

void clock_init(void)
{
	const char *src = timer_init(HZ);

	kprintf("machkernel: clock: %s timer at %u Hz\n", src, HZ);
}

uint64_t clock_ticks(void)
{
	return ticks;
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
	while (timeout_list != NULL && timeout_list->wakeup_tick <= ticks) {
		struct thread *th = timeout_list;

		timeout_list = th->timeout_next;
		th->timeout_next = NULL;
		th->wakeup_tick = 0;
		th->state = TH_RUN;
		sched_setrun(th);
	}
	if (from_user)
		sched_tick();
}
