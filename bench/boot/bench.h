/* SPDX-License-Identifier: MIT */
/* bench.h: what the benchmark tasks share. */
#ifndef _BENCH_BOOT_BENCH_H_
#define _BENCH_BOOT_BENCH_H_

#include <stdint.h>

/* The time stamp counter: under QEMU -icount shift=0, guest instructions. */
static inline uint64_t
bench_rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

#endif /* _BENCH_BOOT_BENCH_H_ */
