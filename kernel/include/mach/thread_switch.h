/* SPDX-License-Identifier: MIT */
/* Kernel-private thread_switch options (values as GNU Mach). */
#ifndef _MACH_THREAD_SWITCH_H_
#define _MACH_THREAD_SWITCH_H_

#define SWITCH_OPTION_NONE	0
#define SWITCH_OPTION_DEPRESS	1
#define SWITCH_OPTION_WAIT	2

#endif /* _MACH_THREAD_SWITCH_H_ */
