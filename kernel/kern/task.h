/* SPDX-License-Identifier: MIT */
/*
 * Tasks: an address space (a pmap until the VM issue brings vm_maps), an
 * IPC space, threads, and the task port that names the task.
 *
 * Locking: none yet (one CPU, non-preemptible kernel); see thread.h.
 */
#ifndef _KERN_TASK_H_
#define _KERN_TASK_H_

#include <stdint.h>
#include <stdbool.h>
#include <mach/kern_return.h>
#include <mach/port.h>
#include <mach/message.h>
#include <mach/time_value.h>
#include <mach/task_info.h>
#include <machine/pmap.h>
#include <machine/cpu_data.h>
#include <kern/thread.h>

struct ipc_space;
struct ipc_port;

#define TASK_NAME_MAX	32

/*
 * The priority task_info and thread_info report for every task and thread
 * until the scheduler has priorities (it runs every thread round robin at
 * one level): GNU Mach's default for user tasks (BASEPRI_USER).
 */
#define TASK_PRIORITY_USER	25

struct task {
	char			name[TASK_NAME_MAX];	/* for console lines */
	bool			active;
	pmap_t			map;
	struct ipc_space	*itk_space;
	struct ipc_port		*itk_self;	/* task port (kernel-held) */
	mach_port_name_t	itk_self_hint;	/* last name in own space */
	mach_port_name_t	itk_host_hint;	/* same for the host port */
	struct thread		*threads;
	unsigned		thread_count;
	uint64_t		stack_lo;	/* demand-zero stack region */
	uint64_t		stack_hi;
	uint64_t		ipc_ool_next;	/* next out-of-line region */
	struct task		*next;		/* all tasks */
	unsigned		id;
	time_value_t		creation_time;	/* clock_read_time at creation */
	uint64_t		dead_user_ticks; /* of its terminated threads */
};

/* task_init: create the zone.  Once at boot. */
void task_init(void);

/*
 * task_create_kernel: a new task with an empty address space and IPC space, a task
 * port, and no threads.  `name' is copied (truncated).
 * Returns KERN_SUCCESS or KERN_RESOURCE_SHORTAGE (nothing created).
 */
kern_return_t task_create_kernel(const char *name, struct task **taskp);

/*
 * task_create (mach.defs): a new task with no threads, an empty address
 * space and IPC space, named after `parent'.  inherit_memory is ignored
 * (no vm_maps to copy yet).  KERN_INVALID_ARGUMENT for a NULL parent,
 * KERN_RESOURCE_SHORTAGE.
 */
kern_return_t task_create(struct task *parent, int inherit_memory,
			  struct task **childp);

/*
 * task_terminate: stop every thread, release the task's rights and memory,
 * destroy the task port.  When the caller's own task goes, this does not
 * return.  When no task is left, the machine halts with success.
 * Returns KERN_SUCCESS, or KERN_INVALID_ARGUMENT for an inactive task.
 */
kern_return_t task_terminate(struct task *task);

/*
 * task_kill_exception: print the `task NAME killed' line for an exception
 * taken in user mode and terminate the task.  Does not return.
 */
void task_kill_exception(struct task *task, const char *what, unsigned vector,
			 uint64_t rip, uint64_t addr) __attribute__((noreturn));

/*
 * task_info (mach.defs): information about `task' by flavor into `info' of
 * *count integers; *count becomes the flavor's exact size.
 *   TASK_BASIC_INFO         suspend_count 0 (no task_suspend yet),
 *                           base_priority TASK_PRIORITY_USER,
 *                           resident_size: the pages mapped in the task,
 *                           virtual_size: those plus the part of the
 *                           demand-zero stack not touched yet (no vm_maps
 *                           yet: nothing else is reserved), user_time of
 *                           every thread it had (thread_info's, sampled by
 *                           the clock), system_time 0 (no tick finds a
 *                           thread in the kernel: it is not preemptible),
 *                           creation_time (host_get_time's clock)
 *   TASK_THREAD_TIMES_INFO  user and system time of the live threads, the
 *                           same way
 * KERN_INVALID_ARGUMENT (as GNU Mach) for a null task, another flavor
 * (TASK_EVENTS_INFO included: its fault and message counters are not kept)
 * or a count below the flavor's size.  Nothing is written on error.
 */
kern_return_t task_info(struct task *task, int flavor, task_info_t info,
			mach_msg_type_number_t *count);

/*
 * task_threads (mach.defs): the task's threads' ports, in creation order,
 * as an out-of-line array (ipc_kmsg_ool_alloc) of port pointers that the
 * reply turns into send rights; NULL and 0 for a task without threads.
 * KERN_INVALID_ARGUMENT for a null task, KERN_RESOURCE_SHORTAGE (nothing
 * allocated).
 */
kern_return_t task_threads(struct task *task, struct thread ***list,
			   mach_msg_type_number_t *count);

/* task_runnable_threads: user threads running or on the run queue. */
unsigned task_runnable_threads(void);

/* task_count: tasks in existence. */
unsigned task_count(void);

static inline struct task *current_task(void)
{
	return current_thread()->task;
}

#endif /* _KERN_TASK_H_ */
