/* SPDX-License-Identifier: MIT */
/*
 * The host object, its ports, and the host and processor calls of
 * mach_host.defs (the task_* and thread_* ones are in task.c and thread.c).
 */
#include "config.h"
#include <stddef.h>
#include <kern/host.h>
#include <kern/clock.h>
#include <kern/sched.h>
#include <kern/task.h>
#include <kern/startup.h>
#include <kern/kstring.h>
#include <kern/panic.h>
#include <ipc/ipc_port.h>
#include <mach/host_info.h>
#include <mach/machine.h>
#include <mach/processor_info.h>
#include <mach/mig_errors.h>
#include <machine/vm_param.h>
#include "mach_hostServer.h"

struct host realhost;

/*
 * The load averages (runnable threads) and Mach factors (the share of a
 * CPU a new thread would get) of HOST_LOAD_INFO, scaled by LOAD_SCALE,
 * over 5 s, 30 s and 1 min: each second a sample moves them by 1/5, 1/30
 * and 1/60 of the way (host_load_keep: the part kept, as GNU Mach's).
 */
static integer_t host_avenrun[3];
static integer_t host_mach_factor[3];
static const integer_t host_load_keep[3] = { 800, 966, 983 };

/* One processor, in slot 0, until SMP. */
#define HOST_NCPUS	1

#define HOST_XSTR(x)	#x
#define HOST_STR(x)	HOST_XSTR(x)

const char host_version_string[] =
	PACKAGE_STRING " machkernel (x86_64, HZ " HOST_STR(HZ) ", cc "
	__VERSION__ ")";

void host_init(const struct boot_info *bi)
{
	realhost.memory_size = 0;
	for (unsigned i = 0; i < bi->nranges; i++) {
		uint64_t lo = round_page(bi->ranges[i].base);
		uint64_t hi = trunc_page(bi->ranges[i].base + bi->ranges[i].len);

		if (hi > PHYSMAP_SIZE)
			hi = PHYSMAP_SIZE;
		if (hi > lo)
			realhost.memory_size += hi - lo;
	}
	realhost.host_self = ipc_port_alloc_kernel(IKOT_HOST, &realhost);
	realhost.host_priv_self = ipc_port_alloc_kernel(IKOT_HOST_PRIV, &realhost);
	realhost.master_device = ipc_port_alloc_kernel(IKOT_MASTER_DEVICE, &realhost);
	if (realhost.host_self == NULL || realhost.host_priv_self == NULL ||
	    realhost.master_device == NULL)
		panic("host_init: out of memory");
}

void host_load_update(void)
{
	integer_t n = (integer_t)task_runnable_threads();
	integer_t factor_now, average_now = n * LOAD_SCALE;

	if (n > HOST_NCPUS)
		factor_now = HOST_NCPUS * LOAD_SCALE / (n + 1);
	else
		factor_now = (HOST_NCPUS - n) * LOAD_SCALE;
	for (int i = 0; i < 3; i++) {
		integer_t keep = host_load_keep[i];

		host_avenrun[i] = (integer_t)(((int64_t)host_avenrun[i] * keep +
			(int64_t)average_now * (LOAD_SCALE - keep)) / LOAD_SCALE);
		host_mach_factor[i] = (integer_t)(((int64_t)host_mach_factor[i] *
			keep + (int64_t)factor_now * (LOAD_SCALE - keep)) /
			LOAD_SCALE);
	}
}

/* ---- mach_host.defs: the host ------------------------------------------ */

/*
 * host_info: information about the host by flavor, into `info' of *count
 * integers; *count becomes the flavor's exact size.  Any host port (name
 * or privileged).
 *   HOST_BASIC_INFO       1 CPU of 1, memory_size (host_init), CPU_TYPE_X86_64
 *                         and CPU_SUBTYPE_AT386 (as GNU Mach on x86_64)
 *   HOST_PROCESSOR_SLOTS  the slot numbers of the running CPUs: {0}
 *   HOST_SCHED_INFO       min_timeout: one clock tick; min_quantum: the
 *                         scheduler's quantum (SCHED_QUANTUM ticks); in ms
 *   HOST_LOAD_INFO        the averages of host_load_update
 * Returns, as GNU Mach: KERN_INVALID_ARGUMENT for a null host, another
 * flavor or a HOST_PROCESSOR_SLOTS count below the CPU count;
 * KERN_FAILURE for a count below the size of the other flavors.
 * Nothing is written on error.
 */
