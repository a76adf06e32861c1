/* SPDX-License-Identifier: MIT */
/* panic and the symbolised backtrace. */
#include <stdarg.h>
#include <stdbool.h>
#include <kern/panic.h>
#include <kern/kprintf.h>
#include <kern/ksyms.h>
#include <machine/cpu.h>
#include <machine/machine.h>
#include <machine/vm_param.h>

static bool panicking;

void panic_begin(void)
{
	cli();
	if (panicking) {			/* panic inside panic */
		kprintf("panic: recursive panic\n");
		arch_exit(ARCH_EXIT_PANIC);
	}
	panicking = true;
}

void panic_end(void)
{
	kprintf("machkernel: halted after panic\n");
	arch_exit(ARCH_EXIT_PANIC);
}

static void backtrace_line(unsigned depth, uint64_t pc)
{
	uint64_t off;
	const char *name = ksyms_lookup(pc, &off);

	if (name != NULL)
		kprintf("  #%u 0x%016lx %s+0x%lx\n", depth, pc, name, off);
	else
		kprintf("  #%u 0x%016lx ?\n", depth, pc);
}

void backtrace_print(uint64_t rip, uint64_t rbp)
{
	unsigned depth = 0;

	kprintf("backtrace:\n");
	backtrace_line(depth++, rip);
	while (depth < 16 && rbp >= PHYSMAP_BASE && (rbp & 7) == 0) {
		const uint64_t *frame = (const uint64_t *)rbp;
		uint64_t ret = frame[1];

		if (ret < KERNBASE)
			break;
		/* ret points after the call: show the call site. */
		backtrace_line(depth++, ret - 1);
		if (frame[0] <= rbp)
			break;
		rbp = frame[0];
	}
}

void panic(const char *fmt, ...)
{
	va_list ap;
	uint64_t rbp = (uint64_t)__builtin_frame_address(0);
	uint64_t rsp;

	panic_begin();
	__asm__ volatile("mov %%rsp, %0" : "=r"(rsp));
	kprintf("panic: ");
	va_start(ap, fmt);
	kvprintf(fmt, ap);
	va_end(ap);
	kprintf("\n");
	kprintf("rsp=%016lx rbp=%016lx cr0=%016lx cr3=%016lx\n",
		rsp, rbp, get_cr0(), get_cr3());
	kprintf("cr2=%016lx (last page-fault address)\n", get_cr2());
	backtrace_print((uint64_t)__builtin_return_address(0) - 1,
			((const uint64_t *)rbp)[0]);
	panic_end();
}
