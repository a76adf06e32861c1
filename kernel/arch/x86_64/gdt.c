/* SPDX-License-Identifier: MIT */
/* GDT, TSS (with a double-fault stack) and syscall/sysret set-up. */
#include <machine/gdt.h>
#include <machine/seg.h>
#include <machine/cpu.h>

_Static_assert(sizeof(struct tss) == 104, "TSS is 104 bytes");

struct tss tss0;
static uint8_t df_stack[4096] __attribute__((aligned(16)));

/* null, kcode, kdata, ucode32, udata, ucode64, tss (2 slots) */
static uint64_t gdt[8] __attribute__((aligned(16)));

struct __attribute__((packed)) desc_ptr {
	uint16_t limit;
	uint64_t base;
};

extern void syscall_entry(void);
extern void syscall_entry_fast(void);


void gdt_init(void)
{
	uint64_t base = (uint64_t)&tss0;
	uint64_t limit = sizeof(tss0) - 1;
	struct desc_ptr gdtr;

	gdt[0] = 0;
	gdt[1] = 0x00af9a000000ffffULL;		/* kernel code, 64-bit */
	gdt[2] = 0x00cf92000000ffffULL;		/* kernel data */
	gdt[3] = 0x00cffa000000ffffULL;		/* user code, 32-bit (unused) */
	gdt[4] = 0x00cff2000000ffffULL;		/* user data */
	gdt[5] = 0x00affa000000ffffULL;		/* user code, 64-bit */
	gdt[6] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
		 (0x89ULL << 40) | (((limit >> 16) & 0xf) << 48) |
		 (((base >> 24) & 0xff) << 56);
	gdt[7] = base >> 32;

	tss0.ist[0] = (uint64_t)(df_stack + sizeof(df_stack));
	tss0.iomap_base = sizeof(tss0);

	gdtr.limit = sizeof(gdt) - 1;
	gdtr.base = (uint64_t)gdt;
	__asm__ volatile(
		"lgdt %0\n\t"
		"pushq %1\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\n\t"
		"movl %2, %%eax\n\t"
		"movl %%eax, %%ds\n\t"
		"movl %%eax, %%es\n\t"
		"movl %%eax, %%ss\n\t"
		"ltr %w3\n\t"
		: : "m"(gdtr), "i"(KERNEL_CS), "i"(KERNEL_DS), "r"(TSS_SEL)
		: "rax", "memory");

	/* syscall: CS = KERNEL_CS; sysret: CS = USER_CS32 + 16, SS = + 8 */
	wrmsr(MSR_STAR, ((uint64_t)USER_CS32 << 48) | ((uint64_t)KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (uint64_t)syscall_entry_fast);
	wrmsr(MSR_FMASK, RFLAGS_IF | RFLAGS_DF | RFLAGS_TF | RFLAGS_AC | RFLAGS_NT);
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
}

void syscall_set_entry(bool fast)
{
	wrmsr(MSR_LSTAR, (uint64_t)(fast ? syscall_entry_fast : syscall_entry));
}