kern_return_t host_info(host_t host, int flavor, host_info_t info,
			mach_msg_type_number_t *count)
{
	if (host == NULL)
		return KERN_INVALID_ARGUMENT;
	switch (flavor) {
	case HOST_BASIC_INFO: {
		host_basic_info_t basic = (host_basic_info_t)info;

		if (*count < HOST_BASIC_INFO_COUNT)
			return KERN_FAILURE;
		basic->max_cpus = HOST_NCPUS;
		basic->avail_cpus = HOST_NCPUS;
		basic->memory_size = host->memory_size;
		basic->cpu_type = CPU_TYPE_X86_64;
		basic->cpu_subtype = CPU_SUBTYPE_AT386;
		*count = HOST_BASIC_INFO_COUNT;
		return KERN_SUCCESS;
	}
	case HOST_PROCESSOR_SLOTS:
		if (*count < HOST_NCPUS)
			return KERN_INVALID_ARGUMENT;
		info[0] = 0;
		*count = HOST_NCPUS;
		return KERN_SUCCESS;
	case HOST_SCHED_INFO: {
		host_sched_info_t sched = (host_sched_info_t)info;

		if (*count < HOST_SCHED_INFO_COUNT)
			return KERN_FAILURE;
		sched->min_timeout = 1000 / HZ;
		sched->min_quantum = SCHED_QUANTUM * 1000 / HZ;
		*count = HOST_SCHED_INFO_COUNT;
		return KERN_SUCCESS;
	}
	case HOST_LOAD_INFO: {
		host_load_info_t load = (host_load_info_t)info;

		if (*count < HOST_LOAD_INFO_COUNT)
			return KERN_FAILURE;
		for (int i = 0; i < 3; i++) {
			load->avenrun[i] = host_avenrun[i];
			load->mach_factor[i] = host_mach_factor[i];
		}
		*count = HOST_LOAD_INFO_COUNT;
		return KERN_SUCCESS;
	}
	default:
		return KERN_INVALID_ARGUMENT;
	}
}

/*
 * host_kernel_version: host_version_string (NUL-terminated, at most
 * KERNEL_VERSION_MAX bytes with the NUL).  KERN_INVALID_ARGUMENT for a
 * null host.
 */
kern_return_t host_kernel_version(host_t host, kernel_version_t version)
{
	_Static_assert(sizeof(host_version_string) <= KERNEL_VERSION_MAX,
		       "the version string fits");

	if (host == NULL)
		return KERN_INVALID_ARGUMENT;
	memcpy(version, host_version_string, sizeof(host_version_string));
	return KERN_SUCCESS;
}

/*
 * host_get_time: the host's time of day (clock_read_time: counted from the
 * boot until host_set_time sets it), at clock-tick resolution.
 * KERN_INVALID_HOST for a null host.
 */
kern_return_t host_get_time(host_t host, time_value_t *current_time)
{
	if (host == NULL)
		return KERN_INVALID_HOST;
	clock_read_time(current_time);
	return KERN_SUCCESS;
}

/* The largest |seconds| host_set_time takes: its microseconds fit 63 bits. */
#define HOST_TIME_SECONDS_MAX	(INT64_MAX / TIME_MICROS_MAX / 2)

/*
 * host_set_time (host_priv): set the time of day host_get_time returns.
 * KERN_INVALID_HOST for a null or unprivileged host port;
 * KERN_INVALID_ARGUMENT (not checked by GNU Mach) for microseconds outside
 * 0..TIME_MICROS_MAX-1 or |seconds| above HOST_TIME_SECONDS_MAX.
 */
kern_return_t host_set_time(host_t host_priv, time_value_t new_time)
{
	if (host_priv == NULL)
		return KERN_INVALID_HOST;
	if (new_time.microseconds < 0 ||
	    new_time.microseconds >= TIME_MICROS_MAX ||
	    new_time.seconds > HOST_TIME_SECONDS_MAX ||
	    new_time.seconds < -HOST_TIME_SECONDS_MAX)
		return KERN_INVALID_ARGUMENT;
	clock_set_time(&new_time);
	return KERN_SUCCESS;
}

/*
 * host_adjust_time (host_priv): slew the time of day by new_adjustment
 * (clock_adjust_time: a few tens of us per tick, the total rounded toward
 * zero to whole steps), replacing the adjustment still pending, which
 * comes back in *old_adjustment (seconds and microseconds of one sign).
 * With microseconds MACH_ADJTIME_USECS_OMIT nothing changes and the
 * pending adjustment only comes back.  KERN_INVALID_HOST for a null or
 * unprivileged host port; KERN_INVALID_ARGUMENT (not checked by GNU Mach)
 * for |seconds| above HOST_TIME_SECONDS_MAX.
 */
kern_return_t host_adjust_time(host_t host_priv, time_value_t new_adjustment,
			       time_value_t *old_adjustment)
{
	int64_t old;

	if (host_priv == NULL)
		return KERN_INVALID_HOST;
	if (new_adjustment.microseconds == MACH_ADJTIME_USECS_OMIT) {
		old = clock_adjust_pending();
	} else {
		if (new_adjustment.seconds > HOST_TIME_SECONDS_MAX ||
		    new_adjustment.seconds < -HOST_TIME_SECONDS_MAX)
			return KERN_INVALID_ARGUMENT;
		old = clock_adjust_time(new_adjustment.seconds * TIME_MICROS_MAX +
					new_adjustment.microseconds);
	}
	old_adjustment->seconds = old / TIME_MICROS_MAX;
	old_adjustment->microseconds = (integer_t)(old % TIME_MICROS_MAX);
	return KERN_SUCCESS;
}

