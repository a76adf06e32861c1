/* SPDX-License-Identifier: MIT */
/* <mach/time_value.h>: seconds + microseconds, and the mapped clock. */
#ifndef _MACH_TIME_VALUE_H_
#define _MACH_TIME_VALUE_H_

#include <stdint.h>
#include <mach/machine/vm_types.h>
#include <mach/abi.h>

/* As it travels in messages. */
struct rpc_time_value {
	rpc_long_integer_t seconds;
	integer_t microseconds;		/* 0 .. TIME_MICROS_MAX - 1 */
};
typedef struct rpc_time_value rpc_time_value_t;

/* As code uses it (the same layout on x86_64). */
struct time_value {
	long_integer_t seconds;
	integer_t microseconds;
};
typedef struct time_value time_value_t;

/* Seconds and nanoseconds, both 64 bits (the *64 kernel calls). */
struct time_value64 {
	int64_t seconds;
	int64_t nanoseconds;		/* 0 .. TIME_NANOS_MAX - 1 */
};
typedef struct time_value64 time_value64_t;

MACH_ABI_SIZE(time_value64_t, 16);
MACH_ABI_SIZE(rpc_time_value_t, 16);
MACH_ABI_OFFSET(rpc_time_value_t, microseconds, 8);
MACH_ABI_SIZE(time_value_t, 16);

static __inline__ rpc_time_value_t
convert_time_value_to_user(time_value_t tv)
{
	rpc_time_value_t r;

	r.seconds = tv.seconds;
	r.microseconds = tv.microseconds;
	return r;
}

static __inline__ time_value_t
convert_time_value_from_user(rpc_time_value_t tv)
{
	time_value_t r;

	r.seconds = tv.seconds;
	r.microseconds = tv.microseconds;
	return r;
}

#define TIME_MICROS_MAX	(1000000)
#define TIME_NANOS_MAX	(1000000000)

/*
 * host_adjust_time and host_adjust_time64 leave the adjustment alone and
 * only report it when given these as the sub-second part.
 */
#define MACH_ADJTIME_USECS_OMIT	TIME_MICROS_MAX
#define MACH_ADJTIME_NSECS_OMIT	TIME_NANOS_MAX

/* time_value_assert uses the includer's assert() when it has one. */
#ifdef assert
#define time_value_assert(val) \
	assert(0 <= (val)->microseconds && \
	       (val)->microseconds < TIME_MICROS_MAX)
#define time_value64_assert(val) \
	assert(0 <= (val)->nanoseconds && \
	       (val)->nanoseconds < TIME_NANOS_MAX)
#else
#define time_value_assert(val) ((void)0)
#define time_value64_assert(val) ((void)0)
#endif

#define time_value_add_usec(val, micros)				\
	do {								\
		time_value_assert(val);					\
		if (((val)->microseconds += (micros)) >=		\
		    TIME_MICROS_MAX) {					\
			(val)->microseconds -= TIME_MICROS_MAX;		\
			(val)->seconds++;				\
		}							\
		time_value_assert(val);					\
	} while (0)

#define time_value_sub_usec(val, micros)				\
	do {								\
		time_value_assert(val);					\
		if (((val)->microseconds -= (micros)) < 0) {		\
			(val)->microseconds += TIME_MICROS_MAX;		\
			(val)->seconds--;				\
		}							\
		time_value_assert(val);					\
	} while (0)

#define time_value_add(result, addend)					\
	do {								\
		time_value_assert(addend);				\
		(result)->seconds += (addend)->seconds;			\
		time_value_add_usec((result), (addend)->microseconds);	\
	} while (0)

#define time_value_sub(result, subtrahend)				\
	do {								\
		time_value_assert(subtrahend);				\
		(result)->seconds -= (subtrahend)->seconds;		\
		time_value_sub_usec((result), (subtrahend)->microseconds); \
	} while (0)

#define time_value64_add_nanos(val, nanos)				\
	do {								\
		time_value64_assert(val);				\
		if (((val)->nanoseconds += (nanos)) >=			\
		    TIME_NANOS_MAX) {					\
			(val)->nanoseconds -= TIME_NANOS_MAX;		\
			(val)->seconds++;				\
		}							\
		time_value64_assert(val);				\
	} while (0)

#define time_value64_sub_nanos(val, nanos)				\
	do {								\
		time_value64_assert(val);				\
		if (((val)->nanoseconds -= (nanos)) < 0) {		\
			(val)->nanoseconds += TIME_NANOS_MAX;		\
			(val)->seconds--;				\
		}							\
		time_value64_assert(val);				\
	} while (0)

#define time_value64_add(result, addend)				\
	do {								\
		time_value64_assert(addend);				\
		(result)->seconds += (addend)->seconds;			\
		time_value64_add_nanos((result), (addend)->nanoseconds); \
	} while (0)

#define time_value64_sub(result, subtrahend)				\
	do {								\
		time_value64_assert(subtrahend);			\
		(result)->seconds -= (subtrahend)->seconds;		\
		time_value64_sub_nanos((result), (subtrahend)->nanoseconds); \
	} while (0)

#define time_value64_init(tv)						\
	do {								\
		(tv)->seconds = 0;					\
		(tv)->nanoseconds = 0;					\
	} while (0)

#define TIME_VALUE64_TO_TIME_VALUE(tv64, tv)				\
	do {								\
		(tv)->seconds = (tv64)->seconds;			\
		(tv)->microseconds = (tv64)->nanoseconds / 1000;	\
	} while (0)

#define TIME_VALUE_TO_TIME_VALUE64(tv, tv64)				\
	do {								\
		(tv64)->seconds = (tv)->seconds;			\
		(tv64)->nanoseconds = (tv)->microseconds * 1000;	\
	} while (0)

/*
 * The clock page the kernel maps read-only into tasks.  A reader reads
 * seconds, then microseconds, then check_seconds, and retries when the
 * two seconds differ (the kernel writes them in the opposite order).
 */
typedef struct mapped_time_value {
	integer_t seconds;
	integer_t microseconds;
	integer_t check_seconds;
	/* The same protocol with 64-bit fields: wall clock and uptime. */
	struct time_value64 time_value;
	int64_t check_seconds64;
	struct time_value64 uptime_value;
	int64_t check_upseconds64;
} mapped_time_value_t;

MACH_ABI_OFFSET(mapped_time_value_t, time_value, 16);
MACH_ABI_OFFSET(mapped_time_value_t, check_seconds64, 32);
MACH_ABI_SIZE(mapped_time_value_t, 64);

#define TIME_VALUE_TO_TIMESPEC(tv, ts)				\
	do {							\
		(ts)->tv_sec = (tv)->seconds;			\
		(ts)->tv_nsec = (tv)->microseconds * 1000;	\
	} while (0)

#define TIMESPEC_TO_TIME_VALUE(tv, ts)				\
	do {							\
		(tv)->seconds = (ts)->tv_sec;			\
		(tv)->microseconds = (ts)->tv_nsec / 1000;	\
	} while (0)

#define TIME_VALUE64_TO_TIMESPEC(tv, ts)			\
	do {							\
		(ts)->tv_sec = (tv)->seconds;			\
		(ts)->tv_nsec = (tv)->nanoseconds;		\
	} while (0)

#define TIMESPEC_TO_TIME_VALUE64(tv, ts)			\
	do {							\
		(tv)->seconds = (ts)->tv_sec;			\
		(tv)->nanoseconds = (ts)->tv_nsec;		\
	} while (0)

#endif /* _MACH_TIME_VALUE_H_ */
