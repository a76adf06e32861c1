/* SPDX-License-Identifier: MIT */
/*
 * fuzz: a bounded fuzz task.  `fuzz.elf SEED COUNT' sends COUNT random
 * and mutated messages (xorshift PRNG from SEED, so a run is repeatable):
 * random header bits, sizes, ids and reply dispositions; bodies built from
 * valid descriptor templates (integers, inline bytes, port rights of every
 * disposition, out-of-line regions, port arrays) and then mutated (bit
 * flips in descriptors, counts and sizes, truncation).  Destinations: the
 * task's own receive rights (drained after each send), the task port and
 * the host port (kernel objects; ids from the mach_port and mach_host
 * subsystems and garbage ids, never the task/thread/VM control calls
 * that would end or unmap the fuzzer itself), forged and null names.
 * Port names inside bodies are only the fuzzer's own or forged ones.
 *
 * More words: `norpc' leaves out the final kernel RPC check; `nocirc'
 * never puts a message's destination receive right into that message
 * (no port ends up in its own queue, mach.ipc/leakcirc's case), so that
 * the zone comparison checks every other path.
 * The verdicts: the task survives, its own ports and a kernel RPC still
 * work afterwards, and (fuzz.exp) the kernel neither panics nor leaks:
 * its zone counts at halt equal those of a run with COUNT 0.
 */
#include <stdio.h>

#include "ipc_test.h"
#include "mt.h"

#define NOWN 6
#define BODY_WORDS 64

static uint64_t rng;

static uint64_t
rnd(void)
{
	return it_xorshift(&rng);
}

static uint32_t
rnd_below(uint32_t n)
{
	return (uint32_t)(rnd() % n);
}

static mach_port_t own[NOWN];
static int nocirc;		/* never put a receive right in its own queue */
static mach_port_t avoid;	/* the destination, in nocirc mode */
static unsigned char ool_area[3 * 4096] __attribute__((aligned(4096)));
static mach_port_t ool_names[4];

/* A name for a body or a header: one of ours, forged, null or dead. */
static mach_port_t
pick_name(void)
{
	switch (rnd_below(8)) {
	case 0:
		return MACH_PORT_NULL;
	case 1:
		return MACH_PORT_DEAD;
	case 2:
		return (mach_port_t)(0x50000000u | rnd_below(0x10000000u));
	default: {
		mach_port_t p = own[rnd_below(NOWN)];

		return nocirc && p == avoid ? MACH_PORT_NULL : p;
	}
	}
}

static int
pick_id(int kernel)
{
	switch (rnd_below(6)) {
	case 0:
		return (int)rnd();			/* garbage, negatives */
	case 1:
		return 0x7fffffff;
	case 2:
		return kernel ? 2600 + (int)rnd_below(40) : 1;
	default:
		return 3200 + (int)rnd_below(32);	/* mach_port */
	}
}

