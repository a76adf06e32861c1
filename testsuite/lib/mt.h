/* SPDX-License-Identifier: MIT */
/*
 * mt.h: the guest side of the test protocol (TESTING.md).
 *
 * A test program is a user task.  It announces itself, reports one line per
 * case on the console and ends with a summary that the harness
 * (testsuite/lib/mach.exp) waits for:
 *
 *	int main(void)
 *	{
 *		MT_BEGIN("trap/self", 2);
 *		MT_EXPECT_EQ(mach_task_self(), mach_task_self());
 *		MT_CHECK(mach_host_self() != MACH_PORT_NULL, "host port");
 *		return MT_END();
 *	}
 *
 * prints
 *	MT-BEGIN trap/self 2
 *	MT-PASS mach_task_self() == mach_task_self()
 *	MT-PASS host port
 *	MT-END trap/self 0
 *
 * A failing case prints "MT-FAIL text: file:line: detail".  Case texts
 * must be unique within a program (they become DejaGnu test names).  A
 * program that dies before MT_END is UNRESOLVED; MT_END also reports a
 * FAIL when the number of cases differs from the one announced.
 */
#ifndef _MT_H_
#define _MT_H_

#include <stdint.h>

/* Announce "area" (e.g. "trap/self") with ncases cases to come. */
#define MT_BEGIN(area, ncases) mt_begin((area), (ncases))

/* A case that holds when expr is nonzero; fmt... names it. */
#define MT_CHECK(expr, ...) \
	mt_check(!!(expr), __FILE__, __LINE__, #expr, __VA_ARGS__)

/* A case that holds when got == want; named "got == want" as written. */
#define MT_EXPECT_EQ(got, want) \
	mt_expect_eq((intmax_t)(got), (intmax_t)(want), __FILE__, __LINE__, \
		     "%s == %s", #got, #want)

/* The same, with its name given by fmt... */
#define MT_EXPECT_EQ_MSG(got, want, ...) \
	mt_expect_eq((intmax_t)(got), (intmax_t)(want), __FILE__, __LINE__, \
		     __VA_ARGS__)

/*
 * A case comparing kern_return_t (or mach_msg_return_t) values: the detail
 * names the codes ("expected KERN_INVALID_ADDRESS got KERN_SUCCESS").
 */
#define MT_EXPECT_KR(got, want, ...) \
	mt_expect_kr((int)(got), (int)(want), __FILE__, __LINE__, __VA_ARGS__)

/* Unconditional verdicts. */
#define MT_PASS(...) mt_pass(__VA_ARGS__)
#define MT_FAIL(detail, ...) \
	mt_fail(__FILE__, __LINE__, (detail), __VA_ARGS__)

/* A case that cannot run here: "MT-SKIP text: reason". */
#define MT_SKIP(reason, ...) mt_skip((reason), __VA_ARGS__)

/* Print "MT-END area NFAIL" and return NFAIL (0: all passed). */
#define MT_END() mt_end()

void mt_begin(const char *area, int ncases);
void mt_pass(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void mt_fail(const char *file, int line, const char *detail,
	     const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void mt_skip(const char *reason, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int mt_check(int ok, const char *file, int line, const char *expr,
	     const char *fmt, ...) __attribute__((format(printf, 5, 6)));
int mt_expect_eq(intmax_t got, intmax_t want, const char *file, int line,
		 const char *fmt, ...) __attribute__((format(printf, 5, 6)));
int mt_expect_kr(int got, int want, const char *file, int line,
		 const char *fmt, ...) __attribute__((format(printf, 5, 6)));
int mt_end(void);

/* The symbolic name of a kern_return_t / mach_msg_return_t, or NULL. */
const char *mt_kr_name(int kr);

/* Helpers of test programs. */
int mt_ends_with(const char *s, const char *suffix);

/* The time stamp counter (under QEMU -icount: guest instructions). */
static inline uint64_t
mt_rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

#endif /* _MT_H_ */
