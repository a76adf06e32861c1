/* SPDX-License-Identifier: MIT */
/*
 * IPC entries: one slot of a space's table.  A port name is
 * (index << 8) | generation, as in GNU Mach; the generation (the top 8 bits
 * of ie_bits) changes every time a slot is reused, so a stale name does not
 * silently denote a new right.
 */
#ifndef _IPC_IPC_ENTRY_H_
#define _IPC_IPC_ENTRY_H_

#include <stdint.h>
#include <mach/port.h>

struct ipc_port;

struct ipc_entry {
	struct ipc_port	*ie_object;	/* NULL when free or a dead name */
	uint32_t	ie_bits;	/* gen | type | urefs */
	uint32_t	ie_next;	/* free list: next free index, 0 = end */
};

#define IE_BITS_UREFS_MASK	0x0000ffffU
#define IE_BITS_TYPE_MASK	0x001f0000U	/* MACH_PORT_TYPE_* */
#define IE_BITS_GEN_MASK	0xff000000U
#define IE_BITS_GEN_ONE		0x01000000U

#define IE_BITS_UREFS(bits)	((bits) & IE_BITS_UREFS_MASK)
#define IE_BITS_TYPE(bits)	((bits) & IE_BITS_TYPE_MASK)
#define IE_BITS_GEN(bits)	((bits) & IE_BITS_GEN_MASK)

#define MACH_PORT_UREFS_MAX	((mach_port_urefs_t) 0xffff)

#define MACH_PORT_INDEX(name)		((name) >> 8)
#define MACH_PORT_GEN(name)		(((name) & 0xffU) << 24)
#define MACH_PORT_MAKE(index, gen)	(((index) << 8) | ((gen) >> 24))

#endif /* _IPC_IPC_ENTRY_H_ */
