/* SPDX-License-Identifier: MIT */
/*
 * tiny: the task of the boot benchmark.  Announces one test case and
 * passes it, as a test program of the harness does, then prints the time
 * stamp counter at its first instruction (entry.S) and just before the
 * verdict, and exits.
 */
#include <stdint.h>
#include <stdio.h>

#include "bench.h"

extern uint64_t bench_first_tsc;

int
main(void)
{
	uint64_t marker;

	printf("MT-BEGIN bench/boot 1\n");
	marker = bench_rdtsc();	/* the first verdict is printed next */
	printf("MT-PASS boot marker\n");
	printf("BENCH first_user_tsc=%llu marker_tsc=%llu\n",
	       (unsigned long long)bench_first_tsc,
	       (unsigned long long)marker);
	printf("MT-END bench/boot 0\n");
	return 0;
}
