/* SPDX-License-Identifier: MIT */
/* <mach/machine/exception.h>: x86 codes that refine the generic EXC_*. */
#ifndef _MACH_MACHINE_EXCEPTION_H_
#define _MACH_MACHINE_EXCEPTION_H_

/* EXC_BAD_INSTRUCTION */
#define EXC_I386_INVOP		1

/* EXC_ARITHMETIC */
#define EXC_I386_DIV		1
#define EXC_I386_INTO		2
#define EXC_I386_NOEXT		3
#define EXC_I386_EXTOVR		4
#define EXC_I386_EXTERR		5
#define EXC_I386_EMERR		6
#define EXC_I386_BOUND		7

/* EXC_BREAKPOINT */
#define EXC_I386_SGL		1	/* single step */
#define EXC_I386_BPT		2	/* int3 */

/* Hardware vector numbers, passed as codes of EXC_BAD_ACCESS & co. */
#define EXC_I386_DIVERR		0
#define EXC_I386_SGLSTP		1
#define EXC_I386_NMIFLT		2
#define EXC_I386_BPTFLT		3
#define EXC_I386_INTOFLT	4
#define EXC_I386_BOUNDFLT	5
#define EXC_I386_INVOPFLT	6
#define EXC_I386_NOEXTFLT	7
#define EXC_I386_DBLFLT		8
#define EXC_I386_EXTOVRFLT	9
#define EXC_I386_INVTSSFLT	10
#define EXC_I386_SEGNPFLT	11
#define EXC_I386_STKFLT		12
#define EXC_I386_GPFLT		13
#define EXC_I386_PGFLT		14
#define EXC_I386_EXTERRFLT	16
#define EXC_I386_ENOEXTFLT	32
#define EXC_I386_ENDPERR	33

#endif /* _MACH_MACHINE_EXCEPTION_H_ */
