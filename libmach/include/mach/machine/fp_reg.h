/* SPDX-License-Identifier: MIT */
/* <mach/machine/fp_reg.h>: x87/SSE save areas and control/status bits. */
#ifndef _MACH_MACHINE_FP_REG_H_
#define _MACH_MACHINE_FP_REG_H_

#ifndef __ASSEMBLER__

/* The 28-byte environment of FNSAVE (protected mode, 32-bit form). */
struct i386_fp_save {
	unsigned short fp_control;
	unsigned short fp_unused_1;
	unsigned short fp_status;
	unsigned short fp_unused_2;
	unsigned short fp_tag;
	unsigned short fp_unused_3;
	unsigned int fp_eip;
	unsigned short fp_cs;
	unsigned short fp_opcode;
	unsigned int fp_dp;
	unsigned short fp_ds;
	unsigned short fp_unused_4;
};

/* The eight 80-bit x87 registers as FNSAVE stores them. */
struct i386_fp_regs {
	unsigned short fp_reg_word[8][5];
};

/* XSAVE header; bit 63 of xcomp_bv marks the compacted format. */
#define XSAVE_XCOMP_BV_COMPACT	(((unsigned long long)1) << 63)

struct i386_xfp_xstate_header {
	unsigned long long xfp_features;
	unsigned long long xcomp_bv;
	unsigned long long reserved[6];
} __attribute__((packed, aligned(64)));

/* The 512-byte FXSAVE image followed by the XSAVE header. */
struct i386_xfp_save {
	unsigned short fp_control;
	unsigned short fp_status;
	unsigned short fp_tag;
	unsigned short fp_opcode;
	unsigned int fp_eip;
	unsigned short fp_cs;
	unsigned short fp_eip3;
	unsigned int fp_dp;
	unsigned short fp_ds;
	unsigned short fp_dp3;
	unsigned int fp_mxcsr;
	unsigned int fp_mxcsr_mask;
	unsigned char fp_reg_word[8][16];
	unsigned char fp_xreg_word[16][16];
	unsigned int padding[24];
	struct i386_xfp_xstate_header header;
	unsigned char extended[];
} __attribute__((packed, aligned(64)));

#endif /* __ASSEMBLER__ */

/* Control word. */
#define FPC_IE		0x0001	/* invalid operation enable (mask) */
#define FPC_IM		FPC_IE
#define FPC_DE		0x0002	/* denormal */
#define FPC_DM		FPC_DE
#define FPC_ZE		0x0004	/* divide by zero */
#define FPC_ZM		FPC_ZE
#define FPC_OE		0x0008	/* overflow */
#define FPC_OM		FPC_OE
#define FPC_UE		0x0010	/* underflow */
#define FPC_PE		0x0020	/* precision */
#define FPC_PC		0x0300	/* precision control field */
#define FPC_PC_24	0x0000
#define FPC_PC_53	0x0200
#define FPC_PC_64	0x0300
#define FPC_RC		0x0c00	/* rounding control field */
#define FPC_RC_RN	0x0000	/* to nearest */
#define FPC_RC_RD	0x0400	/* down */
#define FPC_RC_RU	0x0800	/* up */
#define FPC_RC_CHOP	0x0c00	/* toward zero */
#define FPC_IC		0x1000	/* infinity control */
#define FPC_IC_PROJ	0x0000
#define FPC_IC_AFF	0x1000

/* Status word. */
#define FPS_IE		0x0001
#define FPS_DE		0x0002
#define FPS_ZE		0x0004
#define FPS_OE		0x0008
#define FPS_UE		0x0010
#define FPS_PE		0x0020
#define FPS_SF		0x0040	/* stack fault */
#define FPS_ES		0x0080	/* error summary */
#define FPS_C0		0x0100
#define FPS_C1		0x0200
#define FPS_C2		0x0400
#define FPS_TOS		0x3800	/* top of stack */
#define FPS_TOS_SHIFT	11
#define FPS_C3		0x4000
#define FPS_BUSY	0x8000

/* Kinds of floating point support (struct i386_float_state.fpkind). */
#define FP_NO		0
#define FP_SOFT		1
#define FP_287		2
#define FP_387		3
#define FP_387FX	4	/* FXSAVE/FXRSTOR */
#define FP_387X		5	/* XSAVE/XRSTOR */

#endif /* _MACH_MACHINE_FP_REG_H_ */
