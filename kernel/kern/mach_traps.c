/* SPDX-License-Identifier: MIT */
/* Trap table and the simple traps. */
#include <stddef.h>
#include <stdbool.h>
#include <kern/mach_traps.h>
#include <kern/task.h>
#include <kern/thread.h>
#include <kern/host.h>
#include <kern/sched.h>
#include <kern/clock.h>
#include <ipc/ipc_port.h>
#include <ipc/ipc_right.h>
#include <ipc/mach_msg.h>
#include <mach/thread_switch.h>
#include <mach/syscall_sw.h>
#include <machine/copyio.h>
#include <machine/console.h>

/* The kernel's trap numbers are libmach's (ABI.md). */
_Static_assert(-MACH_MSG_TRAP_NUM == MACH_TRAP_mach_msg_trap, "trap number");
_Static_assert(-MACH_REPLY_PORT_NUM == MACH_TRAP_mach_reply_port, "trap number");
_Static_assert(-MACH_THREAD_SELF_NUM == MACH_TRAP_mach_thread_self, "trap number");
_Static_assert(-MACH_TASK_SELF_NUM == MACH_TRAP_mach_task_self, "trap number");
_Static_assert(-MACH_HOST_SELF_NUM == MACH_TRAP_mach_host_self, "trap number");
_Static_assert(-MACH_PRINT_NUM == MACH_TRAP_mach_print, "trap number");
_Static_assert(-SWTCH_PRI_NUM == MACH_TRAP_swtch_pri, "trap number");
_Static_assert(-SWTCH_NUM == MACH_TRAP_swtch, "trap number");
_Static_assert(-THREAD_SWITCH_NUM == MACH_TRAP_thread_switch, "trap number");

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
const void *const mach_trap_table[MACH_TRAP_TABLE_SIZE] = {
	[0 ... MACH_TRAP_TABLE_SIZE - 1] = (const void *)mach_trap_invalid,
	[MACH_TRAP_SLOT(MACH_MSG_TRAP_NUM)] = (const void *)mach_msg_trap_entry,
	[MACH_TRAP_SLOT(MACH_REPLY_PORT_NUM)] = (const void *)mach_reply_port_trap,
	[MACH_TRAP_SLOT(MACH_THREAD_SELF_NUM)] = (const void *)mach_thread_self_trap,
	[MACH_TRAP_SLOT(MACH_TASK_SELF_NUM)] = (const void *)mach_task_self_trap,
	[MACH_TRAP_SLOT(MACH_HOST_SELF_NUM)] = (const void *)mach_host_self_trap,
	[MACH_TRAP_SLOT(MACH_PRINT_NUM)] = (const void *)mach_print_trap,
	[MACH_TRAP_SLOT(SWTCH_PRI_NUM)]	= (const void *)swtch_pri_trap,
	[MACH_TRAP_SLOT(SWTCH_NUM)]	= (const void *)swtch_trap,
	[MACH_TRAP_SLOT(THREAD_SWITCH_NUM)] = (const void *)thread_switch_trap,
};
#pragma GCC diagnostic pop

kern_return_t mach_trap_invalid(void)
{
	return KERN_INVALID_ARGUMENT;
}

/*
 * A new send right to a kernel-held port for the caller's space (the slow
 * path: the hint no longer names the right).
 */
static mach_port_name_t self_right_slow(struct ipc_space *space,
					struct ipc_port *port,
					mach_port_name_t *hint)
{
	mach_port_name_t name;

	port->ip_srights++;			/* copy the kernel's send right */
	port->ip_references++;
	if (ipc_right_copyout_send(space, port, &name, hint) != KERN_SUCCESS)
		return MACH_PORT_NULL;
	return name;
}

/*
 * The fast path: the hint (the name last returned) still names a send right
 * to the port, so the call is a table probe and a uref increment.
 */
static inline mach_port_name_t self_right(struct ipc_space *space,
					  struct ipc_port *port,
					  mach_port_name_t *hintp)
{
	mach_port_name_t hint = *hintp;

	if (__builtin_expect(ipc_right_hint_send(space, port, hint), 1))
		return hint;
	return self_right_slow(space, port, hintp);
}

mach_port_name_t mach_task_self_trap(void)
{
	struct task *task = current_task();

	return self_right(task->itk_space, task->itk_self, &task->itk_self_hint);
}

mach_port_name_t mach_thread_self_trap(void)
{
	struct thread *th = current_thread();

	return self_right(th->task->itk_space, th->ith_self, &th->ith_self_hint);
}

mach_port_name_t mach_host_self_trap(void)
{
	struct task *task = current_task();

	return self_right(task->itk_space, realhost.host_self,
			  &task->itk_host_hint);
}

mach_port_name_t mach_reply_port_trap(void)
{
	mach_port_name_t name;
	struct ipc_port *port;

	if (ipc_right_alloc_receive(current_task()->itk_space, &name, &port) !=
	    KERN_SUCCESS)
		return MACH_PORT_NULL;
	return name;
}

kern_return_t mach_print_trap(uint64_t string)
{
	static char buf[MACH_PRINT_MAX + 1];
	size_t len;

	switch (copyinstr((const void *)string, buf, sizeof(buf), &len)) {
	case 0:
		console_write(buf, len);
		return KERN_SUCCESS;
	case 1:
		return KERN_INVALID_ADDRESS;
	default:
		return KERN_INVALID_ARGUMENT;
	}
}

int swtch_trap(void)
{
	return sched_yield();
}

int swtch_pri_trap(int pri)
{
	(void)pri;				/* no priorities yet */
	return sched_yield();
}

kern_return_t thread_switch_trap(mach_port_name_t thread_name, int option,
				 uint32_t time)
{
	struct thread *hint = NULL;
	struct ipc_port *port;

	if (option != SWITCH_OPTION_NONE && option != SWITCH_OPTION_DEPRESS &&
	    option != SWITCH_OPTION_WAIT)
		return KERN_INVALID_ARGUMENT;
	if (thread_name != MACH_PORT_NULL &&
	    ipc_right_lookup_send(current_task()->itk_space, thread_name,
				  &port) == KERN_SUCCESS &&
	    port->ip_active && port->ip_kotype == IKOT_THREAD)
		hint = port->ip_kobject;

	if (option == SWITCH_OPTION_WAIT && time != 0) {
		clock_sleep(clock_ms_to_ticks(time));
		return KERN_SUCCESS;
	}
	sched_handoff(hint);
	return KERN_SUCCESS;
}