/* Append one descriptor and its datum at words[*n]; returns 0 if full. */
static int
add_item(uint64_t *w, int *n, int *complex)
{
	int k = *n;
	unsigned disp = MACH_MSG_TYPE_MOVE_RECEIVE + rnd_below(6);

	if (k + 8 > BODY_WORDS)
		return 0;
	switch (rnd_below(7)) {
	case 0:		/* an INTEGER_32 */
		w[k++] = it_desc(MACH_MSG_TYPE_INTEGER_32, 32, 1, 0, 1);
		w[k++] = (uint32_t)(rnd() & 0xffffffffu);
		break;
	case 1:		/* a port name as plain data (PORT_NAME) */
		w[k++] = it_desc(MACH_MSG_TYPE_PORT_NAME, 32, 1, 0, 1);
		w[k++] = pick_name();
		break;
	case 2: {	/* up to 40 inline bytes */
		uint32_t len = rnd_below(41);

		w[k++] = it_desc(MACH_MSG_TYPE_BYTE, 8, 1, 0, len);
		for (uint32_t i = 0; i < (len + 7) / 8; i++)
			w[k++] = rnd();
		break;
	}
	case 3:		/* one port right */
		*complex = 1;
		w[k++] = it_desc(disp, 64, 1, 0, 1);
		w[k++] = pick_name();
		break;
	case 4:		/* an inline array of port rights */
		*complex = 1;
		w[k++] = it_desc(disp, 64, 1, 0, 3);
		w[k++] = pick_name();
		w[k++] = pick_name();
		w[k++] = pick_name();
		break;
	case 5:		/* out-of-line bytes, sometimes a bad pointer */
		*complex = 1;
		w[k++] = it_desc(MACH_MSG_TYPE_BYTE, 8, 0, 0,
				 rnd_below(sizeof ool_area + 1));
		w[k++] = rnd_below(4) ? (uint64_t)(uintptr_t)ool_area
				      : (rnd_below(2) ? (uint64_t)0x1000
						      : rnd());
		break;
	default:	/* an out-of-line array of names */
		*complex = 1;
		for (int i = 0; i < 4; i++)
			ool_names[i] = pick_name();
		w[k++] = it_desc(disp == MACH_MSG_TYPE_MOVE_RECEIVE
					 ? MACH_MSG_TYPE_COPY_SEND
					 : disp,
				 32, 0, 0, rnd_below(5));
		w[k++] = (uint64_t)(uintptr_t)ool_names;
		break;
	}
	*n = k;
	return 1;
}

static union {
	mach_msg_header_t head;
	uint64_t words[4 + BODY_WORDS + 512];
} msg;

static void
fuzz_one(mach_port_t task, mach_port_t host, unsigned long *sent)
{
	uint64_t *body = &msg.words[4];
	int n = 0, complex = 0, kernel = 0;
	mach_port_t dest, reply = own[rnd_below(NOWN)];
	unsigned rbits, lbits;
	mach_msg_size_t size;
	mach_msg_option_t opt = MACH_SEND_MSG | MACH_SEND_TIMEOUT;
	mach_msg_return_t mr;

	memset(&msg, 0, sizeof msg);
	avoid = MACH_PORT_NULL;
	switch (rnd_below(8)) {
	case 0:
	case 1:
		dest = task;
		kernel = 1;
		rbits = MACH_MSG_TYPE_COPY_SEND;
		break;
	case 2:
		dest = host;
		kernel = 1;
		rbits = MACH_MSG_TYPE_COPY_SEND;
		break;
	case 3:
		dest = pick_name();
		rbits = MACH_MSG_TYPE_MOVE_RECEIVE + rnd_below(8);
		avoid = dest;
		break;
	default:
		dest = own[rnd_below(NOWN)];
		rbits = rnd_below(2) ? MACH_MSG_TYPE_MAKE_SEND
				     : MACH_MSG_TYPE_MAKE_SEND_ONCE;
		avoid = dest;
		break;
	}
	/* The body, after the destination (nocirc mode keeps it out). */
	for (uint32_t i = rnd_below(5); i > 0; i--)
		if (!add_item(body, &n, &complex))
			break;
	lbits = rnd_below(3) ? MACH_MSG_TYPE_MAKE_SEND_ONCE
			     : rnd_below(24);
	if (lbits == MACH_MSG_TYPE_MOVE_RECEIVE)
		lbits = MACH_MSG_TYPE_MAKE_SEND;	/* keep our ports */
	size = (mach_msg_size_t)(sizeof(mach_msg_header_t) + 8 * n);
	it_header(&msg.head, rbits, lbits, size, dest, reply,
		  pick_id(kernel));
	if (complex || rnd_below(8) == 0)
		msg.head.msgh_bits |= MACH_MSGH_BITS_COMPLEX;

	/* Mutations. */
	switch (rnd_below(6)) {
	case 0:		/* flip a bit of a descriptor or datum */
		if (n > 0 && !(nocirc && avoid != MACH_PORT_NULL))
			body[rnd_below((uint32_t)n)] ^= 1ULL << rnd_below(64);
		break;
	case 1:		/* wrong size */
		size = (mach_msg_size_t)(size + 8 * (rnd_below(9) - 4));
		if (size < sizeof(mach_msg_header_t))
			size = sizeof(mach_msg_header_t);
		msg.head.msgh_size = size;
		break;
	case 2:		/* odd size */
		size += rnd_below(8);
		msg.head.msgh_size = size;
		break;
	case 3:		/* random header bits (never MOVE_RECEIVE) */
		msg.head.msgh_bits ^= (mach_msg_bits_t)(1u << rnd_below(32));
		if (MACH_MSGH_BITS_LOCAL(msg.head.msgh_bits) ==
		    MACH_MSG_TYPE_MOVE_RECEIVE)
			msg.head.msgh_bits ^= 0x100;
		break;
	default:
		break;
	}
	if (!kernel && rnd_below(4) == 0) {
		opt |= MACH_RCV_MSG | MACH_RCV_TIMEOUT;
		mr = mach_msg(&msg.head, opt, size, sizeof msg, reply, 0,
			      MACH_PORT_NULL);
	} else {
		mr = mach_msg(&msg.head, opt, size, 0, MACH_PORT_NULL, 0,
			      MACH_PORT_NULL);
	}
	if (mr == MACH_MSG_SUCCESS)
		(*sent)++;
	/* Drain what came back, and replace ports moved away. */
	for (int i = 0; i < NOWN; i++) {
		it_buf_t buf;
		int k = 0;

		while (k++ < 32 &&
		       it_receive(own[i], &buf, sizeof buf, 0) !=
			       MACH_RCV_TIMED_OUT) {
		}
		if (it_receive(own[i], &buf, sizeof buf, 0) ==
		    MACH_RCV_INVALID_NAME)
			own[i] = mach_reply_port();
	}
}

