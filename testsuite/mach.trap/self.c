/* SPDX-License-Identifier: MIT */
/*
 * self: mach_task_self, mach_thread_self and mach_host_self return valid,
 * distinct names that stay the same from call to call.
 */
#include <mach/mach_traps.h>

#include "mt.h"

static int
valid(mach_port_t name)
{
	return name != MACH_PORT_NULL && name != (mach_port_t)~0u;
}

int
main(void)
{
	mach_port_t task = mach_task_self();
	mach_port_t thread = mach_thread_self();
	mach_port_t host = mach_host_self();

	MT_BEGIN("trap/self", 9);
	MT_CHECK(valid(task), "mach_task_self is a valid name");
	MT_CHECK(valid(thread), "mach_thread_self is a valid name");
	MT_CHECK(valid(host), "mach_host_self is a valid name");
	MT_CHECK(task != thread, "task and thread names differ");
	MT_CHECK(task != host, "task and host names differ");
	MT_CHECK(thread != host, "thread and host names differ");

	int same_task = 1, same_thread = 1, same_host = 1;
	for (int i = 0; i < 3; i++) {
		same_task &= mach_task_self() == task;
		same_thread &= mach_thread_self() == thread;
		same_host &= mach_host_self() == host;
	}
	MT_CHECK(same_task, "mach_task_self is stable across calls");
	MT_CHECK(same_thread, "mach_thread_self is stable across calls");
	MT_CHECK(same_host, "mach_host_self is stable across calls");
	return MT_END();
}
