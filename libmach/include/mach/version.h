/* SPDX-License-Identifier: MIT */
/* <mach/version.h>: interface version numbers (host_basic_info and co). */
#ifndef _MACH_VERSION_H_
#define _MACH_VERSION_H_

#define KERNEL_MAJOR_VERSION	4
#define KERNEL_MINOR_VERSION	0

/* Version of these headers, for programs that test it. */
#define INCLUDE_VERSION		0

#endif /* _MACH_VERSION_H_ */
