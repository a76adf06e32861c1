/* SPDX-License-Identifier: MIT */
/*
 * <mach/message.h>: the typed message format and mach_msg().
 *
 * A message is a 32-byte header followed by typed data: each datum is
 * preceded by an 8-byte descriptor (mach_msg_type_t) and padded up to a
 * multiple of 8 bytes, so every descriptor is 8-aligned.  Out-of-line data
 * travels as an 8-byte pointer; an inline port right takes an 8-byte slot
 * with the 32-bit name in its low half.  See ABI.md.
 */
#ifndef _MACH_MESSAGE_H_
#define _MACH_MESSAGE_H_

#include <stdint.h>
#include <mach/kern_return.h>
#include <mach/port.h>
#include <mach/abi.h>

/* Timeouts are in milliseconds. */
typedef natural_t mach_msg_timeout_t;
#define MACH_MSG_TIMEOUT_NONE	((mach_msg_timeout_t) 0)

/*
 * msgh_bits: the disposition of the remote (destination) right in bits
 * 0..7, of the local (reply) right in bits 8..15; COMPLEX says the body
 * holds port rights or out-of-line memory.  The other high bits are for
 * the kernel's own use.
 */
#define MACH_MSGH_BITS_ZERO		0x00000000
#define MACH_MSGH_BITS_REMOTE_MASK	0x000000ff
#define MACH_MSGH_BITS_LOCAL_MASK	0x0000ff00
#define MACH_MSGH_BITS_COMPLEX		0x80000000U
#define MACH_MSGH_BITS_CIRCULAR		0x40000000	/* kernel internal */
#define MACH_MSGH_BITS_COMPLEX_PORTS	0x20000000	/* kernel internal */
#define MACH_MSGH_BITS_COMPLEX_DATA	0x10000000	/* kernel internal */
#define MACH_MSGH_BITS_MIGRATED		0x08000000	/* kernel internal */
#define MACH_MSGH_BITS_UNUSED		0x07ff0000

#define MACH_MSGH_BITS_PORTS_MASK \
	(MACH_MSGH_BITS_REMOTE_MASK | MACH_MSGH_BITS_LOCAL_MASK)

#define MACH_MSGH_BITS(remote, local)	((remote) | ((local) << 8))
#define MACH_MSGH_BITS_REMOTE(bits)	((bits) & MACH_MSGH_BITS_REMOTE_MASK)
#define MACH_MSGH_BITS_LOCAL(bits) \
	(((bits) & MACH_MSGH_BITS_LOCAL_MASK) >> 8)
#define MACH_MSGH_BITS_PORTS(bits)	((bits) & MACH_MSGH_BITS_PORTS_MASK)
#define MACH_MSGH_BITS_OTHER(bits)	((bits) & ~MACH_MSGH_BITS_PORTS_MASK)

typedef unsigned int mach_msg_bits_t;
typedef unsigned int mach_msg_size_t;
typedef natural_t mach_msg_seqno_t;
typedef integer_t mach_msg_id_t;

/*
 * The header.  The two port fields are 8-byte slots: a user task reads and
 * writes the 32-bit name (the low half, this being little-endian); the
 * kernel keeps a port pointer in the whole slot.  msgh_local_port doubles
 * as the protected payload a receiver may ask the kernel to deliver
 * instead of the name.  msgh_size counts the header and is a multiple of 8.
 */
typedef struct mach_msg_header {
	mach_msg_bits_t msgh_bits;
	mach_msg_size_t msgh_size;
	union {
		mach_port_t msgh_remote_port;
		rpc_uintptr_t msgh_remote_port_do_not_use;	/* slot width */
	};
	union {
		mach_port_t msgh_local_port;
		rpc_uintptr_t msgh_protected_payload;
	};
	mach_port_seqno_t msgh_seqno;
	mach_msg_id_t msgh_id;
} mach_msg_header_t;

MACH_ABI_SIZE(mach_msg_header_t, 32);
MACH_ABI_OFFSET(mach_msg_header_t, msgh_bits, 0);
MACH_ABI_OFFSET(mach_msg_header_t, msgh_size, 4);
MACH_ABI_OFFSET(mach_msg_header_t, msgh_remote_port, 8);
MACH_ABI_OFFSET(mach_msg_header_t, msgh_local_port, 16);
MACH_ABI_OFFSET(mach_msg_header_t, msgh_protected_payload, 16);
MACH_ABI_OFFSET(mach_msg_header_t, msgh_seqno, 24);
MACH_ABI_OFFSET(mach_msg_header_t, msgh_id, 28);

