/* SPDX-License-Identifier: MIT */
/*
 * <mach/machine/thread_status.h>: the x86_64 thread state flavors of
 * thread_get_state/thread_set_state.  Counts are in natural_t units.
 */
#ifndef _MACH_MACHINE_THREAD_STATUS_H_
#define _MACH_MACHINE_THREAD_STATUS_H_

#include <mach/machine/fp_reg.h>

#define i386_THREAD_STATE	1
#define i386_FLOAT_STATE	2
#define i386_ISA_PORT_MAP_STATE	3
#define i386_V86_ASSIST_STATE	4
#define i386_REGS_SEGS_STATE	5
#define i386_DEBUG_STATE	6
#define i386_FSGS_BASE_STATE	7
#define i386_XFLOAT_STATE	8

#ifndef __ASSEMBLER__

#include <stdint.h>
#include <mach/abi.h>

/* General registers (flavors i386_THREAD_STATE and i386_REGS_SEGS_STATE). */
struct i386_thread_state {
	uint64_t r8;
	uint64_t r9;
	uint64_t r10;
	uint64_t r11;
	uint64_t r12;
	uint64_t r13;
	uint64_t r14;
	uint64_t r15;
	uint64_t rdi;
	uint64_t rsi;
	uint64_t rbp;
	uint64_t rsp;
	uint64_t rbx;
	uint64_t rdx;
	uint64_t rcx;
	uint64_t rax;
	uint64_t rip;
	unsigned int cs;
	uint64_t rfl;		/* rflags */
	uint64_t ursp;		/* user stack pointer */
	unsigned int ss;
};
#define i386_THREAD_STATE_COUNT \
	(sizeof(struct i386_thread_state) / sizeof(unsigned int))

MACH_ABI_OFFSET(struct i386_thread_state, rip, 128);
MACH_ABI_OFFSET(struct i386_thread_state, cs, 136);
MACH_ABI_OFFSET(struct i386_thread_state, rfl, 144);
MACH_ABI_OFFSET(struct i386_thread_state, ss, 160);
MACH_ABI_SIZE(struct i386_thread_state, 168);

/* Legacy x87 state: FNSAVE environment and registers. */
#define FP_STATE_BYTES \
	(sizeof(struct i386_fp_save) + sizeof(struct i386_fp_regs))

struct i386_float_state {
	int fpkind;		/* FP_NO .. FP_387X, read only */
	int initialized;	/* FALSE: the state below is not valid */
	unsigned char hw_state[FP_STATE_BYTES];
	int exc_status;		/* pending exception status, read only */
};
#define i386_FLOAT_STATE_COUNT \
	(sizeof(struct i386_float_state) / sizeof(unsigned int))

/* Extended (XSAVE) state; its size depends on the processor. */
struct i386_xfloat_state {
	int fpkind;
	int initialized;
	int exc_status;
	int fp_save_kind;	/* format of hw_state */
	unsigned char hw_state[];
};

/* I/O permission bitmap of the ISA ports 0..0x3ff. */
#define PORT_MAP_BITS	0x400
struct i386_isa_port_map_state {
	unsigned char pm[PORT_MAP_BITS >> 3];
};
#define i386_ISA_PORT_MAP_STATE_COUNT \
	(sizeof(struct i386_isa_port_map_state) / sizeof(unsigned int))

/* Virtual-8086 assist (kept for the flavor number; not used on x86_64). */
struct i386_v86_assist_state {
	unsigned int int_table;
	int int_count;
};
struct v86_interrupt_table {
	unsigned int count;
	unsigned short mask;
	unsigned short vec;
};
#define i386_V86_ASSIST_STATE_COUNT \
	(sizeof(struct i386_v86_assist_state) / sizeof(unsigned int))

/* Debug registers dr0..dr7. */
struct i386_debug_state {
	unsigned int dr[8];
};
#define i386_DEBUG_STATE_COUNT \
	(sizeof(struct i386_debug_state) / sizeof(unsigned int))

/* The fs and gs segment bases (thread-local storage). */
struct i386_fsgs_base_state {
	unsigned long fs_base;
	unsigned long gs_base;
};
#define i386_FSGS_BASE_STATE_COUNT \
	(sizeof(struct i386_fsgs_base_state) / sizeof(unsigned int))

MACH_ABI_SIZE(struct i386_fsgs_base_state, 16);

#endif /* __ASSEMBLER__ */

#endif /* _MACH_MACHINE_THREAD_STATUS_H_ */
