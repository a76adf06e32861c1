/* SPDX-License-Identifier: MIT */
/*
 * hello: the smallest task.  Prints a greeting with its arguments, and
 * checks what crt0 handed to main.  Run by hello.exp as
 *   hello.elf one two three
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "mt.h"

extern char **environ;

/* The auxv follows envp's NULL: {type, value} pairs up to AT_NULL (0). */
static int
auxv_terminated(char **envp)
{
	uint64_t *auxv;

	while (*envp != NULL)
		envp++;
	auxv = (uint64_t *)(envp + 1);
	for (int i = 0; i < 64; i++, auxv += 2)
		if (auxv[0] == 0)
			return 1;
	return 0;
}

int
main(int argc, char **argv, char **envp)
{
	printf("Hello from a Mach task:");
	for (int i = 0; i < argc; i++)
		printf(" %s", argv[i]);
	printf("\n");

	MT_BEGIN("boot/hello", 8);
	MT_EXPECT_EQ(argc, 4);
	MT_CHECK(argv[0] != NULL && mt_ends_with(argv[0], "hello.elf"),
		 "argv[0] is the module's file name");
	MT_CHECK(argc >= 4 && strcmp(argv[1], "one") == 0 &&
		 strcmp(argv[2], "two") == 0 && strcmp(argv[3], "three") == 0,
		 "argv[1..3] are the module's arguments");
	MT_CHECK(argv[argc] == NULL, "argv[argc] is NULL");
	MT_CHECK(envp == argv + argc + 1, "envp follows argv");
	MT_CHECK(environ == envp, "environ is envp");
	MT_CHECK(auxv_terminated(envp), "an auxv ending in AT_NULL follows envp");
	MT_EXPECT_EQ_MSG((uintptr_t)__builtin_frame_address(0) % 16, 0,
			 "main's frame is 16-byte aligned");
	return MT_END();
}