#ifdef KERNEL
/*
 * The header as a user task lays it out, for the kernel's copyin/copyout:
 * same offsets, but the port fields hold 32-bit names.
 */
typedef struct mach_msg_user_header {
	mach_msg_bits_t msgh_bits;
	mach_msg_size_t msgh_size;
	union {
		mach_port_name_t msgh_remote_port;
		rpc_uintptr_t msgh_remote_port_do_not_use;
	};
	union {
		mach_port_name_t msgh_local_port;
		rpc_uintptr_t msgh_protected_payload;
	};
	mach_port_seqno_t msgh_seqno;
	mach_msg_id_t msgh_id;
} mach_msg_user_header_t;

MACH_ABI_SIZE(mach_msg_user_header_t, 32);
MACH_ABI_OFFSET(mach_msg_user_header_t, msgh_local_port, 16);
MACH_ABI_OFFSET(mach_msg_user_header_t, msgh_seqno, 24);
#else
typedef mach_msg_header_t mach_msg_user_header_t;
#endif

/* No fixed upper bound on a message's size. */
#define MACH_MSG_SIZE_MAX	((mach_msg_size_t) ~0)

/* Old names from the days of msgh_kind. */
#define MACH_MSGH_KIND_NORMAL	0x00000000
#define msgh_kind		msgh_seqno
#define mach_msg_kind_t		mach_port_seqno_t

typedef unsigned int mach_msg_type_name_t;
typedef unsigned int mach_msg_type_size_t;
typedef natural_t mach_msg_type_number_t;

/*
 * An inline port right in a message body: an 8-byte slot.  User tasks see
 * the name; the kernel stores its port pointer in the whole slot.
 */
typedef struct {
	union {
		mach_port_name_t name;
#ifdef KERNEL
		mach_port_t kernel_port;
#else
		rpc_uintptr_t kernel_port_do_not_use;
#endif
	};
} mach_port_name_inlined_t;

MACH_ABI_SIZE(mach_port_name_inlined_t, 8);

/*
 * The type descriptor, 8 bytes and 8-aligned.  First 32-bit word, least
 * significant bit first: msgt_name (a MACH_MSG_TYPE_* value), msgt_size
 * (element size in bits), five unused bits that must be zero, msgt_inline
 * (data follows, else an 8-byte pointer follows), msgt_longform (kept for
 * compatibility; the long form has the same layout) and msgt_deallocate
 * (out-of-line memory is moved rather than copied).  Second word: the
 * number of elements.
 */
typedef struct {
	unsigned int msgt_name : 8,
		     msgt_size : 16,
		     msgt_unused : 5,
		     msgt_inline : 1,
		     msgt_longform : 1,
		     msgt_deallocate : 1;
	mach_msg_type_number_t msgt_number;
} __attribute__((aligned(8))) mach_msg_type_t;

/*
 * The long form: the same eight bytes, seen either as a mach_msg_type_t
 * (msgtl_header) or through the msgtl_* names of older code.
 */
typedef struct {
	union {
		mach_msg_type_t msgtl_header;
		struct {
			unsigned int msgtl_name : 8,
				     msgtl_size : 16,
				     msgtl_unused : 5,
				     msgtl_inline : 1,
				     msgtl_longform : 1,
				     msgtl_deallocate : 1;
			mach_msg_type_number_t msgtl_number;
		};
	};
} __attribute__((aligned(8))) mach_msg_type_long_t;

MACH_ABI_SIZE(mach_msg_type_t, 8);
MACH_ABI_ASSERT(__alignof__(mach_msg_type_t) == 8, "mach_msg_type_t 8-aligned");
MACH_ABI_OFFSET(mach_msg_type_t, msgt_number, 4);
MACH_ABI_SIZE(mach_msg_type_long_t, 8);
MACH_ABI_OFFSET(mach_msg_type_long_t, msgtl_number, 4);

/* Alignment of descriptors and data in a message body. */
#define MACH_MSG_USER_ALIGNMENT		8
#define MACH_MSG_KERNEL_ALIGNMENT	8
#define mach_msg_align(x, alignment) \
	((((vm_offset_t)(x)) + ((alignment) - 1)) & \
	 ~((vm_offset_t)(alignment) - 1))
