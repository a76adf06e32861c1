/* SPDX-License-Identifier: MIT */
/*
 * GNU Mach boot-script conventions for module command lines.
 *
 * A module line is split into words at blanks.  A word `$(task-create)',
 * `$(VAR=task-create)' or `$(task-resume)' is a command and is not passed
 * to the task; a line with no command at all means
 * `$(task-create) $(task-resume)'.  Inside the other words, `${NAME}' is
 * replaced by:
 *   host-port            the name of a send right to host_priv in the task
 *   device-port          the same for the device master port
 *   kernel-command-line  the whole kernel command line
 *   boot-args            the kernel command-line words that start with '-'
 *   root-device          the value of the kernel's root= word ("device:"
 *                        prefix removed)
 *   VAR                  of a VAR=value word of the kernel command line, or
 *                        of a $(VAR=task-create): a send right to that task
 * Substitution happens after splitting, so a value with blanks stays one
 * argument.  An undefined ${NAME} is an error for that module.
 */
#ifndef _KERN_BOOT_SCRIPT_H_
#define _KERN_BOOT_SCRIPT_H_

#include <stdbool.h>
#include <stddef.h>

#define BOOT_SCRIPT_MAX_WORDS	64
#define BOOT_SCRIPT_VAR_MAX	32

struct task;

struct boot_cmd {
	const char	*words[BOOT_SCRIPT_MAX_WORDS];	/* arguments, raw */
	unsigned	nwords;
	bool		create;		/* $(task-create) seen (or implied) */
	bool		resume;		/* $(task-resume) seen (or implied) */
	char		var[BOOT_SCRIPT_VAR_MAX];	/* VAR of $(VAR=task-create) */
	struct task	*task;		/* created task */
};

/*
 * boot_script_parse: split `line' into `cmd'.  Strings are copied into the
 * boot arena.  Returns NULL or an error message.
 */
const char *boot_script_parse(const char *line, struct boot_cmd *cmd);

/*
 * boot_script_set_kernel_cmdline: define the variables that come from the
 * kernel command line.  Once, before boot_script_subst.
 */
void boot_script_set_kernel_cmdline(const char *cmdline);

/*
 * boot_script_subst: substitute the ${...} of `word' for the task of
 * `cmd', inserting send rights into its space where a port is named.
 * `cmds' are all the modules (for task variables).  Returns the new string
 * (boot arena) or NULL with *whyp set.
 */
const char *boot_script_subst(const char *word, struct boot_cmd *cmd,
			      struct boot_cmd *cmds, unsigned ncmds,
			      const char **whyp);

/* boot_arena_alloc: boot-time memory that is never freed (NULL when full). */
char *boot_arena_alloc(size_t size);

#endif /* _KERN_BOOT_SCRIPT_H_ */
