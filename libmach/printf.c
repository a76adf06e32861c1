/* SPDX-License-Identifier: MIT */
/*
 * printf.c: formatted output of the freestanding C runtime.
 *
 * One formatter (format()) writes through a sink; vsnprintf's sink fills a
 * buffer, printf's fills the console line buffer, which goes to the kernel
 * with one mach_print trap per complete line (or when it is full).
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "runtime/mach_rt.h"

struct sink {
	void (*put)(struct sink *, char);
	char *buf;		/* vsnprintf: destination */
	size_t size;		/* vsnprintf: its size */
	size_t count;		/* characters produced (as C counts them) */
};

static void
emit(struct sink *s, char c)
{
	s->put(s, c);
	s->count++;
}

static void
emit_repeat(struct sink *s, char c, int n)
{
	for (; n > 0; n--)
		emit(s, c);
}

struct spec {
	bool left, plus, space, alt, zero;
	int width;
	int prec;		/* -1: none */
};

/* Emit an integer: the digits of v in base, with sign/prefix and padding. */
static void
format_int(struct sink *s, const struct spec *sp, uintmax_t v, bool neg,
	   unsigned base, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[sizeof(uintmax_t) * 3 + 2];
	int ndig = 0;
	const char *prefix = "";
	bool nonzero = v != 0;
	int plen, npad0, total;

	while (v != 0) {
		tmp[ndig++] = digits[v % base];
		v /= base;
	}
	/* Precision 0 with value 0 prints no digits (C rule). */
	if (ndig == 0 && sp->prec != 0)
		tmp[ndig++] = '0';
	if (neg)
		prefix = "-";
	else if (sp->plus && base == 10)
		prefix = "+";
	else if (sp->space && base == 10)
		prefix = " ";
	else if (sp->alt && base == 16 && nonzero)
		prefix = upper ? "0X" : "0x";
	else if (sp->alt && base == 8 && (ndig == 0 || tmp[ndig - 1] != '0'))
		prefix = "0";
	plen = (int)strlen(prefix);

	npad0 = sp->prec > ndig ? sp->prec - ndig : 0;
	if (sp->zero && !sp->left && sp->prec < 0 &&
	    sp->width > plen + ndig)
		npad0 = sp->width - plen - ndig;
	total = plen + npad0 + ndig;

	if (!sp->left)
		emit_repeat(s, ' ', sp->width - total);
	for (const char *p = prefix; *p != '\0'; p++)
		emit(s, *p);
	emit_repeat(s, '0', npad0);
	while (ndig > 0)
		emit(s, tmp[--ndig]);
	if (sp->left)
		emit_repeat(s, ' ', sp->width - total);
}

static void
format_str(struct sink *s, const struct spec *sp, const char *str)
{
	size_t len;

	if (str == NULL)
		str = "(null)";
	len = sp->prec >= 0 ? strnlen(str, (size_t)sp->prec) : strlen(str);
	if (!sp->left)
		emit_repeat(s, ' ', sp->width - (int)len);
	for (size_t i = 0; i < len; i++)
		emit(s, str[i]);
	if (sp->left)
		emit_repeat(s, ' ', sp->width - (int)len);
}

enum length { LEN_INT, LEN_CHAR, LEN_SHORT, LEN_LONG, LEN_LLONG, LEN_SIZE,
	      LEN_PTRDIFF, LEN_INTMAX };

static uintmax_t
arg_unsigned(va_list *ap, enum length len)
{
	switch (len) {
	case LEN_CHAR:	  return (unsigned char)va_arg(*ap, unsigned int);
	case LEN_SHORT:	  return (unsigned short)va_arg(*ap, unsigned int);
	case LEN_LONG:	  return va_arg(*ap, unsigned long);
	case LEN_LLONG:	  return va_arg(*ap, unsigned long long);
	case LEN_SIZE:	  return va_arg(*ap, size_t);
	case LEN_PTRDIFF: return (uintmax_t)va_arg(*ap, ptrdiff_t);
	case LEN_INTMAX:  return va_arg(*ap, uintmax_t);
	default:	  return va_arg(*ap, unsigned int);
	}
}

static intmax_t
arg_signed(va_list *ap, enum length len)
{
	switch (len) {
	case LEN_CHAR:	  return (signed char)va_arg(*ap, int);
	case LEN_SHORT:	  return (short)va_arg(*ap, int);
	case LEN_LONG:	  return va_arg(*ap, long);
	case LEN_LLONG:	  return va_arg(*ap, long long);
	case LEN_SIZE:	  return (intmax_t)va_arg(*ap, size_t);
	case LEN_PTRDIFF: return va_arg(*ap, ptrdiff_t);
	case LEN_INTMAX:  return va_arg(*ap, intmax_t);
	default:	  return va_arg(*ap, int);
	}
}

