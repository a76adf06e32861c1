/* SPDX-License-Identifier: MIT */
/*
 * notify: notifications requested with mach_port_request_notification
 * (generated stub), received and dispatched through libmach's generated
 * notify_server: dead-name, port-deleted, no-senders (with make-send
 * counts, also the immediate one), port-destroyed (the receive right
 * comes back), the previous send-once right on re-registration, and the
 * request's errors.
 */
#include "notify_test.h"
#include "mt.h"

static mach_port_t self;

static mach_port_t
new_port(void)
{
	mach_port_t p = MACH_PORT_NULL;

	(void)mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &p);
	return p;
}

static kern_return_t
request(mach_port_t name, mach_msg_id_t id, mach_port_mscount_t sync,
	mach_port_t notify, mach_port_t *previous)
{
	mach_port_t prev = MACH_PORT_NULL;
	kern_return_t kr;

	kr = mach_port_request_notification(self, name, id, sync, notify,
					    MACH_MSG_TYPE_MAKE_SEND_ONCE,
					    &prev);
	if (previous)
		*previous = prev;
	return kr;
}

static void
test_dead_name(mach_port_t n)
{
	mach_port_t p = new_port(), prev = 1;
	mach_port_type_t t = 0;
	kern_return_t kr;

	(void)mach_port_insert_right(self, p, p, MACH_MSG_TYPE_MAKE_SEND);
	kr = request(p, MACH_NOTIFY_DEAD_NAME, 0, n, &prev);
	MT_CHECK(kr == KERN_SUCCESS && prev == MACH_PORT_NULL,
		 "request a dead-name notification (no previous)");
	(void)mach_port_type(self, p, &t);
	MT_CHECK((t & MACH_PORT_TYPE_DNREQUEST) != 0,
		 "mach_port_type shows MACH_PORT_TYPE_DNREQUEST");
	MT_EXPECT_EQ_MSG(nt_dispatch(n), 0, "nothing before the port dies");
	nt.dead_name = 0;
	(void)mach_port_mod_refs(self, p, MACH_PORT_RIGHT_RECEIVE, -1);
	MT_CHECK(nt_dispatch(n) == 1 && nt.dead_name == 1 && nt.name == p,
		 "the port dies: MACH_NOTIFY_DEAD_NAME with our name");
	(void)mach_port_type(self, p, &t);
	MT_CHECK((t & MACH_PORT_TYPE_ALL_RIGHTS) == MACH_PORT_TYPE_DEAD_NAME,
		 "the name is now a dead name");
}

static void
test_port_deleted(mach_port_t n)
{
	mach_port_t host = mach_host_self();
	mach_port_urefs_t refs = 0;
	kern_return_t kr;

	kr = request(host, MACH_NOTIFY_DEAD_NAME, 0, n, NULL);
	MT_EXPECT_KR(kr, KERN_SUCCESS,
		     "dead-name request on a send right (host port)");
	(void)mach_port_get_refs(self, host, MACH_PORT_RIGHT_SEND, &refs);
	nt.port_deleted = 0;
	kr = mach_port_mod_refs(self, host, MACH_PORT_RIGHT_SEND,
				-(mach_port_delta_t)refs);
	MT_CHECK(kr == KERN_SUCCESS && nt_dispatch(n) == 1 &&
		 nt.port_deleted == 1 && nt.name == host,
		 "dropping the right: MACH_NOTIFY_PORT_DELETED with its name");
}

static void
test_no_senders(mach_port_t n)
{
	mach_port_t p = new_port();
	kern_return_t kr;

	kr = request(p, MACH_NOTIFY_NO_SENDERS, 1, n, NULL);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "request no-senders (sync 1)");
	MT_EXPECT_EQ_MSG(nt_dispatch(n), 0,
			 "no notification before the first send right");
	(void)mach_port_insert_right(self, p, p, MACH_MSG_TYPE_MAKE_SEND);
	(void)mach_port_insert_right(self, p, p, MACH_MSG_TYPE_MAKE_SEND);
	nt.no_senders = 0;
	(void)mach_port_deallocate(self, p);
	MT_EXPECT_EQ_MSG(nt_dispatch(n), 0, "none while a send right remains");
	(void)mach_port_deallocate(self, p);
	MT_CHECK(nt_dispatch(n) == 1 && nt.no_senders == 1 && nt.mscount == 2,
		 "last send right gone: MACH_NOTIFY_NO_SENDERS, mscount 2");
	nt.no_senders = 0;
	kr = request(p, MACH_NOTIFY_NO_SENDERS, 2, n, NULL);
	MT_CHECK(kr == KERN_SUCCESS && nt_dispatch(n) == 1 &&
		 nt.no_senders == 1 && nt.mscount == 2,
		 "sync <= mscount with no senders: immediate notification");
	nt.no_senders = 0;
	kr = request(p, MACH_NOTIFY_NO_SENDERS, 3, n, NULL);
	MT_CHECK(kr == KERN_SUCCESS && nt_dispatch(n) == 0,
		 "sync > mscount: no immediate notification");
}

