/* SPDX-License-Identifier: MIT */
/*
 * Kernel-private message definitions: the 64-bit header of ABI.md and the
 * option bits / return codes of GNU Mach's mach/message.h (same values).
 */
#ifndef _MACH_MESSAGE_H_
#define _MACH_MESSAGE_H_

#include <stdint.h>
#include <mach/port.h>

typedef uint32_t mach_msg_bits_t;
typedef uint32_t mach_msg_size_t;
typedef uint32_t mach_msg_seqno_t;
typedef int32_t  mach_msg_id_t;
typedef uint32_t mach_msg_option_t;
typedef uint32_t mach_msg_timeout_t;
typedef int      mach_msg_return_t;
typedef uint32_t mach_msg_type_name_t;

/* The user-visible header (ABI.md): port slots are 8 bytes wide. */
typedef struct {
	mach_msg_bits_t		msgh_bits;
	mach_msg_size_t		msgh_size;
	uint64_t		msgh_remote_port;	/* name in the low half */
	uint64_t		msgh_local_port;
	mach_msg_seqno_t	msgh_seqno;
	mach_msg_id_t		msgh_id;
} mach_msg_header_t;

_Static_assert(sizeof(mach_msg_header_t) == 32, "header is 32 bytes");
_Static_assert(__builtin_offsetof(mach_msg_header_t, msgh_remote_port) == 8,
	       "remote port at 8");
_Static_assert(__builtin_offsetof(mach_msg_header_t, msgh_local_port) == 16,
	       "local port at 16");
_Static_assert(__builtin_offsetof(mach_msg_header_t, msgh_id) == 28,
	       "id at 28");

#define MACH_MSGH_BITS_REMOTE_MASK	0x000000ffU
#define MACH_MSGH_BITS_LOCAL_MASK	0x0000ff00U
#define MACH_MSGH_BITS_COMPLEX		0x80000000U
#define MACH_MSGH_BITS_REMOTE(bits)	((bits) & MACH_MSGH_BITS_REMOTE_MASK)
#define MACH_MSGH_BITS_LOCAL(bits)	(((bits) & MACH_MSGH_BITS_LOCAL_MASK) >> 8)
#define MACH_MSGH_BITS(remote, local)	((remote) | ((local) << 8))

#define MACH_MSG_TYPE_PORT_NAME		15
#define MACH_MSG_TYPE_MOVE_RECEIVE	16
#define MACH_MSG_TYPE_MOVE_SEND		17
#define MACH_MSG_TYPE_MOVE_SEND_ONCE	18
#define MACH_MSG_TYPE_COPY_SEND		19
#define MACH_MSG_TYPE_MAKE_SEND		20
#define MACH_MSG_TYPE_MAKE_SEND_ONCE	21

/* mach_msg options */
#define MACH_MSG_OPTION_NONE	0x00000000
#define MACH_SEND_MSG		0x00000001
#define MACH_RCV_MSG		0x00000002
#define MACH_SEND_TIMEOUT	0x00000010
#define MACH_SEND_NOTIFY	0x00000020
#define MACH_SEND_INTERRUPT	0x00000040
#define MACH_SEND_CANCEL	0x00000080
#define MACH_RCV_TIMEOUT	0x00000100
#define MACH_RCV_NOTIFY		0x00000200
#define MACH_RCV_INTERRUPT	0x00000400
#define MACH_RCV_LARGE		0x00000800

/* mach_msg return codes */
#define MACH_MSG_SUCCESS		0x00000000
#define MACH_SEND_IN_PROGRESS		0x10000001
#define MACH_SEND_INVALID_DATA		0x10000002
#define MACH_SEND_INVALID_DEST		0x10000003
#define MACH_SEND_TIMED_OUT		0x10000004
#define MACH_SEND_WILL_NOTIFY		0x10000005
#define MACH_SEND_NOTIFY_IN_PROGRESS	0x10000006
#define MACH_SEND_INTERRUPTED		0x10000007
#define MACH_SEND_MSG_TOO_SMALL		0x10000008
#define MACH_SEND_INVALID_REPLY		0x10000009
#define MACH_SEND_INVALID_RIGHT		0x1000000a
#define MACH_SEND_INVALID_NOTIFY	0x1000000b
#define MACH_SEND_INVALID_MEMORY	0x1000000c
#define MACH_SEND_NO_BUFFER		0x1000000d
#define MACH_SEND_NO_NOTIFY		0x1000000e
#define MACH_SEND_INVALID_TYPE		0x1000000f
#define MACH_SEND_INVALID_HEADER	0x10000010

#define MACH_RCV_IN_PROGRESS		0x10004001
#define MACH_RCV_INVALID_NAME		0x10004002
#define MACH_RCV_TIMED_OUT		0x10004003
#define MACH_RCV_TOO_LARGE		0x10004004
#define MACH_RCV_INTERRUPTED		0x10004005
#define MACH_RCV_PORT_CHANGED		0x10004006
#define MACH_RCV_INVALID_NOTIFY		0x10004007
#define MACH_RCV_INVALID_DATA		0x10004008
#define MACH_RCV_PORT_DIED		0x10004009

#endif /* _MACH_MESSAGE_H_ */
