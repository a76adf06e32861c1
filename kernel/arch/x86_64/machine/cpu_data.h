/* SPDX-License-Identifier: MIT */
/*
 * Per-CPU data (one CPU for now).  locore.S reaches the fields through the
 * CPU_* offsets; cpu_data.c asserts they match the struct.
 */
#ifndef _MACHINE_CPU_DATA_H_
#define _MACHINE_CPU_DATA_H_

#define CPU_USER_RSP	8	/* scratch: user rsp during syscall entry */
#define CPU_KFRAME	32	/* the running thread's syscall frame */

#ifndef __ASSEMBLER__
#include <stdint.h>

struct thread;

struct cpu_data {
	uint64_t	unused0;
	uint64_t	user_rsp;
	uint64_t	reserved;
	struct thread	*active_thread;
	uint64_t	kframe;		/* written by pcb_switch */
};

extern struct cpu_data cpu0;

static inline struct thread *current_thread(void)
{
	return cpu0.active_thread;
}
#endif

#endif /* _MACHINE_CPU_DATA_H_ */
