/* SPDX-License-Identifier: MIT */
/*
 * panic: report an unrecoverable kernel error and stop the machine.
 * Prints `panic: REASON`, the registers, cr2 and a symbolised backtrace,
 * then exits QEMU with ARCH_EXIT_PANIC (host status 35).
 */
#ifndef _KERN_PANIC_H_
#define _KERN_PANIC_H_

#include <stdint.h>

void panic(const char *fmt, ...)
	__attribute__((noreturn, format(printf, 1, 2)));

/* The pieces, for the trap path (which prints its own frame). */
void panic_begin(void);
void panic_end(void) __attribute__((noreturn));

/* backtrace_print: symbolised frame-pointer walk starting at rip/rbp. */
void backtrace_print(uint64_t rip, uint64_t rbp);

#define assert(e) \
	((e) ? (void)0 : panic("assertion failed: %s (%s:%d)", #e, __FILE__, __LINE__))

#endif /* _KERN_PANIC_H_ */
