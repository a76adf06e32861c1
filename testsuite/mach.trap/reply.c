/* SPDX-License-Identifier: MIT */
/*
 * reply: mach_reply_port returns a fresh name on every call, distinct from
 * the task's other names.
 */
#include <mach/mach_traps.h>

#include "mt.h"

#define NPORTS 16

int
main(void)
{
	mach_port_t ports[NPORTS];
	mach_port_t task = mach_task_self(), thread = mach_thread_self();
	mach_port_t host = mach_host_self();
	int valid = 1, distinct = 1, apart = 1;

	MT_BEGIN("trap/reply", 3);
	for (int i = 0; i < NPORTS; i++) {
		ports[i] = mach_reply_port();
		valid &= ports[i] != MACH_PORT_NULL &&
			 ports[i] != (mach_port_t)~0u;
		apart &= ports[i] != task && ports[i] != thread &&
			 ports[i] != host;
		for (int j = 0; j < i; j++)
			distinct &= ports[i] != ports[j];
	}
	MT_CHECK(valid, "%d reply ports are valid names", NPORTS);
	MT_CHECK(distinct, "%d reply ports are distinct", NPORTS);
	MT_CHECK(apart, "reply ports differ from task, thread and host");
	return MT_END();
}