/*
 * host_get_boot_info (host_priv): the kernel command line, NUL-terminated,
 * cut at KERNEL_BOOT_INFO_MAX - 1 bytes.  KERN_INVALID_HOST for a null or
 * unprivileged host port.
 */
kern_return_t host_get_boot_info(host_t host_priv, kernel_boot_info_t boot_info)
{
	const char *cmdline = kernel_cmdline();
	size_t n = strlen(cmdline);

	if (host_priv == NULL)
		return KERN_INVALID_HOST;
	if (n > KERNEL_BOOT_INFO_MAX - 1)
		n = KERNEL_BOOT_INFO_MAX - 1;
	memcpy(boot_info, cmdline, n);
	boot_info[n] = '\0';
	return KERN_SUCCESS;
}

/*
 * ---- mach_host.defs routines the kernel does not implement yet ----------
 *
 * Each answers MIG_BAD_ID, whatever its arguments, as an unserved routine
 * does (the mach.defs ones without a kernel implementation answer the
 * same through kernel/Makefile's weak stubs), so that a client can tell
 * "not implemented" from a refused argument:
 *
 *   host_processors, processor_start, processor_exit, processor_info,
 *   processor_control, processor_assign, processor_get_assignment
 *	need processor objects and their ports (IKOT_PROCESSOR): the SMP /
 *	scheduler work brings them.
 *   processor_set_default, processor_set_create, processor_set_destroy,
 *   processor_set_info, processor_set_max_priority,
 *   processor_set_policy_enable, processor_set_policy_disable,
 *   processor_set_tasks, processor_set_threads, host_processor_sets,
 *   host_processor_set_priv
 *	need processor sets (IKOT_PSET, IKOT_PSET_NAME): the same.
 *   host_reboot
 *	needs a reboot path (only the halt at the last task's end exists).
 *   vm_wire
 *	needs vm_maps (the VM issue; vm_task_t converts to nothing yet).
 * The task_* and thread_* routines of mach_host.defs that need processor
 * sets or priorities are listed in task.c and thread.c.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"

kern_return_t host_processors(host_t host_priv, processor_array_t *list,
			      mach_msg_type_number_t *count)
{
	return MIG_BAD_ID;
}

kern_return_t processor_start(processor_t processor)
{
	return MIG_BAD_ID;
}

kern_return_t processor_exit(processor_t processor)
{
	return MIG_BAD_ID;
}

kern_return_t processor_info(processor_t processor, int flavor, host_t *host,
			     processor_info_t info,
			     mach_msg_type_number_t *count)
{
	return MIG_BAD_ID;
}

kern_return_t processor_control(processor_t processor,
				const processor_info_t cmd,
				mach_msg_type_number_t count)
{
	return MIG_BAD_ID;
}

kern_return_t processor_assign(processor_t processor, processor_set_t new_set,
			       boolean_t wait)
{
	return MIG_BAD_ID;
}

kern_return_t processor_get_assignment(processor_t processor,
				       processor_set_t *assigned_set)
{
	return MIG_BAD_ID;
}

kern_return_t processor_set_default(host_t host, processor_set_t *default_set)
{
	return MIG_BAD_ID;
}

kern_return_t processor_set_create(host_t host, processor_set_t *new_set,
				   processor_set_t *new_name)
{
	return MIG_BAD_ID;
}

kern_return_t processor_set_destroy(processor_set_t set)
{
	return MIG_BAD_ID;
}

kern_return_t processor_set_info(processor_set_t set_name, int flavor,
				 host_t *host, processor_set_info_t info,
				 mach_msg_type_number_t *count)
{
	return MIG_BAD_ID;
}

kern_return_t processor_set_max_priority(processor_set_t set, int max_priority,
					 boolean_t change_threads)
{
	return MIG_BAD_ID;
}

kern_return_t processor_set_policy_enable(processor_set_t set, int policy)
{
	return MIG_BAD_ID;
}

kern_return_t processor_set_policy_disable(processor_set_t set, int policy,
					   boolean_t change_threads)
{
	return MIG_BAD_ID;
}

kern_return_t processor_set_tasks(processor_set_t set, task_array_t *list,
				  mach_msg_type_number_t *count)
{
	return MIG_BAD_ID;
}

kern_return_t processor_set_threads(processor_set_t set, thread_array_t *list,
				    mach_msg_type_number_t *count)
{
	return MIG_BAD_ID;
}

kern_return_t host_processor_sets(host_t host, processor_set_name_array_t *sets,
				  mach_msg_type_number_t *count)
{
	return MIG_BAD_ID;
}

kern_return_t host_processor_set_priv(host_t host_priv,
				      processor_set_t set_name,
				      processor_set_t *set)
{
	return MIG_BAD_ID;
}

kern_return_t host_reboot(host_t host_priv, int options)
{
	return MIG_BAD_ID;
}

kern_return_t vm_wire(mach_port_t host, vm_map_t task, vm_address_t address,
		      vm_size_t size, vm_prot_t access)
{
	return MIG_BAD_ID;
}

#pragma GCC diagnostic pop
