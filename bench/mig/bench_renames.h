/* SPDX-License-Identifier: MIT */
/*
 * The user stubs of bench.defs are compiled under other names (bu_*), so
 * one program holds both the stubs and the server functions; the same for
 * both compilers (no reliance on -prefix, whose meaning differs).
 */
#define bench_null bu_bench_null
#define bench_int bu_bench_int
#define bench_inline bu_bench_inline
#define bench_ool bu_bench_ool
#define bench_string bu_bench_string
