/* SPDX-License-Identifier: MIT */
/*
 * fault: a task that faults on purpose.  The kernel must kill it with one
 * console line and let the other tasks finish (fault.exp).  The mode is
 * argv[1]; the task first prints the address it is about to touch:
 *   null     read address 0 (page fault, the default)
 *   wtext    write into its own text (mapped read-execute)
 *   wrodata  write into its read-only data
 *   abort    abort(): libmach ends the task with an invalid opcode
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char rodata_word[] = "read-only";

static void
poke(const char *mode, volatile char *p)
{
	printf("fault: %s at %#lx\n", mode, (unsigned long)(uintptr_t)p);
	*p = 1;
	printf("fault: %s wrote %#lx (must not be reached)\n", mode,
	       (unsigned long)(uintptr_t)p);
}

int
main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "null";

	if (strcmp(mode, "wtext") == 0) {
		poke(mode, (volatile char *)(uintptr_t)main);
	} else if (strcmp(mode, "wrodata") == 0) {
		poke(mode, (volatile char *)(uintptr_t)rodata_word);
	} else if (strcmp(mode, "abort") == 0) {
		printf("fault: abort at %#lx\n", (unsigned long)(uintptr_t)abort);
		abort();
	} else {
		volatile int *volatile p = NULL;

		printf("fault: null at 0\n");
		printf("fault: read %d (must not be reached)\n", *p);
	}
	return 0;
}
