/* SPDX-License-Identifier: MIT */
/* <mach/boolean.h>: boolean_t and its two values. */
#ifndef _MACH_BOOLEAN_H_
#define _MACH_BOOLEAN_H_

#ifndef __ASSEMBLER__
#include <mach/machine/boolean.h>
#endif

#endif /* _MACH_BOOLEAN_H_ */

/* Outside the guard on purpose: another header may have removed them. */
#if !defined(NOBOOL)
#ifndef TRUE
#define TRUE	((boolean_t) 1)
#endif
#ifndef FALSE
#define FALSE	((boolean_t) 0)
#endif
#endif
