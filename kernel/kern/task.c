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
#include <ipc/ipc_space.h>
#include <ipc/ipc_port.h>
#include <machine/machine.h>

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

void task_kill_exception(struct task *task, const char *what, unsigned vector,
			 uint64_t rip, uint64_t addr)
{
	kprintf("machkernel: task %s killed: %s (vector %u) at rip=0x%lx addr=0x%lx\n",
		task->name, what, vector, rip, addr);
	task_terminate(task);
	panic("task_kill_exception: returned from self-termination");
}
