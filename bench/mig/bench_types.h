/* SPDX-License-Identifier: MIT */
/* C types of bench.defs (the same text for both compilers' stubs). */
#ifndef BENCH_TYPES_H
#define BENCH_TYPES_H

typedef char bench_kb_t[1024];
typedef char *bench_ool_t;
typedef char bench_str_t[256];
typedef const char *const_bench_str_t;

#endif
