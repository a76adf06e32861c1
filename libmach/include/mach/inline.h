/* SPDX-License-Identifier: MIT */
/* <mach/inline.h>: how headers declare inline functions. */
#ifndef _MACH_INLINE_H_
#define _MACH_INLINE_H_

#ifndef MACH_INLINE
#define MACH_INLINE extern __inline
#endif

#endif /* _MACH_INLINE_H_ */
