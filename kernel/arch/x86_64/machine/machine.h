/* SPDX-License-Identifier: MIT */
/* Machine-level services the generic kernel calls (arch_* interface). */
#ifndef _MACHINE_MACHINE_H_
#define _MACHINE_MACHINE_H_

#include <stdint.h>

/* Exit codes written to isa-debug-exit (host sees (code << 1) | 1). */
#define ARCH_EXIT_SUCCESS	0x10
#define ARCH_EXIT_PANIC		0x11

/*
 * arch_exit: write `code' to the isa-debug-exit port, then halt forever
 * (if the device is absent).  Never returns.
 */
void arch_exit(uint8_t code) __attribute__((noreturn));

/*
 * arch_idle: wait for the next interrupt with interrupts enabled, then
 * disable them again.  Called only by the idle thread.
 */
void arch_idle(void);

/* arch_timestamp: a monotonic cycle count (rdtsc; instructions under icount). */
uint64_t arch_timestamp(void);

/* arch_boot_timestamp: arch_timestamp() when the kernel's C code started. */
uint64_t arch_boot_timestamp(void);

#endif /* _MACHINE_MACHINE_H_ */