#define mach_msg_user_align(x)	mach_msg_align((x), MACH_MSG_USER_ALIGNMENT)
#define mach_msg_kernel_align(x) mach_msg_align((x), MACH_MSG_KERNEL_ALIGNMENT)
#define mach_msg_user_is_misaligned(x) \
	((x) & (MACH_MSG_USER_ALIGNMENT - 1))
#define mach_msg_kernel_is_misaligned(x) \
	((x) & (MACH_MSG_KERNEL_ALIGNMENT - 1))

/* Values of msgt_name: plain data. */
#define MACH_MSG_TYPE_UNSTRUCTURED	0
#define MACH_MSG_TYPE_BIT		0
#define MACH_MSG_TYPE_BOOLEAN		0
#define MACH_MSG_TYPE_INTEGER_16	1
#define MACH_MSG_TYPE_INTEGER_32	2
#define MACH_MSG_TYPE_CHAR		8
#define MACH_MSG_TYPE_BYTE		9
#define MACH_MSG_TYPE_INTEGER_8		9
#define MACH_MSG_TYPE_REAL		10
#define MACH_MSG_TYPE_INTEGER_64	11
#define MACH_MSG_TYPE_STRING		12
#define MACH_MSG_TYPE_STRING_C		12

/* Values of msgt_name: port rights as the sender hands them over. */
#define MACH_MSG_TYPE_MOVE_RECEIVE	16	/* needs the receive right */
#define MACH_MSG_TYPE_MOVE_SEND		17	/* needs a send right */
#define MACH_MSG_TYPE_MOVE_SEND_ONCE	18	/* needs a send-once right */
#define MACH_MSG_TYPE_COPY_SEND		19	/* needs a send right */
#define MACH_MSG_TYPE_MAKE_SEND		20	/* needs the receive right */
#define MACH_MSG_TYPE_MAKE_SEND_ONCE	21	/* needs the receive right */

/* Values of msgt_name: what the receiver gets. */
#define MACH_MSG_TYPE_PORT_NAME		15	/* a bare name, no right */
#define MACH_MSG_TYPE_PORT_RECEIVE	MACH_MSG_TYPE_MOVE_RECEIVE
#define MACH_MSG_TYPE_PORT_SEND		MACH_MSG_TYPE_MOVE_SEND
#define MACH_MSG_TYPE_PORT_SEND_ONCE	MACH_MSG_TYPE_MOVE_SEND_ONCE

#define MACH_MSG_TYPE_PROTECTED_PAYLOAD	23

#define MACH_MSG_TYPE_LAST		23	/* highest value assigned */

/* Placeholder for a type chosen at run time. */
#define MACH_MSG_TYPE_POLYMORPHIC	((mach_msg_type_name_t) -1)

#define MACH_MSG_TYPE_PORT_ANY(x) \
	(((x) >= MACH_MSG_TYPE_MOVE_RECEIVE) && \
	 ((x) <= MACH_MSG_TYPE_MAKE_SEND_ONCE))
#define MACH_MSG_TYPE_PORT_ANY_SEND(x) \
	(((x) >= MACH_MSG_TYPE_MOVE_SEND) && \
	 ((x) <= MACH_MSG_TYPE_MAKE_SEND_ONCE))
#define MACH_MSG_TYPE_PORT_ANY_RIGHT(x) \
	(((x) >= MACH_MSG_TYPE_MOVE_RECEIVE) && \
	 ((x) <= MACH_MSG_TYPE_MOVE_SEND_ONCE))

/* mach_msg options. */
typedef integer_t mach_msg_option_t;

#define MACH_MSG_OPTION_NONE	0x00000000
#define MACH_SEND_MSG		0x00000001
#define MACH_RCV_MSG		0x00000002
#define MACH_SEND_TIMEOUT	0x00000010
#define MACH_SEND_NOTIFY	0x00000020
#define MACH_SEND_INTERRUPT	0x00000040	/* handled by libmach */
#define MACH_SEND_CANCEL	0x00000080
#define MACH_RCV_TIMEOUT	0x00000100
#define MACH_RCV_NOTIFY		0x00000200
#define MACH_RCV_INTERRUPT	0x00000400	/* handled by libmach */
#define MACH_RCV_LARGE		0x00000800
#define MACH_SEND_ALWAYS	0x00010000	/* kernel internal */

