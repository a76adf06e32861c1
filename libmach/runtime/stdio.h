/* SPDX-License-Identifier: MIT */
/*
 * stdio.h: formatted output of libmach's freestanding C runtime.
 *
 * printf, puts and putchar write to the kernel console through the
 * mach_print trap.  Output is line buffered: each complete line goes to
 * the kernel in one trap, so lines of tasks running side by side never
 * mix.  exit() and abort() flush a pending partial line; fflush(NULL) or
 * fflush(stdout) does it on demand.
 *
 * Conversions: %d %i %u %x %X %o %c %s %p %%, flags "-+ #0", field width
 * and precision (also "*"), length modifiers hh h l ll z t j.  No floating
 * point.
 */
#ifndef _LIBMACH_STDIO_H_
#define _LIBMACH_STDIO_H_

#include <stdarg.h>
#include <stddef.h>

#define EOF (-1)

/* There is one stream, the console; FILE exists only for fflush(). */
typedef struct __libmach_file FILE;
extern FILE *const stdout;
extern FILE *const stderr;

int printf(const char *restrict fmt, ...)
	__attribute__((format(printf, 1, 2)));
int vprintf(const char *restrict fmt, va_list ap)
	__attribute__((format(printf, 1, 0)));
int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
	__attribute__((format(printf, 3, 4)));
int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt,
	      va_list ap) __attribute__((format(printf, 3, 0)));
int puts(const char *s);
int putchar(int c);
int fflush(FILE *stream);

#endif /* _LIBMACH_STDIO_H_ */
