/* SPDX-License-Identifier: MIT */
/*
 * hello - the reference system's first task, until the bootstrap server
 * lands: greets, shows what the kernel gave it (arguments, environment and
 * the names of its task, thread and host ports), and exits.
 */
#include <stdio.h>

#include <mach/mach_traps.h>

int
main(int argc, char **argv, char **envp)
{
	printf("hello: machsdk reference system, task %u thread %u host %u\n",
	       (unsigned)mach_task_self(), (unsigned)mach_thread_self(),
	       (unsigned)mach_host_self());
	for (int i = 0; i < argc; i++)
		printf("hello: argv[%d] = \"%s\"\n", i, argv[i]);
	for (int i = 0; envp != NULL && envp[i] != NULL; i++)
		printf("hello: envp[%d] = \"%s\"\n", i, envp[i]);
	printf("hello: goodbye\n");
	return 0;
}
