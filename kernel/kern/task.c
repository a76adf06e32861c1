/* SPDX-License-Identifier: MIT */
/* Task creation and termination. */
#include <stddef.h>
#include <kern/task.h>
#include <kern/thread.h>
#include <kern/sched.h>
#include <kern/zalloc.h>
#include <kern/kprintf.h>
#include <kern/kstring.h>
#include <kern/panic.h>
#include <kern/startup.h>
#include <kern/clock.h>
#include <ipc/ipc_space.h>
#include <ipc/ipc_port.h>
#include <ipc/ipc_kmsg.h>
#include <machine/machine.h>
#include <machine/vm_param.h>
#include <mach/mig_errors.h>
#include "mach_hostServer.h"

static zone_t task_zone;
static struct task *task_list;
static unsigned task_nr;
static unsigned task_next_id;

void task_init(void)
{
	task_zone = zone_create("tasks", sizeof(struct task), 0);
}

unsigned task_count(void)
{
	return task_nr;
}

unsigned task_runnable_threads(void)
{
	unsigned n = 0;

	for (struct task *task = task_list; task != NULL; task = task->next)
		for (struct thread *th = task->threads; th != NULL;
		     th = th->task_next)
			n += th->state == TH_RUN;
	return n;
}

kern_return_t task_create_kernel(const char *name, struct task **taskp)
{
	struct task *task = zalloc(task_zone);
	size_t i;

	if (task == NULL)
		return KERN_RESOURCE_SHORTAGE;
	task->map = pmap_create();
	if (task->map == NULL)
		goto fail_task;
	if (ipc_space_create(&task->itk_space) != KERN_SUCCESS)
		goto fail_map;
	task->itk_self = ipc_port_alloc_kernel(IKOT_TASK, task);
	if (task->itk_self == NULL)
		goto fail_space;
	for (i = 0; i + 1 < TASK_NAME_MAX && name[i] != '\0'; i++)
		task->name[i] = name[i];
	task->name[i] = '\0';
	task->active = true;
	task->itk_self_hint = MACH_PORT_NULL;
	task->itk_host_hint = MACH_PORT_NULL;
	task->threads = NULL;
	task->thread_count = 0;
	task->stack_lo = 0;
	task->stack_hi = 0;
	task->ipc_ool_next = 0;
	task->id = ++task_next_id;
	clock_read_time(&task->creation_time);
	task->dead_user_ticks = 0;
	task->next = task_list;
	task_list = task;
	task_nr++;
	*taskp = task;
	return KERN_SUCCESS;

fail_space:
	ipc_space_destroy(task->itk_space);
fail_map:
	pmap_destroy(task->map);
fail_task:
	zfree(task_zone, task);
	return KERN_RESOURCE_SHORTAGE;
}

kern_return_t task_create(struct task *parent, int inherit_memory,
			  struct task **childp)
{
	(void)inherit_memory;
	if (parent == NULL || !parent->active)
		return KERN_INVALID_ARGUMENT;
	return task_create_kernel(parent->name, childp);
}

kern_return_t task_terminate(struct task *task)
{
	bool self = current_thread() != NULL && current_thread()->task == task;

	if (task == NULL || !task->active)
		return KERN_INVALID_ARGUMENT;

	/* From here on nothing can fail. */
	task->active = false;
	while (task->threads != NULL)
		thread_destroy(task->threads);
	ipc_port_destroy(task->itk_self);
	task->itk_self = NULL;
	ipc_space_destroy(task->itk_space);
	task->itk_space = NULL;
	if (self)
		pmap_activate(kernel_pmap);
	pmap_destroy(task->map);
	for (struct task **pp = &task_list; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == task) {
			*pp = task->next;
			break;
		}
	}
	task_nr--;
	zfree(task_zone, task);

	if (task_nr == 0 && !kernel_booting())
		machine_shutdown();
	if (self)
		sched_block();		/* the current thread is dead */
	return KERN_SUCCESS;
}

/* The bytes mapped in `task' and those reserved for it but not mapped. */
static void task_sizes(struct task *task, uint64_t *resident,
		       uint64_t *virtual)
{
	uint64_t untouched = 0;

	for (uint64_t va = task->stack_lo; va < task->stack_hi; va += PAGE_SIZE) {
		phys_addr_t pa;

		if (!pmap_extract(task->map, va, &pa))
			untouched += PAGE_SIZE;
	}
	*resident = task->map->resident * PAGE_SIZE;
	*virtual = *resident + untouched;
}

