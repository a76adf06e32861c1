/* SPDX-License-Identifier: MIT */
/* <device/net_status.h>: network device status, packet filters, packets. */
#ifndef _DEVICE_NET_STATUS_H_
#define _DEVICE_NET_STATUS_H_

#include <device/device_types.h>
#include <mach/message.h>

/* device_get_status(NET_STATUS). */
struct net_status {
	int min_packet_size;	/* bytes, header included */
	int max_packet_size;	/* bytes, header included */
	int header_format;	/* HDR_* */
	int header_size;	/* bytes */
	int address_size;	/* bytes per hardware address */
	int flags;		/* interface flags */
	int mapped_size;	/* size of the mapped area, if any */
};
#define NET_STATUS_COUNT	(sizeof(struct net_status) / sizeof(int))
#define NET_STATUS		(('n' << 16) + 1)

/* Header formats. */
#define HDR_ETHERNET		1	/* 10 Mb/s Ethernet */
#define HDR_EXP_ETHERNET	2	/* 3 Mb/s experimental Ethernet */
#define HDR_PRO_NET		4	/* ProNET */
#define HDR_CHAOS		5	/* Chaosnet */
#define HDR_802			6	/* IEEE 802 */

#define NET_ADDRESS		(('n' << 16) + 2)
#define NET_DSTADDR		(('n' << 16) + 3)
#define NET_FLAGS		(('n' << 16) + 4)

/* CSPF packet filters (device_set_filter). */
#define NET_MAX_FILTER		128	/* words per filter */
#define NET_FILTER_STACK_DEPTH	32	/* interpreter stack depth */

typedef unsigned short filter_t;
typedef filter_t *filter_array_t;

#define CSPF_BYTES(n)	((n) * sizeof(filter_t))

/* A filter word: 6 bits of binary operator over 10 bits of argument. */
#define NETF_NBPA	10		/* bits per argument */
#define NETF_NBPO	6		/* bits per operator */
#define NETF_ARG(word)	((word) & 0x3ff)
#define NETF_OP(word)	(((word) >> NETF_NBPA) & 0x3f)

/* The first word of a filter may say which kind it is and which way. */
#define NETF_TYPE_MASK	(((1 << NETF_NBPO) - 1) << NETF_NBPA)
#define NETF_BPF	(1 << NETF_NBPA)	/* a BPF program follows */
#define NETF_IN		0x1			/* incoming packets */
#define NETF_OUT	0x2			/* outgoing packets */

/* Binary operators. */
#define NETF_NOP	(0 << NETF_NBPA)
#define NETF_EQ		(1 << NETF_NBPA)
#define NETF_LT		(2 << NETF_NBPA)
#define NETF_LE		(3 << NETF_NBPA)
#define NETF_GT		(4 << NETF_NBPA)
#define NETF_GE		(5 << NETF_NBPA)
#define NETF_AND	(6 << NETF_NBPA)
#define NETF_OR		(7 << NETF_NBPA)
#define NETF_XOR	(8 << NETF_NBPA)
#define NETF_COR	(9 << NETF_NBPA)	/* short-circuit or */
#define NETF_CAND	(10 << NETF_NBPA)	/* short-circuit and */
#define NETF_CNOR	(11 << NETF_NBPA)
#define NETF_CNAND	(12 << NETF_NBPA)
#define NETF_NEQ	(13 << NETF_NBPA)
#define NETF_LSH	(14 << NETF_NBPA)
#define NETF_RSH	(15 << NETF_NBPA)
#define NETF_ADD	(16 << NETF_NBPA)
#define NETF_SUB	(17 << NETF_NBPA)

/* Push arguments. */
#define NETF_NOPUSH	0	/* push nothing */
#define NETF_PUSHLIT	1	/* push the next word */
#define NETF_PUSHZERO	2	/* push 0 */
#define NETF_PUSHIND	14	/* pop an index, push the packet word there */
#define NETF_PUSHHDRIND	15	/* same, in the header */
#define NETF_PUSHWORD	16	/* +n: push packet word n */
#define NETF_PUSHHDR	960	/* +n: push header word n */
#define NETF_PUSHSTK	992	/* +n: push stack word n */

/* Filter priorities. */
#define NET_HI_PRI	100
#define NET_PRI_MAX	255

#include <device/bpf.h>

/* A received packet as net_rcv_msg delivers it. */
#define NET_RCV_MAX	4095	/* bytes of packet data */
#define NET_HDW_HDR_MAX	64	/* bytes of hardware header */

#define NET_RCV_MSG_ID	2999	/* msgh_id of received packets */

struct packet_header {
	unsigned short length;
	unsigned short type;	/* network order */
};

struct net_rcv_msg {
	mach_msg_header_t msg_hdr;
	mach_msg_type_t header_type;
	char header[NET_HDW_HDR_MAX];
	mach_msg_type_t packet_type;
	char packet[NET_RCV_MAX];
	boolean_t sent;		/* the kernel sent it (loopback) */
};
typedef struct net_rcv_msg *net_rcv_msg_t;

#define net_rcv_msg_packet_count packet_type.msgt_number

MACH_ABI_OFFSET(struct net_rcv_msg, header_type, 32);
MACH_ABI_OFFSET(struct net_rcv_msg, header, 40);
MACH_ABI_OFFSET(struct net_rcv_msg, packet_type, 104);
MACH_ABI_OFFSET(struct net_rcv_msg, packet, 112);

#endif /* _DEVICE_NET_STATUS_H_ */
