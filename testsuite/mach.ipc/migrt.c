/* SPDX-License-Identifier: MIT */
/*
 * migrt: libmach's MIG run time in a task: the reply-port pool
 * (mig_get_reply_port / mig_put_reply_port / mig_dealloc_reply_port),
 * mig_allocate / mig_deallocate, mig_strncpy and mig_reply_setup.
 */
#include <mach/notify.h>

#include "ipc_test.h"
#include "mt.h"

static mach_port_type_t
type_of(mach_port_t name)
{
	mach_port_type_t t = 0;

	if (mach_port_type(mach_task_self(), name, &t) != KERN_SUCCESS)
		return (mach_port_type_t)~0u;
	return t & MACH_PORT_TYPE_ALL_RIGHTS;
}

static void
test_reply_ports(void)
{
	mach_port_t a, b, c;

	a = mig_get_reply_port();
	b = mig_get_reply_port();
	MT_CHECK(MACH_PORT_VALID(a) && MACH_PORT_VALID(b) && a != b,
		 "two reply ports taken at once are distinct");
	MT_EXPECT_EQ_MSG(type_of(a), MACH_PORT_TYPE_RECEIVE,
			 "a reply port is a receive right");
	{
		/* The pool holds a few ports (4): one put back comes out
		 * again among the next five taken. */
		mach_port_t x[5];
		int found = 0;

		mig_put_reply_port(a);
		for (int i = 0; i < 5; i++) {
			x[i] = mig_get_reply_port();
			found |= x[i] == a;
		}
		MT_CHECK(found, "a port put back is handed out again");
		for (int i = 0; i < 5; i++)
			mig_put_reply_port(x[i]);
	}
	mig_put_reply_port(b);
	mig_dealloc_reply_port(b);
	MT_EXPECT_EQ_MSG(type_of(b), (mach_port_type_t)~0u,
			 "mig_dealloc_reply_port destroys the port");
	c = mig_get_reply_port();
	MT_CHECK(c != b, "a deallocated port is not handed out again");
	mig_put_reply_port(c);
	/* A generated stub uses the pool: the port comes back after it. */
	(void)type_of(a);
	c = mig_get_reply_port();
	MT_CHECK(c == a || c == b || type_of(c) == MACH_PORT_TYPE_RECEIVE,
		 "after an RPC the pool still holds a usable reply port");
	mig_put_reply_port(c);
}

static void
test_memory(void)
{
	vm_address_t a = 0, b = 0;
	int zero = 1;

	mig_allocate(&a, 10000);
	mig_allocate(&b, 100);
	for (int i = 0; a != 0 && i < 10000; i++)
		zero &= ((unsigned char *)a)[i] == 0;
	MT_CHECK(a != 0 && (a & 4095) == 0 && zero,
		 "mig_allocate: page-aligned zeroed memory");
	MT_CHECK(b != 0 && (b >= a + 10000 || b + 100 <= a),
		 "a second mig_allocate does not overlap the first");
	if (a != 0)
		memset((void *)a, 0x5a, 10000);
	mig_deallocate(a, 10000);
	mig_deallocate(b, 100);
	b = 1;
	mig_allocate(&b, 0);
	MT_EXPECT_EQ_MSG(b, 0, "mig_allocate of 0 bytes gives address 0");
}

static void
test_strncpy(void)
{
	char d[8];
	int n;

	memset(d, 'x', sizeof d);
	n = mig_strncpy(d, "abc", sizeof d);
	MT_CHECK(n == 4 && strcmp(d, "abc") == 0,
		 "mig_strncpy of a short string: NUL included, returns 4");
	memset(d, 'x', sizeof d);
	n = mig_strncpy(d, "abcdefghij", sizeof d);
	MT_CHECK(n == 8 && memcmp(d, "abcdefg", 8) == 0,
		 "mig_strncpy truncates and always ends with NUL");
	MT_EXPECT_EQ_MSG(mig_strncpy(d, "abc", 0), 0,
			 "mig_strncpy with length 0 writes nothing");
}

static void
test_reply_setup(void)
{
	mach_msg_header_t req;
	mig_reply_header_t rep;

	memset(&req, 0, sizeof req);
	req.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_PORT_SEND_ONCE,
				       MACH_MSG_TYPE_PORT_SEND);
	req.msgh_remote_port = 0x1234;
	req.msgh_local_port = 0x5678;
	req.msgh_id = 3207;
	memset(&rep, 0xff, sizeof rep);
	mig_reply_setup(&req, &rep.Head);
	MT_CHECK(rep.Head.msgh_bits ==
			 MACH_MSGH_BITS(MACH_MSG_TYPE_PORT_SEND_ONCE, 0) &&
		 rep.Head.msgh_size == sizeof rep &&
		 rep.Head.msgh_remote_port == 0x1234 &&
		 rep.Head.msgh_local_port == MACH_PORT_NULL &&
		 rep.Head.msgh_id == 3307 && rep.RetCode == MIG_BAD_ID &&
		 rep.RetCodeType.msgt_name == MACH_MSG_TYPE_INTEGER_32 &&
		 rep.RetCodeType.msgt_size == 32 &&
		 rep.RetCodeType.msgt_number == 1 &&
		 rep.RetCodeType.msgt_inline,
		 "mig_reply_setup: reply header for a received request");
}

int
main(void)
{
	MT_BEGIN("ipc/migrt", 13);
	test_reply_ports();	/* 6 */
	test_memory();		/* 3 */
	test_strncpy();		/* 3 */
	test_reply_setup();	/* 1 */
	return MT_END();
}