/* The user-mode clock ticks of the task's live threads. */
static uint64_t task_live_user_ticks(struct task *task)
{
	uint64_t ticks = 0;

	for (struct thread *th = task->threads; th != NULL; th = th->task_next)
		ticks += th->user_ticks;
	return ticks;
}

kern_return_t task_info(struct task *task, int flavor, task_info_t info,
			mach_msg_type_number_t *count)
{
	if (task == NULL)
		return KERN_INVALID_ARGUMENT;
	switch (flavor) {
	case TASK_BASIC_INFO: {
		task_basic_info_t basic = (task_basic_info_t)info;
		uint64_t resident, virtual;

		if (*count < TASK_BASIC_INFO_COUNT)
			return KERN_INVALID_ARGUMENT;
		task_sizes(task, &resident, &virtual);
		basic->suspend_count = 0;
		basic->base_priority = TASK_PRIORITY_USER;
		basic->virtual_size = virtual;
		basic->resident_size = resident;
		clock_ticks_to_time(task->dead_user_ticks +
				    task_live_user_ticks(task),
				    &basic->user_time);
		basic->system_time.seconds = 0;
		basic->system_time.microseconds = 0;
		basic->creation_time = task->creation_time;
		*count = TASK_BASIC_INFO_COUNT;
		return KERN_SUCCESS;
	}
	case TASK_THREAD_TIMES_INFO: {
		task_thread_times_info_t times = (task_thread_times_info_t)info;

		if (*count < TASK_THREAD_TIMES_INFO_COUNT)
			return KERN_INVALID_ARGUMENT;
		clock_ticks_to_time(task_live_user_ticks(task),
				    &times->user_time);
		times->system_time.seconds = 0;
		times->system_time.microseconds = 0;
		*count = TASK_THREAD_TIMES_INFO_COUNT;
		return KERN_SUCCESS;
	}
	default:
		return KERN_INVALID_ARGUMENT;
	}
}

kern_return_t task_threads(struct task *task, struct thread ***list,
			   mach_msg_type_number_t *count)
{
	struct ipc_port **ports;
	unsigned n, i;

	if (task == NULL)
		return KERN_INVALID_ARGUMENT;
	n = task->thread_count;
	if (n == 0) {
		*list = NULL;
		*count = 0;
		return KERN_SUCCESS;
	}
	ports = ipc_kmsg_ool_alloc((size_t)n * sizeof(*ports));
	if (ports == NULL)
		return KERN_RESOURCE_SHORTAGE;
	/* The list is newest first: fill from the end. */
	i = n;
	for (struct thread *th = task->threads; th != NULL; th = th->task_next)
		ports[--i] = th->ith_self;
	/* The reply's descriptor (COPY_SEND) makes the rights. */
	*list = (struct thread **)ports;
	*count = n;
	return KERN_SUCCESS;
}

/*
 * ---- mach_host.defs task routines the kernel does not implement yet ----
 *
 * task_assign, task_assign_default, task_get_assignment need processor
 * sets, task_priority needs priorities in the scheduler: each answers
 * MIG_BAD_ID whatever its arguments (see kern/host.c).
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"

kern_return_t task_assign(task_t task, processor_set_t new_set,
			  boolean_t assign_threads)
{
	return MIG_BAD_ID;
}

kern_return_t task_assign_default(task_t task, boolean_t assign_threads)
{
	return MIG_BAD_ID;
}

kern_return_t task_get_assignment(task_t task, processor_set_t *assigned_set)
{
	return MIG_BAD_ID;
}

kern_return_t task_priority(task_t task, int priority, boolean_t change_threads)
{
	return MIG_BAD_ID;
}

#pragma GCC diagnostic pop

void task_kill_exception(struct task *task, const char *what, unsigned vector,
			 uint64_t rip, uint64_t addr)
{
	kprintf("machkernel: task %s killed: %s (vector %u) at rip=0x%lx addr=0x%lx\n",
		task->name, what, vector, rip, addr);
	task_terminate(task);
	panic("task_kill_exception: returned from self-termination");
}
