/* SPDX-License-Identifier: MIT */
/* The IDT: every vector goes through a locore.S stub to trap_dispatch(). */
#include <machine/trap.h>
#include <machine/seg.h>

struct idt_gate {
	uint16_t offset_lo;
	uint16_t selector;
	uint8_t  ist;
	uint8_t  type_attr;
	uint16_t offset_mid;
	uint32_t offset_hi;
	uint32_t reserved;
} __attribute__((packed));

_Static_assert(sizeof(struct idt_gate) == 16, "IDT gate is 16 bytes");

#define IDT_STUB_SIZE	16
#define GATE_INTR	0x8e	/* present, DPL 0, 64-bit interrupt gate */
#define GATE_INTR_USER	0xee	/* the same, DPL 3: int3 and into from user */

static struct idt_gate idt[256] __attribute__((aligned(16)));
extern char idt_stubs[];

void idt_init(void)
{
	struct __attribute__((packed)) {
		uint16_t limit;
		uint64_t base;
	} idtr;

	for (unsigned v = 0; v < 256; v++) {
		uint64_t addr = (uint64_t)(idt_stubs + v * IDT_STUB_SIZE);

		idt[v].offset_lo = addr & 0xffff;
		idt[v].selector = KERNEL_CS;
		idt[v].ist = v == T_DOUBLE_FAULT ? 1 : 0;
		idt[v].type_attr = (v == T_BREAKPOINT || v == T_OVERFLOW) ?
				   GATE_INTR_USER : GATE_INTR;
		idt[v].offset_mid = (addr >> 16) & 0xffff;
		idt[v].offset_hi = addr >> 32;
		idt[v].reserved = 0;
	}
	idtr.limit = sizeof(idt) - 1;
	idtr.base = (uint64_t)idt;
	__asm__ volatile("lidt %0" : : "m"(idtr));
}
