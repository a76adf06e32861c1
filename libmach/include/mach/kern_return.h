/* SPDX-License-Identifier: MIT */
/* <mach/kern_return.h>: the result codes of kernel calls. */
#ifndef _MACH_KERN_RETURN_H_
#define _MACH_KERN_RETURN_H_

#include <mach/machine/kern_return.h>

#define KERN_SUCCESS			0
#define KERN_INVALID_ADDRESS		1  /* address not valid or not mapped */
#define KERN_PROTECTION_FAILURE		2  /* access not allowed by protection */
#define KERN_NO_SPACE			3  /* no room in the address space */
#define KERN_INVALID_ARGUMENT		4  /* an argument is out of range */
#define KERN_FAILURE			5  /* the operation failed */
#define KERN_RESOURCE_SHORTAGE		6  /* out of kernel memory */
#define KERN_NOT_RECEIVER		7  /* caller does not hold the receive right */
#define KERN_NO_ACCESS			8  /* bogus access restriction */
#define KERN_MEMORY_FAILURE		9  /* memory object failed to supply data */
#define KERN_MEMORY_ERROR		10 /* memory object reported an error */
/* 11 is unassigned */
#define KERN_NOT_IN_SET			12 /* port is not a member of a set */
#define KERN_NAME_EXISTS		13 /* the name already denotes a right */
#define KERN_ABORTED			14 /* the operation was aborted */
#define KERN_INVALID_NAME		15 /* the name denotes no right */
#define KERN_INVALID_TASK		16 /* target task is not active */
#define KERN_INVALID_RIGHT		17 /* the name denotes a right of the wrong kind */
#define KERN_INVALID_VALUE		18 /* a blatant range error */
#define KERN_UREFS_OVERFLOW		19 /* user-reference count would overflow */
#define KERN_INVALID_CAPABILITY		20 /* the supplied port is not the right one */
#define KERN_RIGHT_EXISTS		21 /* the task already holds a right for the port */
#define KERN_INVALID_HOST		22 /* target host is not valid */
#define KERN_MEMORY_PRESENT		23 /* precious data already present */
#define KERN_WRITE_PROTECTION_FAILURE	24 /* write to a write-protected page */
/* 25 is unassigned */
#define KERN_TERMINATED			26 /* the object was terminated */
#define KERN_TIMEDOUT			27 /* the wait timed out */
#define KERN_INTERRUPTED		28 /* the wait was interrupted */

#endif /* _MACH_KERN_RETURN_H_ */
