/* SPDX-License-Identifier: MIT */
/*
 * sched: swtch, swtch_pri and thread_switch.  The task runs alone, so
 * swtch and swtch_pri find no other thread to run and return FALSE (Mach:
 * they return whether other threads were runnable).  thread_switch with
 * SWITCH_OPTION_WAIT sleeps on the clock: that it returns at all shows the
 * timer ticks, and the guest's time stamp counter has moved meanwhile.
 */
#include <stdint.h>

#include <mach/mach_traps.h>
#include <mach/thread_switch.h>

#include "mt.h"

int
main(void)
{
	uint64_t t0, t1;

	MT_BEGIN("trap/sched", 9);
	MT_EXPECT_EQ_MSG(swtch(), 0, "swtch alone returns FALSE");
	MT_EXPECT_EQ_MSG(swtch_pri(0), 0, "swtch_pri alone returns FALSE");
	MT_EXPECT_KR(thread_switch(MACH_PORT_NULL, SWITCH_OPTION_NONE, 0),
		     KERN_SUCCESS, "thread_switch NONE");
	MT_EXPECT_KR(thread_switch(MACH_PORT_NULL, SWITCH_OPTION_DEPRESS, 10),
		     KERN_SUCCESS, "thread_switch DEPRESS 10 ms");
	MT_EXPECT_KR(thread_switch(mach_thread_self(), SWITCH_OPTION_NONE, 0),
		     KERN_SUCCESS, "thread_switch to itself");
	MT_EXPECT_KR(thread_switch(MACH_PORT_NULL, 7, 0), KERN_INVALID_ARGUMENT,
		     "thread_switch with an unknown option");
	MT_EXPECT_KR(thread_switch(MACH_PORT_NULL, -1, 0),
		     KERN_INVALID_ARGUMENT, "thread_switch with option -1");

	t0 = mt_rdtsc();
	MT_EXPECT_KR(thread_switch(MACH_PORT_NULL, SWITCH_OPTION_WAIT, 30),
		     KERN_SUCCESS, "thread_switch WAIT 30 ms returns");
	t1 = mt_rdtsc();
	MT_CHECK(t1 > t0, "the time stamp counter advanced across the wait");
	return MT_END();
}
