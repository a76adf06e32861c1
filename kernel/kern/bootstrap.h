/* SPDX-License-Identifier: MIT */
/*
 * Boot modules become the first tasks.  The first module is the bootstrap
 * task.  Each task gets its own address space with the module's PT_LOAD
 * segments, a 256 KiB demand-zero stack below USER_STACK_TOP, and one
 * thread that starts at e_entry with, as a Unix exec leaves it:
 *   rsp -> argc, argv[0..argc-1], NULL, NULL (empty envp),
 *          auxv {AT_PAGESZ, 4096} {AT_ENTRY, e_entry} {AT_NULL, 0}, strings
 * and rdi/rsi/rdx = argc/argv/envp.  rsp is 16-byte aligned.
 */
#ifndef _KERN_BOOTSTRAP_H_
#define _KERN_BOOTSTRAP_H_

#include <kern/boot_info.h>

/*
 * bootstrap_create_tasks: run the boot script of every module: create the
 * tasks, pass their arguments, resume those to be resumed.  A module that
 * fails gets one console line and is skipped.  Returns the number of tasks
 * created.
 */
unsigned bootstrap_create_tasks(const struct boot_info *bi);

#endif /* _KERN_BOOTSTRAP_H_ */
