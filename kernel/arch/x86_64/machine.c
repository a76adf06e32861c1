/* SPDX-License-Identifier: MIT */
/*
 * x86_64 boot (after boot.S): console, GDT/TSS, IDT, kernel pmap, the
 * multiboot information turned into a struct boot_info, then setup_main().
 */
#include <stddef.h>
#include <machine/machine.h>
#include <machine/multiboot.h>
#include <machine/console.h>
#include <machine/gdt.h>
#include <machine/trap.h>
#include <machine/pmap.h>
#include <machine/cpu.h>
#include <machine/fpu.h>
#include <machine/vm_param.h>
#include <kern/boot_info.h>
#include <kern/kprintf.h>
#include <kern/kstring.h>

#define DEBUG_EXIT_PORT	0xf4

extern char _kernel_end[];

static struct boot_info boot_info;
static uint64_t boot_timestamp;		/* rdtsc on entry to C */

void x86_64_boot(uint32_t magic, uint32_t mbi_pa);

void arch_exit(uint8_t code)
{
	outb(DEBUG_EXIT_PORT, code);
	for (;;)
		__asm__ volatile("cli; hlt");
}

void arch_idle(void)
{
	sti_hlt_cli();
}

uint64_t arch_timestamp(void)
{
	return rdtsc();
}

uint64_t arch_boot_timestamp(void)
{
	return boot_timestamp;
}

/* SMEP: the kernel never executes user pages. */
static void cpu_features_init(void)
{
	uint32_t a, b, c, d;

	cpuid(0, &a, &b, &c, &d);
	if (a < 7)
		return;
	cpuid(7, &a, &b, &c, &d);
	if (b & (1U << 7))
		set_cr4(get_cr4() | (1UL << 20));	/* CR4.SMEP */
}

static void reserve(uint64_t end)
{
	if (end > boot_info.reserved_end)
		boot_info.reserved_end = end;
}

/* A multiboot string (physical) as a kernel pointer; reserves it. */
static const char *mb_string(uint32_t pa)
{
	const char *s;

	if (pa == 0 || pa >= PHYSMAP_SIZE)
		return "";
	s = phystokv(pa);
	reserve(pa + strlen(s) + 1);
	return s;
}

static void multiboot_parse(const struct multiboot_info *mbi, uint32_t mbi_pa)
{
	reserve(kvtophys(_kernel_end));
	reserve(mbi_pa + sizeof(*mbi));
	boot_info.cmdline = (mbi->flags & MULTIBOOT_INFO_CMDLINE) ?
			    mb_string(mbi->cmdline) : "";

	if (mbi->flags & MULTIBOOT_INFO_MODS) {
		const struct multiboot_module *m = phystokv(mbi->mods_addr);

		reserve(mbi->mods_addr + mbi->mods_count * sizeof(*m));
		for (uint32_t i = 0; i < mbi->mods_count; i++) {
			if (boot_info.nmods == BOOT_MAX_MODULES) {
				kprintf("machkernel: more than %u modules; ignoring the rest\n",
					BOOT_MAX_MODULES);
				break;
			}
			struct boot_module *bm = &boot_info.mods[boot_info.nmods++];

			bm->start = m[i].mod_start;
			bm->end = m[i].mod_end;
			bm->cmdline = mb_string(m[i].string);
			reserve(m[i].mod_end);
		}
	}

	if (mbi->flags & MULTIBOOT_INFO_MEM_MAP) {
		uint32_t off = 0;

		reserve(mbi->mmap_addr + mbi->mmap_length);
		while (off + sizeof(struct multiboot_mmap_entry) <= mbi->mmap_length &&
		       boot_info.nranges < BOOT_MAX_RANGES) {
			const struct multiboot_mmap_entry *e =
				phystokv(mbi->mmap_addr + off);

			if (e->type == 1 && e->len != 0) {
				boot_info.ranges[boot_info.nranges].base = e->addr;
				boot_info.ranges[boot_info.nranges].len = e->len;
				boot_info.nranges++;
			}
			off += e->size + 4;
		}
	} else if (mbi->flags & MULTIBOOT_INFO_MEMORY) {
		boot_info.ranges[0].base = 0x100000;
		boot_info.ranges[0].len = (uint64_t)mbi->mem_upper * 1024;
		boot_info.nranges = 1;
	}
}

void x86_64_boot(uint32_t magic, uint32_t mbi_pa)
{
	boot_timestamp = rdtsc();
	console_init();
	gdt_init();
	idt_init();
	pmap_bootstrap();
	fpu_init();
	cpu_features_init();
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC) {
		kprintf("machkernel: not booted by a multiboot loader (magic 0x%x)\n",
			magic);
		arch_exit(ARCH_EXIT_PANIC);
	}
	multiboot_parse(phystokv(mbi_pa), mbi_pa);
	setup_main(&boot_info);
}
