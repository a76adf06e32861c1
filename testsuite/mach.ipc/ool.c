/* SPDX-License-Identifier: MIT */
/*
 * ool: message bodies with data: a 1 KiB inline array, 64 KiB out of
 * line (a copy for the receiver; the sender's memory unchanged), an
 * out-of-line port array, and the errors of bad out-of-line pointers.
 */
#include "ipc_test.h"
#include "mt.h"

#define INLINE_BYTES 1024
#define OOL_BYTES (64 * 1024)

typedef struct {
	mach_msg_header_t head;
	uint64_t type;
	unsigned char data[INLINE_BYTES];
} inline1k_t;

extern char _end[];	/* task.ld: the end of the image */

static unsigned char ool_src[OOL_BYTES] __attribute__((aligned(4096)));

static union {
	inline1k_t m;
	it_buf_t b;
	uint64_t words[(INLINE_BYTES + 256) / 8];
} rbuf;

static void
test_inline(void)
{
	static inline1k_t m;
	mach_port_t p = mach_reply_port();
	mach_msg_return_t mr;
	int same = 1;

	it_header(&m.head, MACH_MSG_TYPE_MAKE_SEND, 0, sizeof m, p,
		  MACH_PORT_NULL, 1);
	m.type = it_desc(MACH_MSG_TYPE_BYTE, 8, 1, 0, INLINE_BYTES);
	for (int i = 0; i < INLINE_BYTES; i++)
		m.data[i] = (unsigned char)(i * 7 + 3);
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "send 1 KiB inline");
	mr = mach_msg(&rbuf.m.head, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0,
		      sizeof rbuf, p, 0, MACH_PORT_NULL);
	for (int i = 0; i < INLINE_BYTES; i++)
		same &= rbuf.m.data[i] == (unsigned char)(i * 7 + 3);
	MT_CHECK(mr == MACH_MSG_SUCCESS && rbuf.m.head.msgh_size == sizeof m &&
		 same, "1 KiB inline arrives intact");
}

static void
test_ool(void)
{
	mach_port_t p = mach_reply_port();
	it_ool_t m;
	it_buf_t buf;
	mach_msg_return_t mr;
	const unsigned char *got;
	int same = 1;

	for (int i = 0; i < OOL_BYTES; i++)
		ool_src[i] = (unsigned char)(i ^ (i >> 8));
	memset(&m, 0, sizeof m);
	it_header(&m.head, MACH_MSG_TYPE_MAKE_SEND, 0, sizeof m, p,
		  MACH_PORT_NULL, 2);
	m.head.msgh_bits |= MACH_MSGH_BITS_COMPLEX;
	m.type = it_desc(MACH_MSG_TYPE_BYTE, 8, 0, 0, OOL_BYTES);
	m.addr = (uint64_t)(uintptr_t)ool_src;
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "send 64 KiB out of line");
	/* The sender may write at once: the receiver has a copy. */
	ool_src[0] ^= 0xff;
	mr = it_receive(p, &buf, sizeof buf, 0);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "receive the out-of-line message");
	if (mr != MACH_MSG_SUCCESS) {
		MT_FAIL("no message", "out-of-line data arrives intact");
		MT_FAIL("no message", "the receiver's region is a new one");
		return;
	}
	got = (const unsigned char *)(uintptr_t)buf.o.addr;
	for (int i = 1; i < OOL_BYTES; i++)
		same &= got[i] == (unsigned char)(i ^ (i >> 8));
	same &= got[0] == 0;
	MT_CHECK(same && (buf.o.type >> 32) == OOL_BYTES,
		 "out-of-line data arrives intact");
	MT_CHECK(got != ool_src && ((uintptr_t)got & 4095) == 0,
		 "the receiver's region is a new one");
}

static void
test_ool_errors(void)
{
	mach_port_t p = mach_reply_port();
	it_ool_t m;
	mach_msg_return_t mr;

	memset(&m, 0, sizeof m);
	it_header(&m.head, MACH_MSG_TYPE_MAKE_SEND, 0, sizeof m, p,
		  MACH_PORT_NULL, 3);
	m.head.msgh_bits |= MACH_MSGH_BITS_COMPLEX;
	m.type = it_desc(MACH_MSG_TYPE_BYTE, 8, 0, 0, 8192);
	m.addr = (uint64_t)(uintptr_t)IT_LOW_ADDR;
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_MEMORY,
		     "out-of-line pointer to unmapped memory");
	m.addr = (uint64_t)(uintptr_t)IT_KERNEL_ADDR;
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_MEMORY,
		     "out-of-line pointer into the kernel");
	/* The last page of the image and the unmapped one after it. */
	m.addr = (((uint64_t)(uintptr_t)_end + 4095) & ~4095ULL) - 4096;
	m.type = it_desc(MACH_MSG_TYPE_BYTE, 8, 0, 0, 8192);
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_MEMORY,
		     "out-of-line region running past the end of the data");
	MT_EXPECT_EQ_MSG(it_drain(p), 0, "no refused message was queued");
}

static void
test_ool_ports(void)
{
	mach_port_t a = mach_reply_port(), b = mach_reply_port();
	mach_port_t q = mach_reply_port();
	static mach_port_t names[2];
	it_ool_t m;
	it_buf_t buf;
	mach_msg_return_t mr;
	const mach_port_t *got;

	names[0] = a;
	names[1] = b;
	memset(&m, 0, sizeof m);
	it_header(&m.head, MACH_MSG_TYPE_MAKE_SEND, 0, sizeof m, q,
		  MACH_PORT_NULL, 4);
	m.head.msgh_bits |= MACH_MSGH_BITS_COMPLEX;
	/* OOL port arrays hold 32-bit names in user space: msgt_size 32
	 * (ABI.md: the element size in bits).  See /work/notes/mig-bugs.md:
	 * the generated stubs write 64 here. */
	m.type = it_desc(MACH_MSG_TYPE_MAKE_SEND, 32, 0, 0, 2);
	m.addr = (uint64_t)(uintptr_t)names;
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "an out-of-line array of 2 MAKE_SEND");
	mr = it_receive(q, &buf, sizeof buf, 0);
	got = (const mach_port_t *)(uintptr_t)buf.o.addr;
	MT_CHECK(mr == MACH_MSG_SUCCESS && got != NULL && got[0] == a &&
		 got[1] == b && (buf.o.type & 0xff) == MACH_MSG_TYPE_PORT_SEND,
		 "the out-of-line port array arrives as send rights");
}

int
main(void)
{
	MT_BEGIN("ipc/ool", 12);
	test_inline();		/* 2 */
	test_ool();		/* 4 */
	test_ool_errors();	/* 4 */
	test_ool_ports();	/* 2 */
	return MT_END();
}
