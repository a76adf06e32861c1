/* SPDX-License-Identifier: MIT */
/*
 * The periodic clock interrupt: local APIC timer (calibrated against PIT
 * channel 2), or the PIT on IRQ0 through the 8259 when there is no APIC.
 * Each tick enters trap_dispatch() with vector T_TIMER.
 */
#ifndef _MACHINE_TIMER_H_
#define _MACHINE_TIMER_H_

/*
 * timer_init: start a periodic interrupt at `hz' per second.
 * Conditions: interrupts disabled; pmem and the kernel pmap are ready
 * (the APIC page is mapped with pmap_kenter).  Returns the name of the
 * source ("lapic" or "pit").
 */
const char *timer_init(unsigned hz);

/* timer_eoi: acknowledge a T_TIMER interrupt. */
void timer_eoi(void);

/* timer_eoi_other: acknowledge any other device vector (spurious: no EOI). */
void timer_eoi_other(unsigned vector);

#endif /* _MACHINE_TIMER_H_ */
