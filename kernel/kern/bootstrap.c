/* SPDX-License-Identifier: MIT */
/* Boot modules to tasks (see bootstrap.h and boot_script.h). */
#include <stdint.h>
#include <kern/bootstrap.h>
#include <kern/boot_script.h>
#include <kern/elf.h>
#include <kern/task.h>
#include <kern/thread.h>
#include <kern/kprintf.h>
#include <kern/kstring.h>
#include <vm/vm_fault.h>
#include <machine/vm_param.h>

#define AT_NULL		0
#define AT_PAGESZ	6
#define AT_ENTRY	9

#define BOOT_STACK_IMAGE_MAX	(16 * 1024)

static struct boot_cmd boot_cmds[BOOT_MAX_MODULES];

/* The base name of a path, for the task's console name. */
static const char *basename_of(const char *path)
{
	const char *b = path;

	for (const char *p = path; *p != '\0'; p++)
		if (*p == '/')
			b = p + 1;
	return b;
}

/* Build argc/argv/envp/auxv and the strings at the top of the stack. */
static const char *bootstrap_stack(struct task *task, const char **argv,
				   unsigned argc, uint64_t entry,
				   uint64_t *spp, uint64_t *argvp,
				   uint64_t *envpp)
{
	static uint64_t image[BOOT_STACK_IMAGE_MAX / 8];
	size_t strsize = 0;
	size_t nwords = 1 + argc + 1 + 1 + 2 * 3;
	uint64_t strbase, sp, uargv;

	for (unsigned i = 0; i < argc; i++)
		strsize += strlen(argv[i]) + 1;
	if (strsize + nwords * 8 + 32 > sizeof(image))
		return "arguments too long";
	strbase = (USER_STACK_TOP - strsize) & ~7UL;
	sp = (strbase - nwords * 8) & ~15UL;

	/* image[] mirrors [sp, USER_STACK_TOP). */
	size_t total = USER_STACK_TOP - sp;
	char *img = (char *)image;
	uint64_t *w = image;
	char *str = img + (strbase - sp);

	memset(image, 0, total);
	*w++ = argc;
	uargv = sp + 8;
	for (unsigned i = 0; i < argc; i++) {
		size_t n = strlen(argv[i]) + 1;

		*w++ = sp + (uint64_t)(str - img);
		memcpy(str, argv[i], n);
		str += n;
	}
	*w++ = 0;			/* argv terminator */
	*envpp = sp + (uint64_t)((char *)w - img);
	*w++ = 0;			/* empty envp */
	*w++ = AT_PAGESZ;
	*w++ = PAGE_SIZE;
	*w++ = AT_ENTRY;
	*w++ = entry;
	*w++ = AT_NULL;
	*w++ = 0;
	if (vm_fill(task, sp, image, total, VM_PROT_READ | VM_PROT_WRITE) !=
	    KERN_SUCCESS)
		return "out of memory for the stack";
	*spp = sp;
	*argvp = uargv;
	return NULL;
}

/* Phase 1: parse the line, create the task and load its image. */
static const char *bootstrap_load(const struct boot_module *mod,
				  struct boot_cmd *cmd, uint64_t *entryp)
{
	const char *why = boot_script_parse(mod->cmdline, cmd);
	struct task *task;

	if (why != NULL)
		return why;
	if (task_create_kernel(basename_of(cmd->words[0]), &task) != KERN_SUCCESS)
		return "out of memory for the task";
	task->stack_lo = USER_STACK_TOP - USER_STACK_SIZE;
	task->stack_hi = USER_STACK_TOP;
	cmd->task = task;
	if (elf_load(task, phystokv(mod->start), mod->end - mod->start, entryp,
		     &why) != KERN_SUCCESS) {
		cmd->task = NULL;
		task_terminate(task);
		return why;
	}
	return NULL;
}

/* Phase 2: arguments, stack, thread; resume if asked. */
static const char *bootstrap_start(struct boot_cmd *cmd, uint64_t entry,
				   unsigned ncmds)
{
	const char *argv[BOOT_SCRIPT_MAX_WORDS];
	const char *why = NULL;
	uint64_t sp, uargv, uenvp;
	struct thread *th;

	for (unsigned i = 0; i < cmd->nwords; i++) {
		argv[i] = boot_script_subst(cmd->words[i], cmd, boot_cmds,
					    ncmds, &why);
		if (argv[i] == NULL)
			return why;
	}
	why = bootstrap_stack(cmd->task, argv, cmd->nwords, entry, &sp,
			      &uargv, &uenvp);
	if (why != NULL)
		return why;
	if (thread_create_user(cmd->task, entry, sp, cmd->nwords, uargv, uenvp,
			  &th) != KERN_SUCCESS)
		return "out of memory for the thread";
	if (cmd->resume)
		(void)thread_resume(th);
	return NULL;
}

unsigned bootstrap_create_tasks(const struct boot_info *bi)
{
	uint64_t entries[BOOT_MAX_MODULES];
	unsigned created = 0;

	boot_script_set_kernel_cmdline(bi->cmdline);
	for (unsigned i = 0; i < bi->nmods; i++) {
		const char *why = bootstrap_load(&bi->mods[i], &boot_cmds[i],
						 &entries[i]);

		if (why != NULL)
			kprintf("machkernel: boot module %u (%s): %s\n", i,
				bi->mods[i].cmdline, why);
	}
	for (unsigned i = 0; i < bi->nmods; i++) {
		struct boot_cmd *cmd = &boot_cmds[i];
		const char *why;

		if (cmd->task == NULL)
			continue;
		why = bootstrap_start(cmd, entries[i], bi->nmods);
		if (why != NULL) {
			kprintf("machkernel: boot module %u (%s): %s\n", i,
				bi->mods[i].cmdline, why);
			task_terminate(cmd->task);
			cmd->task = NULL;
			continue;
		}
		created++;
	}
	return created;
}
