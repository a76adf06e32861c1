/* SPDX-License-Identifier: MIT */
/*
 * nospace: a task's IPC space is bounded: allocating dead names (through
 * the generated mach_port_allocate stub) ends in KERN_NO_SPACE (or
 * KERN_RESOURCE_SHORTAGE when the kernel runs out first), and the space
 * still works after the names are freed.
 */
#include "../mach.ipc/ipc_test.h"
#include <stdio.h>

#include "mt.h"

#define MAX_TRIES 200000

static mach_port_t names[MAX_TRIES];

static void
test_no_space(void)
{
	mach_port_t self = mach_task_self(), p = MACH_PORT_NULL;
	kern_return_t kr = KERN_SUCCESS;
	int n = 0;

	while (n < MAX_TRIES) {
		kr = mach_port_allocate(self, MACH_PORT_RIGHT_DEAD_NAME, &p);
		if (kr != KERN_SUCCESS)
			break;
		names[n++] = p;
	}
	MT_CHECK(kr == KERN_NO_SPACE || kr == KERN_RESOURCE_SHORTAGE,
		 "allocating names until the space is full ends in "
		 "KERN_NO_SPACE");
	printf("nospace: %d names allocated\n", n);
	for (int i = 0; i < n; i++)
		(void)mach_port_mod_refs(self, names[i],
					 MACH_PORT_RIGHT_DEAD_NAME, -1);
	kr = mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &p);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "after freeing them, allocate works");
}

int
main(void)
{
	MT_BEGIN("port/nospace", 2);
	test_no_space();
	return MT_END();
}
