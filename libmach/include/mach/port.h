/* SPDX-License-Identifier: MIT */
/*
 * <mach/port.h>: port names, rights and port status.
 *
 * A task names a right with a 32-bit mach_port_name_t.  In user space
 * mach_port_t is that name.  Inside the kernel (KERNEL defined) mach_port_t
 * is wide enough to hold a pointer to the port, which is why message
 * headers and inline port slots are 8 bytes wide on the wire.
 */
#ifndef _MACH_PORT_H_
#define _MACH_PORT_H_

#include <mach/boolean.h>
#include <mach/machine/vm_types.h>
#include <mach/abi.h>

typedef natural_t mach_port_name_t;
typedef mach_port_name_t *mach_port_name_array_t;
typedef const mach_port_name_t *const_mach_port_name_array_t;

#ifdef KERNEL
typedef vm_offset_t mach_port_t;	/* holds a kernel port pointer */
#else
typedef mach_port_name_t mach_port_t;
#endif
typedef mach_port_t *mach_port_array_t;
typedef const mach_port_t *const_mach_port_array_t;

/* Used by the RPC signature interface of mach_types.defs. */
typedef int *rpc_signature_info_t;

/*
 * Two reserved values: MACH_PORT_NULL names no right, MACH_PORT_DEAD
 * stands for a right whose port was destroyed.
 */
#define MACH_PORT_NULL		0
#define MACH_PORT_DEAD		((mach_port_t) ~0)
#define MACH_PORT_VALID(name) \
	(((name) != MACH_PORT_NULL) && ((name) != MACH_PORT_DEAD))

#define MACH_PORT_NAME_NULL	((mach_port_name_t) 0)
#define MACH_PORT_NAME_DEAD	((mach_port_name_t) ~0)
#define MACH_PORT_NAME_VALID(name) \
	(((name) != MACH_PORT_NAME_NULL) && ((name) != MACH_PORT_NAME_DEAD))

/* The kinds of rights (mach_port_allocate, mach_port_get_refs, ...). */
typedef natural_t mach_port_right_t;

#define MACH_PORT_RIGHT_SEND		((mach_port_right_t) 0)
#define MACH_PORT_RIGHT_RECEIVE		((mach_port_right_t) 1)
#define MACH_PORT_RIGHT_SEND_ONCE	((mach_port_right_t) 2)
#define MACH_PORT_RIGHT_PORT_SET	((mach_port_right_t) 3)
#define MACH_PORT_RIGHT_DEAD_NAME	((mach_port_right_t) 4)
#define MACH_PORT_RIGHT_NUMBER		((mach_port_right_t) 5)

/*
 * What a name denotes (mach_port_type, mach_port_names): one bit per
 * right kind from bit 16 up, plus request bits at the top.
 */
typedef natural_t mach_port_type_t;
typedef mach_port_type_t *mach_port_type_array_t;

#define MACH_PORT_TYPE(right)	((mach_port_type_t)(1U << ((right) + 16)))
#define MACH_PORT_TYPE_NONE	((mach_port_type_t) 0)
#define MACH_PORT_TYPE_SEND	MACH_PORT_TYPE(MACH_PORT_RIGHT_SEND)
#define MACH_PORT_TYPE_RECEIVE	MACH_PORT_TYPE(MACH_PORT_RIGHT_RECEIVE)
#define MACH_PORT_TYPE_SEND_ONCE MACH_PORT_TYPE(MACH_PORT_RIGHT_SEND_ONCE)
#define MACH_PORT_TYPE_PORT_SET	MACH_PORT_TYPE(MACH_PORT_RIGHT_PORT_SET)
#define MACH_PORT_TYPE_DEAD_NAME MACH_PORT_TYPE(MACH_PORT_RIGHT_DEAD_NAME)

#define MACH_PORT_TYPE_SEND_RECEIVE \
	(MACH_PORT_TYPE_SEND | MACH_PORT_TYPE_RECEIVE)
#define MACH_PORT_TYPE_SEND_RIGHTS \
	(MACH_PORT_TYPE_SEND | MACH_PORT_TYPE_SEND_ONCE)
#define MACH_PORT_TYPE_PORT_RIGHTS \
	(MACH_PORT_TYPE_SEND_RIGHTS | MACH_PORT_TYPE_RECEIVE)
#define MACH_PORT_TYPE_PORT_OR_DEAD \
	(MACH_PORT_TYPE_PORT_RIGHTS | MACH_PORT_TYPE_DEAD_NAME)
#define MACH_PORT_TYPE_ALL_RIGHTS \
	(MACH_PORT_TYPE_PORT_OR_DEAD | MACH_PORT_TYPE_PORT_SET)

#define MACH_PORT_TYPE_DNREQUEST 0x80000000U	/* dead-name request pending */
#define MACH_PORT_TYPE_MAREQUEST 0x40000000	/* msg-accepted request pending */
#define MACH_PORT_TYPE_COMPAT	0x20000000	/* old-style right */

/* Counters and quantities. */
typedef natural_t mach_port_urefs_t;
typedef integer_t mach_port_delta_t;
typedef natural_t mach_port_seqno_t;
typedef unsigned int mach_port_mscount_t;
typedef unsigned int mach_port_msgcount_t;
typedef unsigned int mach_port_rights_t;

/* The state of a receive right (mach_port_get_receive_status). */
typedef struct mach_port_status {
	mach_port_name_t mps_pset;		/* containing port set */
	mach_port_seqno_t mps_seqno;		/* sequence number */
	mach_port_mscount_t mps_mscount;	/* make-send count */
	mach_port_msgcount_t mps_qlimit;	/* queue limit */
	mach_port_msgcount_t mps_msgcount;	/* messages queued */
	mach_port_rights_t mps_sorights;	/* send-once rights */
	boolean_t mps_srights;			/* send rights exist? */
	boolean_t mps_pdrequest;		/* port-deleted requested? */
	boolean_t mps_nsrequest;		/* no-senders requested? */
} mach_port_status_t;

MACH_ABI_SIZE(mach_port_name_t, 4);
MACH_ABI_SIZE(mach_port_status_t, 36);
MACH_ABI_OFFSET(mach_port_status_t, mps_qlimit, 12);
MACH_ABI_OFFSET(mach_port_status_t, mps_nsrequest, 32);

#define MACH_PORT_QLIMIT_DEFAULT ((mach_port_msgcount_t) 5)
#define MACH_PORT_QLIMIT_MAX	((mach_port_msgcount_t) 16)

#endif /* _MACH_PORT_H_ */
