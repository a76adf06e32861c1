/* SPDX-License-Identifier: MIT */
/*
 * nulltrap: guest instructions of a null trap, mach_task_self(), under
 * QEMU -icount shift=0 (where rdtsc counts guest instructions).
 *
 * The same loop calls the trap stub and then an empty function; the
 * difference per call is the trap: the stub's number load and `syscall`,
 * the kernel's entry, work and `sysret`.  The minimum over ROUNDS rounds
 * keeps a timer interrupt out of the figure.
 */
#include <stdint.h>
#include <stdio.h>

#include <mach/mach_traps.h>

#include "bench.h"

#define ROUNDS 10
#define CALLS 10000

/* A function of one `ret`: the loop's call and return, nothing else. */
mach_port_t empty(void);
__asm__(".text\n"
	".type empty, @function\n"
	"empty:\n"
	"\tret\n"
	".size empty, . - empty\n");

/* Instructions of CALLS calls to fn, the minimum over ROUNDS rounds. */
__attribute__((noinline)) static uint64_t
measure(mach_port_t (*volatile fn)(void))
{
	uint64_t best = UINT64_MAX;

	for (int r = 0; r < ROUNDS; r++) {
		mach_port_t (*f)(void) = fn;
		uint64_t t0 = bench_rdtsc();

		for (int i = 0; i < CALLS; i++)
			(void)f();
		uint64_t t = bench_rdtsc() - t0;
		if (t < best)
			best = t;
	}
	return best;
}

int
main(void)
{
	uint64_t trap = measure(mach_task_self);
	uint64_t base = measure(empty);

	printf("BENCH null_trap_x100=%llu loop_x100=%llu calls=%d\n",
	       (unsigned long long)((trap - base) * 100 / CALLS),
	       (unsigned long long)(base * 100 / CALLS), CALLS);
	return 0;
}