int
main(int argc, char **argv)
{
	unsigned long seed = argc > 1 ? it_number(argv[1]) : 1;
	unsigned long count = argc > 2 ? it_number(argv[2]) : 1000;
	mach_port_t task = mach_task_self(), host = mach_host_self();
	int check_rpc = 1;
	unsigned long sent = 0;
	mach_port_t p;
	it_buf_t buf;
	mach_port_urefs_t refs = 0;
	kern_return_t kr;

	for (int i = 3; i < argc; i++) {
		if (strcmp(argv[i], "norpc") == 0)
			check_rpc = 0;
		else if (strcmp(argv[i], "nocirc") == 0)
			nocirc = 1;
	}
	MT_BEGIN(nocirc ? "ipc/fuzz-nocirc" : "ipc/fuzz", check_rpc ? 3 : 2);
	rng = seed * 0x9e3779b97f4a7c15ULL + 1;
	for (int i = 0; i < NOWN; i++)
		own[i] = mach_reply_port();
	for (unsigned long i = 0; i < count; i++)
		fuzz_one(task, host, &sent);
	MT_PASS("survived %lu fuzzed messages (%s)", count,
		count ? "some accepted" : "none sent");
	printf("fuzz: seed %lu: %lu of %lu messages accepted\n", seed, sent,
	       count);
	p = mach_reply_port();
	MT_CHECK(it_send_int(p, MACH_MSG_TYPE_MAKE_SEND, 5, 5) ==
			 MACH_MSG_SUCCESS &&
		 it_receive(p, &buf, sizeof buf, 0) == MACH_MSG_SUCCESS &&
		 buf.i.value == 5,
		 "a fresh port still works after fuzzing");
	if (check_rpc) {
		kr = mach_port_get_refs(mach_task_self(), p,
					MACH_PORT_RIGHT_RECEIVE, &refs);
		MT_CHECK(kr == KERN_SUCCESS && refs == 1,
			 "a kernel RPC still works after fuzzing");
	}
	return MT_END();
}
