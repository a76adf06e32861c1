/* SPDX-License-Identifier: MIT */
/* <mach/std_types.h>: the C side of std_types.defs. */
#ifndef _MACH_STD_TYPES_H_
#define _MACH_STD_TYPES_H_

#define EXPORT_BOOLEAN
#include <mach/boolean.h>
#include <mach/kern_return.h>
#include <mach/port.h>
#include <mach/machine/vm_types.h>

/* Out-of-line data is passed around as an address. */
typedef vm_offset_t pointer_t;

#endif /* _MACH_STD_TYPES_H_ */
