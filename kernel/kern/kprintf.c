/* SPDX-License-Identifier: MIT */
/* A small printf for the kernel console. */
#include <stdint.h>
#include <stdbool.h>
#include <kern/kprintf.h>
#include <kern/kstring.h>
#include <machine/console.h>

struct kp_out {
	char	*buf;		/* NULL: console */
	size_t	size;
	size_t	len;
	char	line[128];	/* console staging buffer */
	size_t	llen;
};

static void kp_flush(struct kp_out *o)
{
	if (o->buf == NULL && o->llen > 0) {
		console_write(o->line, o->llen);
		o->llen = 0;
	}
}

static void kp_putc(struct kp_out *o, char c)
{
	if (o->buf != NULL) {
		if (o->len + 1 < o->size)
			o->buf[o->len] = c;
		o->len++;
		return;
	}
	o->line[o->llen++] = c;
	o->len++;
	if (o->llen == sizeof(o->line))
		kp_flush(o);
}

static void kp_number(struct kp_out *o, uint64_t v, unsigned base, bool neg,
		      int width, bool zero, bool left)
{
	char tmp[24];
	int n = 0;

	do {
		tmp[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v != 0);
	if (neg)
		tmp[n++] = '-';
	int digits = n;

	if (!left)
		for (int i = digits; i < width; i++)
			kp_putc(o, zero ? '0' : ' ');
	while (n > 0)
		kp_putc(o, tmp[--n]);
	if (left)
		for (int i = digits; i < width; i++)
			kp_putc(o, ' ');
}

static void kp_format(struct kp_out *o, const char *fmt, va_list ap)
{
	for (; *fmt != '\0'; fmt++) {
		if (*fmt != '%') {
			kp_putc(o, *fmt);
			continue;
		}
		fmt++;
		bool zero = false, left = false;
		int width = 0, lng = 0;

		for (;; fmt++) {
			if (*fmt == '0')
				zero = true;
			else if (*fmt == '-')
				left = true;
			else
				break;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		int prec = -1;

		if (*fmt == '.') {
			fmt++;
			prec = 0;
			if (*fmt == '*') {
				prec = va_arg(ap, int);
				fmt++;
			}
			while (*fmt >= '0' && *fmt <= '9')
				prec = prec * 10 + (*fmt++ - '0');
		}
		while (*fmt == 'l' || *fmt == 'z') {
			lng++;
			fmt++;
		}
		switch (*fmt) {
		case 'c':
			kp_putc(o, (char)va_arg(ap, int));
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			int n;

			if (s == NULL)
				s = "(null)";
			n = (int)strlen(s);
			if (prec >= 0 && prec < n)
				n = prec;
			if (!left)
				for (int i = n; i < width; i++)
					kp_putc(o, ' ');
			for (int i = 0; i < n; i++)
				kp_putc(o, s[i]);
			if (left)
				for (int i = n; i < width; i++)
					kp_putc(o, ' ');
			break;
		}
		case 'd':
		case 'i': {
			int64_t v = lng ? va_arg(ap, int64_t) : va_arg(ap, int);

			kp_number(o, v < 0 ? -(uint64_t)v : (uint64_t)v, 10,
				  v < 0, width, zero, left);
			break;
		}
		case 'u':
		case 'x': {
			uint64_t v = lng ? va_arg(ap, uint64_t) : va_arg(ap, unsigned);

			kp_number(o, v, *fmt == 'u' ? 10 : 16, false, width,
				  zero, left);
			break;
		}
		case 'p':
			kp_putc(o, '0');
			kp_putc(o, 'x');
			kp_number(o, (uint64_t)va_arg(ap, void *), 16, false,
				  width, zero, left);
			break;
		case '%':
			kp_putc(o, '%');
			break;
		case '\0':
			return;
		default:
			kp_putc(o, '%');
			kp_putc(o, *fmt);
			break;
		}
	}
}

void kvprintf(const char *fmt, va_list ap)
{
	struct kp_out o = { .buf = NULL };

	kp_format(&o, fmt, ap);
	kp_flush(&o);
}

void kprintf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kvprintf(fmt, ap);
	va_end(ap);
}

size_t ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
	struct kp_out o = { .buf = buf, .size = size };
	va_list ap;

	va_start(ap, fmt);
	kp_format(&o, fmt, ap);
	va_end(ap);
	if (size > 0)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return o.len;
}
