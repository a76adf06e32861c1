/* SPDX-License-Identifier: MIT */
/*
 * IPC entries: one slot of a space's table.  A port name is
 * (index << 8) | generation, as in GNU Mach; the generation (the top 8 bits
 * of ie_bits) changes every time a slot is reused, so a stale name does not
 * silently denote a new right.
 *
 * ie_bits: generation (31..24), IE_BITS_DNREQUEST (23), the MACH_PORT_TYPE_*
 * bits of the rights the name denotes (20..16), user references (15..0):
 * send urefs (a receive right alone has 0; receive + send has the send
 * urefs), 1 for send-once, the dead-name urefs for a dead name.
 */
#ifndef _IPC_IPC_ENTRY_H_
#define _IPC_IPC_ENTRY_H_

#include <stdint.h>
#include <mach/port.h>

struct ipc_entry {
	void		*ie_object;	/* port or port set; NULL: dead name */
	uint32_t	ie_bits;	/* gen | dnrequest | type | urefs */
	uint32_t	ie_next;	/* free: next free index (0 = end);
					 * in use: ipc_kmsg copyin scratch,
					 * zero between calls */
};

#define IE_BITS_UREFS_MASK	0x0000ffffU
#define IE_BITS_TYPE_MASK	0x001f0000U	/* MACH_PORT_TYPE_* */
#define IE_BITS_DNREQUEST	0x00800000U	/* a dead-name request exists */
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
