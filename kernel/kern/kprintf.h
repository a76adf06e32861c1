/* SPDX-License-Identifier: MIT */
/*
 * Kernel console output.  Formats: %c %s %d %i %u %x %p with the l, ll, z
 * length modifiers, a field width, the 0 and - flags, and a precision
 * (digits or *) for %s.
 */
#ifndef _KERN_KPRINTF_H_
#define _KERN_KPRINTF_H_

#include <stdarg.h>
#include <stddef.h>

/* kprintf: format to the console.  May be called with interrupts off. */
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void kvprintf(const char *fmt, va_list ap);

/* ksnprintf: format into buf (always NUL-terminated); returns the length. */
size_t ksnprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* _KERN_KPRINTF_H_ */
