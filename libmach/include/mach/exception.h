/* SPDX-License-Identifier: MIT */
/* <mach/exception.h>: the machine-independent exception classes. */
#ifndef _MACH_EXCEPTION_H_
#define _MACH_EXCEPTION_H_

#include <mach/machine/exception.h>

#define EXC_BAD_ACCESS		1	/* code: kern_return_t, subcode: address */
#define EXC_BAD_INSTRUCTION	2	/* illegal or undefined instruction */
#define EXC_ARITHMETIC		3	/* arithmetic fault */
#define EXC_EMULATION		4	/* emulation instruction */
#define EXC_SOFTWARE		5	/* software generated */
#define EXC_BREAKPOINT		6	/* trace or breakpoint */

#endif /* _MACH_EXCEPTION_H_ */
