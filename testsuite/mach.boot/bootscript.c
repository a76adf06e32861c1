/* SPDX-License-Identifier: MIT */
/*
 * bootscript: GNU Mach boot-script substitution in a module's command
 * line.  bootscript.exp boots the kernel with the command line
 *   greeting=hello -s root=device:hd0s1
 * and this module as
 *   bootscript.elf ${host-port} ${device-port} ${greeting}
 *     ${kernel-command-line} ${boot-args} ${root-device}
 *     $(task-create) $(task-resume)
 * The commands are not arguments; each ${...} is one argument, even with
 * blanks in its value; the two ports are names of send rights in this
 * task's space.
 */
#include <string.h>

#include <mach/mach_traps.h>

#include "mt.h"

/* The value of a decimal port name, or 0 when s is not one. */
static unsigned long
port_name(const char *s)
{
	unsigned long v = 0;

	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return 0;
		v = v * 10 + (unsigned long)(*s - '0');
	}
	return v;
}

int
main(int argc, char **argv)
{
	const char *empty = "";
	const char *arg[7];

	for (int i = 0; i < 7; i++)
		arg[i] = i < argc ? argv[i] : empty;

	MT_BEGIN("boot/bootscript", 8);
	MT_EXPECT_EQ_MSG(argc, 7, "the commands are not arguments");
	MT_CHECK(port_name(arg[1]) != 0, "${host-port} is a port name");
	MT_CHECK(port_name(arg[2]) != 0, "${device-port} is a port name");
	MT_CHECK(port_name(arg[1]) != port_name(arg[2]) &&
		 port_name(arg[1]) != mach_task_self() &&
		 port_name(arg[2]) != mach_task_self(),
		 "host and device port names are distinct rights");
	MT_CHECK(strcmp(arg[3], "hello") == 0,
		 "${greeting} from greeting=hello");
	MT_CHECK(mt_ends_with(arg[4], "greeting=hello -s root=device:hd0s1"),
		 "${kernel-command-line} is one argument");
	MT_CHECK(strcmp(arg[5], "-s") == 0, "${boot-args} are the - words");
	MT_CHECK(strcmp(arg[6], "hd0s1") == 0,
		 "${root-device} without its device: prefix");
	return MT_END();
}
