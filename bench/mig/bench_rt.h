/* SPDX-License-Identifier: MIT */
/* bench_rt.h - the benchmark's in-process transport (bench_rt.c). */
#ifndef BENCH_RT_H
#define BENCH_RT_H

#include <stddef.h>
#include <mach/boolean.h>
#include <mach/message.h>

typedef boolean_t (*bench_demux_t)(mach_msg_header_t *in, mach_msg_header_t *out);

void bench_rt_init(bench_demux_t demux);
/* The kernel's share of an RPC, left out of the counted instructions. */
void bk_copyin(const mach_msg_header_t *msg, size_t size, mach_msg_header_t *to);
void bk_destroy(mach_msg_header_t *msg);

#endif
