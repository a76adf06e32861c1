/* SPDX-License-Identifier: MIT */
/*
 * bench_main.c - the round-trip benchmark program, built twice (our stubs,
 * GNU MIG's stubs) from the same text.  `prog ROUTINE N` makes N round
 * trips of ROUTINE inside bench_loop_ROUTINE(), which callgrind measures
 * (bench/mig/migbench.py); every result is checked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_renames.h"
#include "bench.h"
#include "bench_rt.h"

#undef bench_null
#undef bench_int
#undef bench_inline
#undef bench_ool
#undef bench_string

extern boolean_t bench_server(mach_msg_header_t *, mach_msg_header_t *);
extern kern_return_t vm_deallocate(mach_port_t task, vm_address_t addr, vm_size_t size);
extern mach_port_t mach_task_self(void);

static volatile unsigned sink;
static unsigned failures;

/* ---- server functions (what the demultiplexer calls) ---- */

kern_return_t bench_null(mach_port_t server);
kern_return_t bench_int(mach_port_t server, int a, int *b);
kern_return_t bench_inline(mach_port_t server, const char *data, mach_msg_type_number_t n);
kern_return_t bench_ool(mach_port_t server, bench_ool_t data, mach_msg_type_number_t n);
kern_return_t bench_string(mach_port_t server, const char *name);

kern_return_t bench_null(mach_port_t server)
{
	(void)server;
	return KERN_SUCCESS;
}

kern_return_t bench_int(mach_port_t server, int a, int *b)
{
	(void)server;
	*b = a + 1;
	return KERN_SUCCESS;
}

kern_return_t bench_inline(mach_port_t server, const char *data, mach_msg_type_number_t n)
{
	(void)server;
	sink += n ? (unsigned char)data[n - 1] : 0;
	return KERN_SUCCESS;
}

kern_return_t bench_ool(mach_port_t server, bench_ool_t data, mach_msg_type_number_t n)
{
	(void)server;
	sink += n ? (unsigned char)data[n - 1] : 0;
	vm_deallocate(mach_task_self(), (vm_address_t)data, n);
	return KERN_SUCCESS;
}

kern_return_t bench_string(mach_port_t server, const char *name)
{
	(void)server;
	sink += (unsigned char)name[0];
	return KERN_SUCCESS;
}

/* ---- the measured loops ---- */

#define PORT ((mach_port_t)0x55)

static char kb[1024];
static char ool[4096];
static char str[256];

#define CHECK(kr, what) \
	do { if ((kr) != KERN_SUCCESS) { failures++; \
		fprintf(stderr, "%s: %#x\n", what, (unsigned)(kr)); } } while (0)

__attribute__((noinline)) void bench_loop_null(unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		CHECK(bu_bench_null(PORT), "null");
}

__attribute__((noinline)) void bench_loop_int(unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		int b = 0;
		CHECK(bu_bench_int(PORT, (int)i, &b), "int");
		if (b != (int)i + 1)
			failures++;
	}
}

__attribute__((noinline)) void bench_loop_inline(unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		CHECK(bu_bench_inline(PORT, kb, sizeof kb), "inline");
}

__attribute__((noinline)) void bench_loop_ool(unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		CHECK(bu_bench_ool(PORT, ool, sizeof ool), "ool");
}

__attribute__((noinline)) void bench_loop_string(unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		CHECK(bu_bench_string(PORT, str), "string");
}

int main(int argc, char **argv)
{
	static const struct { const char *name; void (*loop)(unsigned); } loops[] = {
		{ "null", bench_loop_null }, { "int", bench_loop_int },
		{ "inline", bench_loop_inline }, { "ool", bench_loop_ool },
		{ "string", bench_loop_string },
	};
	unsigned n = argc > 2 ? (unsigned)strtoul(argv[2], NULL, 0) : 1000;
	size_t i;

	memset(kb, 'k', sizeof kb);
	memset(ool, 'o', sizeof ool);
	memset(str, 's', sizeof str - 1);
	bench_rt_init(bench_server);
	for (i = 0; i < sizeof loops / sizeof loops[0]; i++)
		if (argc < 2 || strcmp(argv[1], loops[i].name) == 0)
			loops[i].loop(n);
	if (failures) {
		fprintf(stderr, "bench: %u failed calls\n", failures);
		return 1;
	}
	return 0;
}
