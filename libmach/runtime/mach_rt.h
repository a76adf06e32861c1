/* SPDX-License-Identifier: MIT */
/*
 * mach_rt.h: what libmach's C runtime needs from the Mach ABI (private,
 * not installed).  The public headers of libmach/include/mach/ are the
 * reference; this header only includes them.
 */
#ifndef _LIBMACH_RUNTIME_MACH_RT_H_
#define _LIBMACH_RUNTIME_MACH_RT_H_

#include <mach/kern_return.h>
#include <mach/message.h>
#include <mach/mach_traps.h>

/* Flush the console line buffer of printf (used by exit and abort). */
void __libmach_stdout_flush(void);

#endif /* _LIBMACH_RUNTIME_MACH_RT_H_ */
