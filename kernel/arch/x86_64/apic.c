/* SPDX-License-Identifier: MIT */
/* Local APIC timer, 8259 PIC and 8254 PIT. */
#include <stddef.h>
#include <machine/timer.h>
#include <machine/trap.h>
#include <machine/cpu.h>
#include <machine/pmap.h>
#include <machine/vm_param.h>

#define PIC1_CMD	0x20
#define PIC1_DATA	0x21
#define PIC2_CMD	0xa0
#define PIC2_DATA	0xa1
#define PIC_EOI		0x20

#define PIT_CH0		0x40
#define PIT_CH2		0x42
#define PIT_CMD		0x43
#define PIT_GATE	0x61
#define PIT_HZ		1193182U

#define LAPIC_EOI	0x0b0
#define LAPIC_SVR	0x0f0
#define LAPIC_LVT_TIMER	0x320
#define LAPIC_TIMER_ICR	0x380
#define LAPIC_TIMER_CCR	0x390
#define LAPIC_TIMER_DCR	0x3e0
#define LVT_MASKED	0x10000
#define LVT_PERIODIC	0x20000

/* The APIC page is mapped here (PDPT slot 511 of the kernel image PML4). */
#define LAPIC_VA	0xffffffffc0000000UL

static volatile uint32_t *lapic;	/* NULL: PIT mode */

static inline uint32_t lapic_read(unsigned reg)
{
	return lapic[reg / 4];
}

static inline void lapic_write(unsigned reg, uint32_t v)
{
	lapic[reg / 4] = v;
}

/* Remap the 8259s to 32..47 and mask every line. */
static void pic_init(void)
{
	outb(PIC1_CMD, 0x11);
	outb(PIC2_CMD, 0x11);
	outb(PIC1_DATA, T_IRQ_BASE);
	outb(PIC2_DATA, T_IRQ_BASE + 8);
	outb(PIC1_DATA, 0x04);
	outb(PIC2_DATA, 0x02);
	outb(PIC1_DATA, 0x01);
	outb(PIC2_DATA, 0x01);
	outb(PIC1_DATA, 0xff);
	outb(PIC2_DATA, 0xff);
}

/*
 * APIC timer ticks (divide by 16) in 250 us, measured with PIT channel 2.
 * Short, because the boot waits for it; +-1 PIT tick is 0.3 %.
 */
#define CALIBRATE_PER_SEC	4000
static uint32_t lapic_calibrate(void)
{
	const uint16_t count = PIT_HZ / CALIBRATE_PER_SEC;
	uint8_t gate = inb(PIT_GATE);

	outb(PIT_GATE, (gate & ~0x03) | 0x00);	/* gate low, speaker off */
	outb(PIT_CMD, 0xb0);			/* ch2, lo/hi, mode 0 */
	outb(PIT_CH2, count & 0xff);
	outb(PIT_CH2, count >> 8);
	lapic_write(LAPIC_TIMER_DCR, 0x3);
	lapic_write(LAPIC_LVT_TIMER, LVT_MASKED | T_TIMER);
	outb(PIT_GATE, (gate & ~0x03) | 0x01);	/* gate high: start */
	lapic_write(LAPIC_TIMER_ICR, 0xffffffffU);
	while (!(inb(PIT_GATE) & 0x20))
		continue;
	uint32_t elapsed = 0xffffffffU - lapic_read(LAPIC_TIMER_CCR);
	lapic_write(LAPIC_TIMER_ICR, 0);
	outb(PIT_GATE, gate & ~0x03);
	return elapsed;
}

const char *timer_init(unsigned hz)
{
	uint32_t a, b, c, d;

	pic_init();
	cpuid(1, &a, &b, &c, &d);
	if (d & (1U << 9)) {
		uint64_t base = rdmsr(MSR_APIC_BASE);

		wrmsr(MSR_APIC_BASE, base | 0x800);	/* global enable */
		pmap_kenter(LAPIC_VA, base & ~0xfffUL, PMAP_KENTER_NOCACHE);
		lapic = (volatile uint32_t *)LAPIC_VA;
		lapic_write(LAPIC_SVR, 0x100 | T_APIC_SPURIOUS);
		uint32_t per_cal = lapic_calibrate();
		uint32_t per_tick =
			(uint32_t)((uint64_t)per_cal * CALIBRATE_PER_SEC / hz);

		if (per_tick == 0)
			per_tick = 1;
		lapic_write(LAPIC_TIMER_DCR, 0x3);
		lapic_write(LAPIC_LVT_TIMER, LVT_PERIODIC | T_TIMER);
		lapic_write(LAPIC_TIMER_ICR, per_tick);
		return "lapic";
	}
	uint32_t div = PIT_HZ / hz;

	outb(PIT_CMD, 0x34);			/* ch0, lo/hi, mode 2 */
	outb(PIT_CH0, div & 0xff);
	outb(PIT_CH0, (div >> 8) & 0xff);
	outb(PIC1_DATA, 0xfe);			/* unmask IRQ0 */
	return "pit";
}

void timer_eoi(void)
{
	if (lapic != NULL)
		lapic_write(LAPIC_EOI, 0);
	else
		outb(PIC1_CMD, PIC_EOI);
}

void timer_eoi_other(unsigned vector)
{
	/* IRQ7 and IRQ15 may be spurious 8259 interrupts: no EOI for those. */
	if (vector == T_IRQ_BASE + 7 || vector == T_IRQ_BASE + 15)
		return;
	if (vector >= T_IRQ_BASE && vector < T_IRQ_BASE + 16) {
		if (vector >= T_IRQ_BASE + 8)
			outb(PIC2_CMD, PIC_EOI);
		outb(PIC1_CMD, PIC_EOI);
	} else if (lapic != NULL) {
		lapic_write(LAPIC_EOI, 0);
	}
}