/*
 * mach_msg results.  IPC errors are system 4 (0x10000000); send errors
 * are subsystem 0, receive errors subsystem 1 (0x4000).  For header and
 * body errors the MACH_MSG_MASK bits tell which resource ran out.
 */
typedef kern_return_t mach_msg_return_t;

#define MACH_MSG_SUCCESS		0x00000000

#define MACH_MSG_MASK			0x00003c00
#define MACH_MSG_IPC_SPACE		0x00002000	/* no room for a name */
#define MACH_MSG_VM_SPACE		0x00001000	/* no room for memory */
#define MACH_MSG_IPC_KERNEL		0x00000800	/* kernel short of ports */
#define MACH_MSG_VM_KERNEL		0x00000400	/* kernel short of memory */

#define MACH_SEND_IN_PROGRESS		0x10000001	/* kernel internal */
#define MACH_SEND_INVALID_DATA		0x10000002	/* bad inline data */
#define MACH_SEND_INVALID_DEST		0x10000003	/* bad destination */
#define MACH_SEND_TIMED_OUT		0x10000004	/* queue stayed full */
#define MACH_SEND_WILL_NOTIFY		0x10000005	/* msg-accepted will come */
#define MACH_SEND_NOTIFY_IN_PROGRESS	0x10000006	/* msg-accepted pending */
#define MACH_SEND_INTERRUPTED		0x10000007	/* interrupted */
#define MACH_SEND_MSG_TOO_SMALL		0x10000008	/* incomplete message */
#define MACH_SEND_INVALID_REPLY		0x10000009	/* bad reply port */
#define MACH_SEND_INVALID_RIGHT		0x1000000a	/* bad right in body */
#define MACH_SEND_INVALID_NOTIFY	0x1000000b	/* bad notify port */
#define MACH_SEND_INVALID_MEMORY	0x1000000c	/* bad out-of-line pointer */
#define MACH_SEND_NO_BUFFER		0x1000000d	/* no kernel buffer */
#define MACH_SEND_NO_NOTIFY		0x1000000e	/* can't request notification */
#define MACH_SEND_INVALID_TYPE		0x1000000f	/* bad type descriptor */
#define MACH_SEND_INVALID_HEADER	0x10000010	/* bad header field */

#define MACH_RCV_IN_PROGRESS		0x10004001	/* kernel internal */
#define MACH_RCV_INVALID_NAME		0x10004002	/* bad receive name */
#define MACH_RCV_TIMED_OUT		0x10004003	/* nothing arrived in time */
#define MACH_RCV_TOO_LARGE		0x10004004	/* buffer too small */
#define MACH_RCV_INTERRUPTED		0x10004005	/* interrupted */
#define MACH_RCV_PORT_CHANGED		0x10004006	/* port moved into a set */
#define MACH_RCV_INVALID_NOTIFY		0x10004007	/* bad notify port */
#define MACH_RCV_INVALID_DATA		0x10004008	/* bad receive buffer */
#define MACH_RCV_PORT_DIED		0x10004009	/* port/set went away */
#define MACH_RCV_IN_SET			0x1000400a	/* port is in a set */
#define MACH_RCV_HEADER_ERROR		0x1000400b	/* see MACH_MSG_MASK bits */
#define MACH_RCV_BODY_ERROR		0x1000400c	/* see MACH_MSG_MASK bits */

#ifndef KERNEL
/*
 * The trap, and libmach's wrapper that restarts it after an interruption
 * unless MACH_SEND_INTERRUPT / MACH_RCV_INTERRUPT ask for the error.
 */
extern mach_msg_return_t mach_msg_trap(mach_msg_header_t *msg,
				       mach_msg_option_t option,
				       mach_msg_size_t send_size,
				       mach_msg_size_t rcv_size,
				       mach_port_name_t rcv_name,
				       mach_msg_timeout_t timeout,
				       mach_port_name_t notify);

extern mach_msg_return_t mach_msg(mach_msg_header_t *msg,
				  mach_msg_option_t option,
				  mach_msg_size_t send_size,
				  mach_msg_size_t rcv_size,
				  mach_port_name_t rcv_name,
				  mach_msg_timeout_t timeout,
				  mach_port_name_t notify);

/* The same two under the names the C library uses internally. */
extern __typeof__(mach_msg) __mach_msg;
extern __typeof__(mach_msg_trap) __mach_msg_trap;
#endif /* !KERNEL */

#endif /* _MACH_MESSAGE_H_ */
