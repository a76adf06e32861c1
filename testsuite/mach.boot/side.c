/* SPDX-License-Identifier: MIT */
/*
 * side: one of several tasks running side by side (side.exp boots it
 * twice as "side.elf a" and "side.elf b"; fault.exp next to a faulting
 * task).  Each instance reports under its own area, boot/side-NAME, so the
 * verdicts of both can interleave on the console.
 *
 * With a second argument "wait", the task sleeps 100 ms (thread_switch
 * with SWITCH_OPTION_WAIT) before its last case, so that it outlives a
 * companion; without it, it checks that its swtch() traps did switch.
 *
 * Each instance also keeps its own value in %xmm8 across swtch() traps:
 * with two instances taking turns, that holds only if the kernel switches
 * the SSE state with the task.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <mach/mach_traps.h>
#include <mach/thread_switch.h>

#include "mt.h"

/*
 * Put v in %xmm8, trap to swtch, return what %xmm8 holds afterwards;
 * *switched is swtch's result (TRUE: another thread ran meanwhile).
 */
static uint64_t
xmm8_across_swtch(uint64_t v, long *switched)
{
	uint64_t out;

	__asm__ volatile("movq %[v], %%xmm8\n\t"
			 "syscall\n\t"
			 "movq %%xmm8, %[out]"
			 : [out] "=r"(out), "=a"(*switched)
			 : [v] "r"(v), "a"(-60L)	/* swtch */
			 : "rcx", "r11", "xmm8", "memory");
	return out;
}

int
main(int argc, char **argv)
{
	const char *name = argc > 1 ? argv[1] : "x";
	int wait = argc > 2 && strcmp(argv[2], "wait") == 0;
	char area[32];
	mach_port_t task = mach_task_self();
	unsigned long sum = 0;

	uint64_t seed = 0x51de0000u;
	int xmm_kept = 1, switches = 0;

	snprintf(area, sizeof area, "boot/side-%s", name);
	MT_BEGIN(area, 5);
	MT_CHECK(task != MACH_PORT_NULL, "%s: has a task port", name);
	/* Yield a few times so the instances really take turns. */
	for (int i = 0; i < 20; i++) {
		(void)swtch();
		sum += (unsigned long)i;
	}
	MT_EXPECT_EQ_MSG(sum, 190, "%s: survives 20 context switches", name);
	for (const char *p = name; *p != '\0'; p++)
		seed = seed * 131 + (unsigned char)*p;
	for (uint64_t i = 0; i < 20; i++) {
		long switched;

		xmm_kept &= xmm8_across_swtch(seed + i, &switched) == seed + i;
		switches += switched != 0;
	}
	MT_CHECK(xmm_kept, "%s: %%xmm8 survives 20 swtch() traps", name);
	if (wait)
		MT_EXPECT_KR(thread_switch(MACH_PORT_NULL, SWITCH_OPTION_WAIT,
					   100),
			     KERN_SUCCESS, "%s: sleeps 100 ms", name);
	else
		/* Side by side with another instance: the traps did switch. */
		MT_CHECK(switches > 0, "%s: another task ran between the traps",
			 name);
	MT_EXPECT_EQ_MSG(mach_task_self(), task, "%s: task port unchanged",
			 name);
	return MT_END();
}
