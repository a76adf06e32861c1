/* SPDX-License-Identifier: MIT */
/*
 * mt.c: the guest side of the test protocol; see mt.h.
 *
 * A program's state is one struct: the area, the cases announced, the
 * cases reported and the failures.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "mt.h"

static struct {
	const char *area;
	int announced;
	int reported;
	int failed;
} mt;

/* Case names and details are kept on one line: newlines become spaces. */
static void
print_text(const char *fmt, va_list ap)
{
	char buf[256];

	vsnprintf(buf, sizeof buf, fmt, ap);
	for (char *p = buf; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	printf("%s", buf);
}

void
mt_begin(const char *area, int ncases)
{
	mt.area = area;
	mt.announced = ncases;
	mt.reported = 0;
	mt.failed = 0;
	printf("MT-BEGIN %s %d\n", area, ncases);
}

static void
vpass(const char *fmt, va_list ap)
{
	mt.reported++;
	printf("MT-PASS ");
	print_text(fmt, ap);
	printf("\n");
}

/* "MT-FAIL text: file:line: detail" */
static void
vfail(const char *file, int line, const char *detail, const char *fmt,
      va_list ap)
{
	const char *base = strrchr(file, '/');

	mt.reported++;
	mt.failed++;
	printf("MT-FAIL ");
	print_text(fmt, ap);
	printf(": %s:%d: %s\n", base != NULL ? base + 1 : file, line, detail);
}

void
mt_pass(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vpass(fmt, ap);
	va_end(ap);
}

void
mt_fail(const char *file, int line, const char *detail, const char *fmt,
	...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(file, line, detail, fmt, ap);
	va_end(ap);
}

void
mt_skip(const char *reason, const char *fmt, ...)
{
	va_list ap;

	mt.reported++;
	printf("MT-SKIP ");
	va_start(ap, fmt);
	print_text(fmt, ap);
	va_end(ap);
	printf(": %s\n", reason);
}

int
mt_check(int ok, const char *file, int line, const char *expr,
	 const char *fmt, ...)
{
	char detail[160];
	va_list ap;

	snprintf(detail, sizeof detail, "check `%s' failed", expr);
	va_start(ap, fmt);
	if (ok)
		vpass(fmt, ap);
	else
		vfail(file, line, detail, fmt, ap);
	va_end(ap);
	return ok;
}

int
mt_expect_eq(intmax_t got, intmax_t want, const char *file, int line,
	     const char *fmt, ...)
{
	char detail[96];
	va_list ap;

	snprintf(detail, sizeof detail, "expected %jd (%#jx) got %jd (%#jx)",
		 want, want, got, got);
	va_start(ap, fmt);
	if (got == want)
		vpass(fmt, ap);
	else
		vfail(file, line, detail, fmt, ap);
	va_end(ap);
	return got == want;
}

static const struct {
	int code;
	const char *name;
} kr_names[] = {
#define KR(name, code) { code, #name }
	KR(KERN_SUCCESS, 0),
	KR(KERN_INVALID_ADDRESS, 1),
	KR(KERN_PROTECTION_FAILURE, 2),
	KR(KERN_NO_SPACE, 3),
	KR(KERN_INVALID_ARGUMENT, 4),
	KR(KERN_FAILURE, 5),
	KR(KERN_RESOURCE_SHORTAGE, 6),
	KR(KERN_NOT_RECEIVER, 7),
	KR(KERN_NO_ACCESS, 8),
	KR(KERN_MEMORY_FAILURE, 9),
	KR(KERN_MEMORY_ERROR, 10),
	KR(KERN_NOT_IN_SET, 12),
	KR(KERN_NAME_EXISTS, 13),
	KR(KERN_ABORTED, 14),
	KR(KERN_INVALID_NAME, 15),
	KR(KERN_INVALID_TASK, 16),
	KR(KERN_INVALID_RIGHT, 17),
	KR(KERN_INVALID_VALUE, 18),
	KR(KERN_UREFS_OVERFLOW, 19),
	KR(KERN_INVALID_CAPABILITY, 20),
	KR(KERN_RIGHT_EXISTS, 21),
	KR(KERN_INVALID_HOST, 22),
	KR(KERN_MEMORY_PRESENT, 23),
	KR(KERN_WRITE_PROTECTION_FAILURE, 24),
	KR(KERN_TERMINATED, 26),
	KR(KERN_TIMEDOUT, 27),
	KR(KERN_INTERRUPTED, 28),
	KR(MACH_SEND_IN_PROGRESS, 0x10000001),
	KR(MACH_SEND_INVALID_DATA, 0x10000002),
	KR(MACH_SEND_INVALID_DEST, 0x10000003),
	KR(MACH_SEND_TIMED_OUT, 0x10000004),
	KR(MACH_SEND_INTERRUPTED, 0x10000007),
	KR(MACH_SEND_MSG_TOO_SMALL, 0x10000008),
	KR(MACH_SEND_INVALID_REPLY, 0x10000009),
	KR(MACH_SEND_INVALID_RIGHT, 0x1000000a),
	KR(MACH_SEND_INVALID_MEMORY, 0x1000000c),
	KR(MACH_SEND_NO_BUFFER, 0x1000000d),
	KR(MACH_SEND_INVALID_TYPE, 0x1000000f),
	KR(MACH_SEND_INVALID_HEADER, 0x10000010),
	KR(MACH_RCV_INVALID_NAME, 0x10004002),
	KR(MACH_RCV_TIMED_OUT, 0x10004003),
	KR(MACH_RCV_TOO_LARGE, 0x10004004),
	KR(MACH_RCV_INTERRUPTED, 0x10004005),
	KR(MACH_RCV_INVALID_DATA, 0x10004008),
	KR(MACH_RCV_HEADER_ERROR, 0x1000400b),
	KR(MACH_RCV_BODY_ERROR, 0x1000400c),
	KR(MIG_TYPE_ERROR, -300),
	KR(MIG_REPLY_MISMATCH, -301),
	KR(MIG_REMOTE_ERROR, -302),
	KR(MIG_BAD_ID, -303),
	KR(MIG_BAD_ARGUMENTS, -304),
	KR(MIG_NO_REPLY, -305),
	KR(MIG_EXCEPTION, -306),
	KR(MIG_ARRAY_TOO_LARGE, -307),
	KR(MIG_SERVER_DIED, -308),
	KR(MIG_DESTROY_REQUEST, -309),
#undef KR
};

const char *
mt_kr_name(int kr)
{
	for (size_t i = 0; i < sizeof kr_names / sizeof kr_names[0]; i++)
		if (kr_names[i].code == kr)
			return kr_names[i].name;
	return NULL;
}

static void
kr_format(char *buf, size_t size, int kr)
{
	const char *name = mt_kr_name(kr);

	if (name != NULL)
		snprintf(buf, size, "%s", name);
	else
		snprintf(buf, size, "%#x", (unsigned)kr);
}

int
mt_expect_kr(int got, int want, const char *file, int line, const char *fmt,
	     ...)
{
	char g[40], w[40], detail[96];
	va_list ap;

	kr_format(g, sizeof g, got);
	kr_format(w, sizeof w, want);
	snprintf(detail, sizeof detail, "expected %s got %s", w, g);
	va_start(ap, fmt);
	if (got == want)
		vpass(fmt, ap);
	else
		vfail(file, line, detail, fmt, ap);
	va_end(ap);
	return got == want;
}

int
mt_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

int
mt_end(void)
{
	if (mt.reported != mt.announced) {
		char detail[64];

		snprintf(detail, sizeof detail, "expected %d got %d",
			 mt.announced, mt.reported);
		mt_fail(__FILE__, __LINE__, detail, "%s case count", mt.area);
	}
	printf("MT-END %s %d\n", mt.area, mt.failed);
	fflush(NULL);
	return mt.failed;
}
