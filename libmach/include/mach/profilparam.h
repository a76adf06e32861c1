/* SPDX-License-Identifier: MIT */
/* <mach/profilparam.h>: sizes of the kernel's profiling buffers. */
#ifndef _MACH_PROFILPARAM_H_
#define _MACH_PROFILPARAM_H_

#define NB_PROF_BUFFER		2	/* buffers per profiled thread */
#define SIZE_PROF_BUFFER	100	/* samples per buffer */

#endif /* _MACH_PROFILPARAM_H_ */
