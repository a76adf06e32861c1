/* SPDX-License-Identifier: MIT */
/* Machine-independent startup and shutdown. */
#include <stddef.h>
#include <kern/boot_info.h>
#include <kern/startup.h>
#include <kern/kprintf.h>
#include <kern/kstring.h>
#include <kern/panic.h>
#include <kern/pmem.h>
#include <kern/zalloc.h>
#include <kern/task.h>
#include <kern/thread.h>
#include <kern/sched.h>
#include <kern/clock.h>
#include <kern/host.h>
#include <kern/bootstrap.h>
#include <ipc/ipc_port.h>
#include <ipc/ipc_pset.h>
#include <ipc/ipc_kmsg.h>
#include <ipc/ipc_fastpath.h>
#include <ipc/ipc_space.h>
#include <machine/machine.h>
#include <machine/pmap.h>

#define MACHKERNEL_VERSION	"0.1"

static const char *cmdline = "";
static bool booting = true;

bool kernel_booting(void)
{
	return booting;
}

const char *kernel_cmdline(void)
{
	return cmdline;
}

bool kernel_option(const char *word)
{
	size_t n = strlen(word);

	for (const char *p = cmdline; *p != '\0';) {
		const char *start;

		while (*p == ' ' || *p == '\t')
			p++;
		start = p;
		while (*p != '\0' && *p != ' ' && *p != '\t')
			p++;
		if ((size_t)(p - start) == n && strncmp(start, word, n) == 0)
			return true;
	}
	return false;
}

void machine_shutdown(void)
{
	if (kernel_option("zone_stats")) {
		zone_print_stats();
		kprintf("machkernel: memory: %lu KiB free of %lu KiB\n",
			pmem_free_count() * 4, pmem_total_count() * 4);
	}
	kprintf("machkernel: all tasks exited\n");
	arch_exit(ARCH_EXIT_SUCCESS);
}

void setup_main(struct boot_info *bi)
{
	uint64_t t_start = arch_timestamp();
	unsigned ntasks;

	cmdline = bi->cmdline;
	kprintf("machkernel " MACHKERNEL_VERSION " (x86_64): %s\n", cmdline);
	if (kernel_option("boot_debug"))
		for (unsigned i = 0; i < bi->nranges; i++)
			kprintf("machkernel: ram 0x%lx-0x%lx\n", bi->ranges[i].base,
				bi->ranges[i].base + bi->ranges[i].len);
	pmem_init(bi);
	zone_bootstrap();
	pmap_init();
	ipc_port_init();
	ipc_space_init();
	ipc_pset_init();
	ipc_kmsg_init();
	task_init();
	thread_init();
	host_init(bi);
	kprintf("machkernel: memory: %lu KiB free of %lu KiB, %u boot modules\n",
		pmem_free_count() * 4, pmem_total_count() * 4, bi->nmods);
	clock_init();

	if (kernel_option("ipc_fastpath=0"))
		ipc_fastpath_disable();
	ntasks = bootstrap_create_tasks(bi);
	booting = false;
	if (kernel_option("test_panic"))
		panic("test_panic requested");
	if (kernel_option("boot_debug"))
		kprintf("machkernel: boot: timestamps: kernel entry %lu, setup_main %lu, tasks ready %lu\n",
			arch_boot_timestamp(), t_start, arch_timestamp());
	if (ntasks == 0) {
		if (bi->nmods != 0)
			panic("no boot module could be started");
		kprintf("machkernel: no boot modules\n");
		machine_shutdown();
	}
	sched_start();
}