static void
test_port_destroyed(mach_port_t n)
{
	mach_port_t p = new_port(), got;
	it_buf_t buf;
	kern_return_t kr;

	kr = request(p, MACH_NOTIFY_PORT_DESTROYED, 0, n, NULL);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "request port-destroyed");
	(void)it_send_int(p, MACH_MSG_TYPE_MAKE_SEND, 31, 31);
	nt.port_destroyed = 0;
	kr = mach_port_destroy(self, p);
	MT_CHECK(kr == KERN_SUCCESS && nt_dispatch(n) == 1 &&
		 nt.port_destroyed == 1 && MACH_PORT_VALID(nt.rights),
		 "destroying it: MACH_NOTIFY_PORT_DESTROYED carries the "
		 "receive right");
	got = nt.rights;
	kr = it_receive(got, &buf, sizeof buf, 0);
	MT_CHECK(kr == MACH_MSG_SUCCESS && buf.head.msgh_id == 31,
		 "the port lives on with its queued message");
	kr = request(self, MACH_NOTIFY_PORT_DESTROYED, 0, n, NULL);
	MT_EXPECT_KR(kr, KERN_INVALID_RIGHT,
		     "port-destroyed request on a send right");
}

static void
test_errors(mach_port_t n)
{
	mach_port_t p = new_port(), prev = MACH_PORT_NULL, n2 = new_port();
	mach_port_type_t t = 0;
	kern_return_t kr;

	kr = request(p, 99, 0, n, NULL);
	MT_EXPECT_KR(kr, KERN_INVALID_VALUE, "request notification id 99");
	kr = request(IT_FORGED_NAME, MACH_NOTIFY_DEAD_NAME, 0, n, NULL);
	MT_EXPECT_KR(kr, KERN_INVALID_NAME, "request on a forged name");
	/* sync 1 > mscount 0: registered, not fired at once. */
	kr = request(p, MACH_NOTIFY_NO_SENDERS, 1, n, NULL);
	kr = request(p, MACH_NOTIFY_NO_SENDERS, 1, n2, &prev);
	(void)mach_port_type(self, prev, &t);
	MT_CHECK(kr == KERN_SUCCESS && prev != MACH_PORT_NULL &&
		 (t & MACH_PORT_TYPE_SEND_ONCE),
		 "re-registering returns the previous send-once right");
	kr = request(p, MACH_NOTIFY_NO_SENDERS, 1, MACH_PORT_NULL, &prev);
	MT_CHECK(kr == KERN_SUCCESS && prev != MACH_PORT_NULL,
		 "registering MACH_PORT_NULL cancels, returning the previous");
	/* sync 0 <= mscount 0 and no senders: fires at once (to n2). */
	kr = request(p, MACH_NOTIFY_NO_SENDERS, 0, n2, NULL);
	nt.no_senders = 0;
	MT_CHECK(kr == KERN_SUCCESS && nt_dispatch(n2) == 1 &&
		 nt.no_senders == 1 && nt.mscount == 0,
		 "sync 0 on a port never given a send right: immediate, "
		 "mscount 0");
}

int
main(void)
{
	mach_port_t n;

	self = mach_task_self();
	MT_BEGIN("notify/notify", 24);
	n = new_port();
	test_dead_name(n);	/* 5 */
	test_port_deleted(n);	/* 2 */
	test_no_senders(n);	/* 6 */
	test_port_destroyed(n);	/* 4 */
	test_errors(n);		/* 5 */
	{
		it_buf_t buf;
		int strays = 0, first = 0, so = 0;

		while (it_receive(n, &buf, sizeof buf, 0) == MACH_MSG_SUCCESS) {
			if (buf.head.msgh_id == MACH_NOTIFY_SEND_ONCE)
				so++;
			else if (strays++ == 0)
				first = buf.head.msgh_id;
		}
		/* A refused request is destroyed with the send-once right
		 * it carried: id 99, a forged name, port-destroyed on a send
		 * right. */
		MT_EXPECT_EQ_MSG(so, 3, "each of the 3 refused requests' "
				 "send-once rights comes back as "
				 "MACH_NOTIFY_SEND_ONCE");
		MT_EXPECT_EQ_MSG(strays, 0, "no other notification (first id %d)",
				 first);
	}
	return MT_END();
}