static void
format(struct sink *s, const char *fmt, va_list ap0)
{
	va_list ap;

	va_copy(ap, ap0);
	for (; *fmt != '\0'; fmt++) {
		struct spec sp = { .prec = -1 };
		enum length len = LEN_INT;

		if (*fmt != '%') {
			emit(s, *fmt);
			continue;
		}
		for (;;) {
			switch (*++fmt) {
			case '-': sp.left = true; continue;
			case '+': sp.plus = true; continue;
			case ' ': sp.space = true; continue;
			case '#': sp.alt = true; continue;
			case '0': sp.zero = true; continue;
			}
			break;
		}
		if (*fmt == '*') {
			sp.width = va_arg(ap, int);
			if (sp.width < 0) {
				sp.left = true;
				sp.width = -sp.width;
			}
			fmt++;
		} else {
			while (*fmt >= '0' && *fmt <= '9')
				sp.width = sp.width * 10 + (*fmt++ - '0');
		}
		if (*fmt == '.') {
			fmt++;
			sp.prec = 0;
			if (*fmt == '*') {
				sp.prec = va_arg(ap, int);
				if (sp.prec < 0)
					sp.prec = -1;
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					sp.prec = sp.prec * 10 + (*fmt++ - '0');
			}
		}
		switch (*fmt) {
		case 'h':
			len = LEN_SHORT;
			if (fmt[1] == 'h') {
				len = LEN_CHAR;
				fmt++;
			}
			fmt++;
			break;
		case 'l':
			len = LEN_LONG;
			if (fmt[1] == 'l') {
				len = LEN_LLONG;
				fmt++;
			}
			fmt++;
			break;
		case 'z': len = LEN_SIZE; fmt++; break;
		case 't': len = LEN_PTRDIFF; fmt++; break;
		case 'j': len = LEN_INTMAX; fmt++; break;
		}
		switch (*fmt) {
		case 'd':
		case 'i': {
			intmax_t v = arg_signed(&ap, len);
			uintmax_t mag = v < 0 ? -(uintmax_t)v : (uintmax_t)v;

			format_int(s, &sp, mag, v < 0, 10, false);
			break;
		}
		case 'u':
			format_int(s, &sp, arg_unsigned(&ap, len), false, 10,
				   false);
			break;
		case 'x':
		case 'X':
			format_int(s, &sp, arg_unsigned(&ap, len), false, 16,
				   *fmt == 'X');
			break;
		case 'o':
			format_int(s, &sp, arg_unsigned(&ap, len), false, 8,
				   false);
			break;
		case 'p':
			sp.alt = true;
			format_int(s, &sp, (uintptr_t)va_arg(ap, void *), false,
				   16, false);
			break;
		case 'c': {
			char c = (char)va_arg(ap, int);

			if (!sp.left)
				emit_repeat(s, ' ', sp.width - 1);
			emit(s, c);
			if (sp.left)
				emit_repeat(s, ' ', sp.width - 1);
			break;
		}
		case 's':
			format_str(s, &sp, va_arg(ap, const char *));
			break;
		case '%':
			emit(s, '%');
			break;
		case '\0':
			/* A lone '%' at the end: print it, stop. */
			emit(s, '%');
			va_end(ap);
			return;
		default:
			/* Unknown conversion: print it as written. */
			emit(s, '%');
			emit(s, *fmt);
			break;
		}
	}
	va_end(ap);
}

static void
put_buffer(struct sink *s, char c)
{
	if (s->size > 0 && s->count < s->size - 1)
		s->buf[s->count] = c;
}

int
vsnprintf(char *restrict buf, size_t size, const char *restrict fmt,
	  va_list ap)
{
	struct sink s = { .put = put_buffer, .buf = buf, .size = size };

	format(&s, fmt, ap);
	if (size > 0)
		buf[s.count < size - 1 ? s.count : size - 1] = '\0';
	return (int)s.count;
}

int
snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

/*
 * The console line buffer.  A line longer than the buffer goes out in
 * pieces (the kernel accepts 4096 bytes a trap; 512 keeps .bss small).
 */
#define LINE_MAX_CHARS 512
static char line[LINE_MAX_CHARS + 1];
static size_t line_len;

struct __libmach_file {
	int unused;
};
static struct __libmach_file console;
FILE *const stdout = &console;
FILE *const stderr = &console;

void
__libmach_stdout_flush(void)
{
	if (line_len == 0)
		return;
	line[line_len] = '\0';
	(void)mach_print(line);
	line_len = 0;
}

static void
put_console(struct sink *s, char c)
{
	(void)s;
	line[line_len++] = c;
	if (c == '\n' || line_len == LINE_MAX_CHARS)
		__libmach_stdout_flush();
}

int
vprintf(const char *restrict fmt, va_list ap)
{
	struct sink s = { .put = put_console };

	format(&s, fmt, ap);
	return (int)s.count;
}

int
printf(const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}

int
putchar(int c)
{
	struct sink s = { .put = put_console };

	emit(&s, (char)c);
	return (unsigned char)c;
}

int
puts(const char *str)
{
	struct sink s = { .put = put_console };

	for (; *str != '\0'; str++)
		emit(&s, *str);
	emit(&s, '\n');
	return (int)s.count;
}

int
fflush(FILE *stream)
{
	(void)stream;		/* NULL or the console: the same stream */
	__libmach_stdout_flush();
	return 0;
}
