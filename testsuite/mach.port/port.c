/* SPDX-License-Identifier: MIT */
/*
 * port: every call of mach_port.defs through the generated stubs, its
 * success path and each documented error (GNU Mach's kern_return_t
 * values, the Mach 3 kernel interface): allocate, allocate_name, names,
 * type, rename, destroy, deallocate, get_refs, mod_refs (urefs overflow),
 * get_receive_status, set_qlimit, set_mscount, set_seqno, port sets
 * (move_member, get_set_status), insert_right, extract_right.
 * Notifications are in mach.notify/.
 */
#include "../mach.ipc/ipc_test.h"
#include "mt.h"

/* Chosen names: far above the names the kernel hands out (a chosen name
 * whose index is in use under another generation is KERN_NAME_EXISTS). */
#define NAME_A ((mach_port_name_t)0xf04100)
#define NAME_B ((mach_port_name_t)0xf04200)
#define NAME_C ((mach_port_name_t)0xf04300)

static mach_port_t self;

static mach_port_type_t
type_of(mach_port_name_t name)
{
	mach_port_type_t t = 0;

	if (mach_port_type(self, name, &t) != KERN_SUCCESS)
		return (mach_port_type_t)~0u;
	return t & MACH_PORT_TYPE_ALL_RIGHTS;
}

static mach_port_urefs_t
refs_of(mach_port_name_t name, mach_port_right_t right)
{
	mach_port_urefs_t r = 0;

	if (mach_port_get_refs(self, name, right, &r) != KERN_SUCCESS)
		return (mach_port_urefs_t)~0u;
	return r;
}

/*
 * A chosen name that is free right now: one that allocate_name takes (a
 * name whose index the kernel already uses under another generation is
 * KERN_NAME_EXISTS), given back at once.
 */
static mach_port_name_t
free_name(mach_port_name_t base)
{
	for (int i = 0; i < 64; i++) {
		mach_port_name_t n = base + (mach_port_name_t)i * 0x10000;

		if (mach_port_allocate_name(self, MACH_PORT_RIGHT_DEAD_NAME,
					    n) == KERN_SUCCESS) {
			(void)mach_port_mod_refs(self, n,
						 MACH_PORT_RIGHT_DEAD_NAME, -1);
			return n;
		}
	}
	return base;
}

static void
test_allocate(void)
{
	mach_port_t p = MACH_PORT_NULL, s = MACH_PORT_NULL, d = MACH_PORT_NULL;
	kern_return_t kr;

	kr = mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &p);
	MT_CHECK(kr == KERN_SUCCESS && MACH_PORT_VALID(p),
		 "allocate a receive right");
	MT_EXPECT_EQ_MSG(type_of(p), MACH_PORT_TYPE_RECEIVE,
			 "mach_port_type of a receive right");
	kr = mach_port_allocate(self, MACH_PORT_RIGHT_PORT_SET, &s);
	MT_CHECK(kr == KERN_SUCCESS && MACH_PORT_VALID(s) && s != p &&
		 type_of(s) == MACH_PORT_TYPE_PORT_SET,
		 "allocate a port set");
	kr = mach_port_allocate(self, MACH_PORT_RIGHT_DEAD_NAME, &d);
	MT_CHECK(kr == KERN_SUCCESS && type_of(d) == MACH_PORT_TYPE_DEAD_NAME &&
		 refs_of(d, MACH_PORT_RIGHT_DEAD_NAME) == 1,
		 "allocate a dead name (one uref)");
	kr = mach_port_allocate(self, MACH_PORT_RIGHT_SEND, &d);
	MT_EXPECT_KR(kr, KERN_INVALID_VALUE, "allocate a send right: invalid");
	kr = mach_port_allocate(self, MACH_PORT_RIGHT_NUMBER + 3, &d);
	MT_EXPECT_KR(kr, KERN_INVALID_VALUE, "allocate right 8: invalid");
	kr = mach_port_allocate(IT_FORGED_NAME, MACH_PORT_RIGHT_RECEIVE, &d);
	MT_EXPECT_KR(kr, MACH_SEND_INVALID_DEST,
		     "allocate in a forged task name");
	kr = mach_port_allocate(p, MACH_PORT_RIGHT_RECEIVE, &d);
	MT_EXPECT_KR(kr, MACH_SEND_INVALID_DEST,
		     "allocate through a receive right, not a task port");
}

static void
test_allocate_name(void)
{
	kern_return_t kr;

	kr = mach_port_allocate_name(self, MACH_PORT_RIGHT_RECEIVE, NAME_A);
	MT_CHECK(kr == KERN_SUCCESS && type_of(NAME_A) == MACH_PORT_TYPE_RECEIVE,
		 "allocate_name a receive right");
	kr = mach_port_allocate_name(self, MACH_PORT_RIGHT_RECEIVE, NAME_A);
	MT_EXPECT_KR(kr, KERN_NAME_EXISTS, "allocate_name twice: name exists");
	kr = mach_port_allocate_name(self, MACH_PORT_RIGHT_PORT_SET, NAME_B);
	MT_CHECK(kr == KERN_SUCCESS && type_of(NAME_B) == MACH_PORT_TYPE_PORT_SET,
		 "allocate_name a port set");
	kr = mach_port_allocate_name(self, MACH_PORT_RIGHT_RECEIVE,
				     MACH_PORT_NULL);
	MT_EXPECT_KR(kr, KERN_INVALID_VALUE, "allocate_name MACH_PORT_NULL");
	kr = mach_port_allocate_name(self, MACH_PORT_RIGHT_RECEIVE,
				     MACH_PORT_DEAD);
	MT_EXPECT_KR(kr, KERN_INVALID_VALUE, "allocate_name MACH_PORT_DEAD");
	kr = mach_port_allocate_name(self, MACH_PORT_RIGHT_SEND_ONCE, NAME_C);
	MT_EXPECT_KR(kr, KERN_INVALID_VALUE,
		     "allocate_name a send-once right: invalid");
}

static void
test_type_names(void)
{
	mach_port_name_array_t names = NULL;
	mach_port_type_array_t types = NULL;
	mach_msg_type_number_t nn = 0, nt = 0;
	mach_port_type_t t;
	kern_return_t kr;
	int found_a = 0, found_b = 0, found_self = 0;

	kr = mach_port_type(self, IT_FORGED_NAME, &t);
	MT_EXPECT_KR(kr, KERN_INVALID_NAME, "mach_port_type of a forged name");
	MT_CHECK((type_of(self) & MACH_PORT_TYPE_SEND) != 0,
		 "the task port name holds a send right");
	kr = mach_port_names(self, &names, &nn, &types, &nt);
	MT_CHECK(kr == KERN_SUCCESS && nn == nt && nn >= 3,
		 "mach_port_names: as many names as types");
	for (mach_msg_type_number_t i = 0; kr == KERN_SUCCESS && i < nn; i++) {
		if (names[i] == NAME_A &&
		    (types[i] & MACH_PORT_TYPE_RECEIVE))
			found_a = 1;
		if (names[i] == NAME_B &&
		    (types[i] & MACH_PORT_TYPE_PORT_SET))
			found_b = 1;
		if (names[i] == self && (types[i] & MACH_PORT_TYPE_SEND))
			found_self = 1;
	}
	MT_CHECK(found_a && found_b && found_self,
		 "mach_port_names lists our names with their types");
}

static void
test_rename(void)
{
	kern_return_t kr;

	kr = mach_port_rename(self, NAME_A, NAME_C);
	MT_CHECK(kr == KERN_SUCCESS && type_of(NAME_C) == MACH_PORT_TYPE_RECEIVE,
		 "rename a receive right");
	kr = mach_port_type(self, NAME_A, &(mach_port_type_t){ 0 });
	MT_EXPECT_KR(kr, KERN_INVALID_NAME, "the old name is gone");
	kr = mach_port_rename(self, NAME_C, NAME_B);
	MT_EXPECT_KR(kr, KERN_NAME_EXISTS, "rename onto a used name");
	kr = mach_port_rename(self, NAME_A, NAME_A + 0x100);
	MT_EXPECT_KR(kr, KERN_INVALID_NAME, "rename an unused name");
	kr = mach_port_rename(self, NAME_C, MACH_PORT_NULL);
	MT_EXPECT_KR(kr, KERN_INVALID_VALUE, "rename to MACH_PORT_NULL");
	kr = mach_port_rename(self, NAME_C, NAME_A);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "rename back");
}

static void
test_refs(void)
{
	mach_port_t p = MACH_PORT_NULL;
	kern_return_t kr;

	(void)mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &p);
	MT_EXPECT_EQ_MSG(refs_of(p, MACH_PORT_RIGHT_RECEIVE), 1,
			 "get_refs of a receive right is 1");
	MT_EXPECT_EQ_MSG(refs_of(p, MACH_PORT_RIGHT_SEND), 0,
			 "get_refs of an absent send right is 0");
	kr = mach_port_insert_right(self, p, p, MACH_MSG_TYPE_MAKE_SEND);
	MT_CHECK(kr == KERN_SUCCESS &&
		 type_of(p) == MACH_PORT_TYPE_SEND_RECEIVE &&
		 refs_of(p, MACH_PORT_RIGHT_SEND) == 1,
		 "insert_right MAKE_SEND under the receive name");
	kr = mach_port_mod_refs(self, p, MACH_PORT_RIGHT_SEND, 4);
	MT_CHECK(kr == KERN_SUCCESS && refs_of(p, MACH_PORT_RIGHT_SEND) == 5,
		 "mod_refs +4 on a send right");
	kr = mach_port_mod_refs(self, p, MACH_PORT_RIGHT_SEND, -6);
	MT_EXPECT_KR(kr, KERN_INVALID_VALUE, "mod_refs below zero");
	MT_EXPECT_EQ_MSG(refs_of(p, MACH_PORT_RIGHT_SEND), 5,
			 "a refused mod_refs changes nothing");
	kr = mach_port_mod_refs(self, p, MACH_PORT_RIGHT_SEND, 0x7fffffff);
	MT_EXPECT_KR(kr, KERN_UREFS_OVERFLOW, "mod_refs past the urefs limit");
	kr = mach_port_mod_refs(self, p, MACH_PORT_RIGHT_SEND_ONCE, 1);
	MT_EXPECT_KR(kr, KERN_INVALID_RIGHT,
		     "mod_refs of a send-once right the name lacks");
	kr = mach_port_mod_refs(self, p, MACH_PORT_RIGHT_NUMBER, 1);
	MT_EXPECT_KR(kr, KERN_INVALID_VALUE, "mod_refs of right 5: invalid");
	kr = mach_port_mod_refs(self, IT_FORGED_NAME, MACH_PORT_RIGHT_SEND, 1);
	MT_EXPECT_KR(kr, KERN_INVALID_NAME, "mod_refs of a forged name");
	kr = mach_port_get_refs(self, p, MACH_PORT_RIGHT_NUMBER,
				&(mach_port_urefs_t){ 0 });
	MT_EXPECT_KR(kr, KERN_INVALID_VALUE, "get_refs of right 5: invalid");
	kr = mach_port_get_refs(self, IT_FORGED_NAME, MACH_PORT_RIGHT_SEND,
				&(mach_port_urefs_t){ 0 });
	MT_EXPECT_KR(kr, KERN_INVALID_NAME, "get_refs of a forged name");

	/* deallocate drops one send uref; not a receive right. */
	kr = mach_port_deallocate(self, p);
	MT_CHECK(kr == KERN_SUCCESS && refs_of(p, MACH_PORT_RIGHT_SEND) == 4,
		 "deallocate drops one send uref");
	kr = mach_port_mod_refs(self, p, MACH_PORT_RIGHT_SEND, -4);
	MT_CHECK(kr == KERN_SUCCESS && type_of(p) == MACH_PORT_TYPE_RECEIVE,
		 "the last send uref goes, the receive right stays");
	kr = mach_port_deallocate(self, p);
	MT_EXPECT_KR(kr, KERN_INVALID_RIGHT, "deallocate a receive right");
	kr = mach_port_deallocate(self, IT_FORGED_NAME);
	MT_EXPECT_KR(kr, KERN_INVALID_NAME, "deallocate a forged name");
	kr = mach_port_mod_refs(self, p, MACH_PORT_RIGHT_RECEIVE, 1);
	MT_EXPECT_KR(kr, KERN_INVALID_VALUE, "mod_refs +1 on a receive right");
	kr = mach_port_mod_refs(self, p, MACH_PORT_RIGHT_RECEIVE, -1);
	MT_CHECK(kr == KERN_SUCCESS && type_of(p) == (mach_port_type_t)~0u,
		 "mod_refs -1 on the receive right destroys the port");
}

static void
test_dead_names(void)
{
	mach_port_t p = MACH_PORT_NULL, q = mach_reply_port();
	it_buf_t buf;
	kern_return_t kr;

	/* A send right whose port dies becomes a dead name. */
	(void)mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &p);
	(void)it_send_port(q, MACH_MSG_TYPE_MAKE_SEND, 1, p,
			   MACH_MSG_TYPE_MAKE_SEND);
	(void)mach_port_mod_refs(self, p, MACH_PORT_RIGHT_RECEIVE, -1);
	kr = it_receive(q, &buf, sizeof buf, 0);
	MT_CHECK(kr == MACH_MSG_SUCCESS &&
		 (mach_port_t)buf.p.port == MACH_PORT_DEAD,
		 "a send right to a dead port arrives as MACH_PORT_DEAD");
	/* The receive right of a name with send urefs: a dead name. */
	(void)mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &p);
	(void)mach_port_insert_right(self, p, p, MACH_MSG_TYPE_MAKE_SEND);
	(void)mach_port_insert_right(self, p, p, MACH_MSG_TYPE_MAKE_SEND);
	kr = mach_port_mod_refs(self, p, MACH_PORT_RIGHT_RECEIVE, -1);
	MT_CHECK(kr == KERN_SUCCESS && type_of(p) == MACH_PORT_TYPE_DEAD_NAME,
		 "destroying the receive right of a send+receive name leaves "
		 "a dead name");
	MT_EXPECT_EQ_MSG(refs_of(p, MACH_PORT_RIGHT_DEAD_NAME), 2,
			 "...with the send urefs (2)");
	kr = mach_port_mod_refs(self, p, MACH_PORT_RIGHT_DEAD_NAME, -2);
	MT_CHECK(kr == KERN_SUCCESS && type_of(p) == (mach_port_type_t)~0u,
		 "mod_refs -2 frees the dead name");
}

static void
test_destroy(void)
{
	mach_port_t p = MACH_PORT_NULL, old;
	it_buf_t buf;
	kern_return_t kr;

	(void)mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &p);
	(void)mach_port_insert_right(self, p, p, MACH_MSG_TYPE_MAKE_SEND);
	(void)it_send_int(p, MACH_MSG_TYPE_COPY_SEND, 1, 1);
	kr = mach_port_destroy(self, p);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "destroy a port with a queued message");
	kr = mach_port_destroy(self, p);
	MT_EXPECT_KR(kr, KERN_INVALID_NAME, "destroy it again: invalid name");
	kr = mach_msg(&buf.head, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0,
		      sizeof buf, p, 0, MACH_PORT_NULL);
	MT_EXPECT_KR(kr, MACH_RCV_INVALID_NAME, "receive on the stale name");
	old = p;
	(void)mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &p);
	MT_CHECK(p != old, "a new port does not reuse the stale name at once");
	kr = it_send_empty(old, MACH_MSG_TYPE_MAKE_SEND, 1, 0, 0);
	MT_EXPECT_KR(kr, MACH_SEND_INVALID_DEST, "send to the stale name");
}

static void
test_receive_status(void)
{
	mach_port_t p = MACH_PORT_NULL;
	mach_port_status_t st;
	kern_return_t kr;

	(void)mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &p);
	memset(&st, 0xff, sizeof st);
	kr = mach_port_get_receive_status(self, p, &st);
	MT_CHECK(kr == KERN_SUCCESS && st.mps_pset == MACH_PORT_NULL &&
		 st.mps_seqno == 0 && st.mps_mscount == 0 &&
		 st.mps_qlimit == MACH_PORT_QLIMIT_DEFAULT &&
		 st.mps_msgcount == 0 && st.mps_sorights == 0 &&
		 !st.mps_srights && !st.mps_pdrequest && !st.mps_nsrequest,
		 "receive status of a fresh port");
	(void)mach_port_insert_right(self, p, p, MACH_MSG_TYPE_MAKE_SEND);
	(void)it_send_int(p, MACH_MSG_TYPE_COPY_SEND, 1, 1);
	(void)it_send_int(p, MACH_MSG_TYPE_MAKE_SEND_ONCE, 1, 1);
	kr = mach_port_get_receive_status(self, p, &st);
	MT_CHECK(kr == KERN_SUCCESS && st.mps_mscount == 1 &&
		 st.mps_msgcount == 2 && st.mps_srights,
		 "mscount 1, 2 messages queued, send rights exist");
	it_drain(p);
	kr = mach_port_get_receive_status(self, p, &st);
	MT_CHECK(kr == KERN_SUCCESS && st.mps_seqno == 2 && st.mps_msgcount == 0,
		 "seqno 2 after two receives");
	kr = mach_port_get_receive_status(self, self, &st);
	MT_EXPECT_KR(kr, KERN_INVALID_RIGHT, "receive status of a send right");
	kr = mach_port_get_receive_status(self, IT_FORGED_NAME, &st);
	MT_EXPECT_KR(kr, KERN_INVALID_NAME, "receive status of a forged name");

	kr = mach_port_set_qlimit(self, p, 2);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "set_qlimit 2");
	MT_CHECK(it_send_empty(p, MACH_MSG_TYPE_COPY_SEND, 1, MACH_SEND_TIMEOUT,
			       0) == MACH_MSG_SUCCESS &&
		 it_send_empty(p, MACH_MSG_TYPE_COPY_SEND, 1, MACH_SEND_TIMEOUT,
			       0) == MACH_MSG_SUCCESS &&
		 it_send_empty(p, MACH_MSG_TYPE_COPY_SEND, 1, MACH_SEND_TIMEOUT,
			       0) == MACH_SEND_TIMED_OUT,
		 "qlimit 2: the third send times out");
	it_drain(p);
	kr = mach_port_set_qlimit(self, p, MACH_PORT_QLIMIT_MAX + 1);
	MT_EXPECT_KR(kr, KERN_INVALID_VALUE, "set_qlimit above the maximum");
	kr = mach_port_set_qlimit(self, self, 3);
	MT_EXPECT_KR(kr, KERN_INVALID_RIGHT, "set_qlimit of a send right");

	kr = mach_port_set_mscount(self, p, 40);
	(void)mach_port_get_receive_status(self, p, &st);
	MT_CHECK(kr == KERN_SUCCESS && st.mps_mscount == 40, "set_mscount 40");
	kr = mach_port_set_mscount(self, IT_FORGED_NAME, 1);
	MT_EXPECT_KR(kr, KERN_INVALID_NAME, "set_mscount of a forged name");
	kr = mach_port_set_seqno(self, p, 1000);
	(void)it_send_empty(p, MACH_MSG_TYPE_COPY_SEND, 1, 0, 0);
	{
		it_buf_t buf;

		MT_CHECK(kr == KERN_SUCCESS &&
			 it_receive(p, &buf, sizeof buf, 0) ==
				 MACH_MSG_SUCCESS &&
			 buf.head.msgh_seqno == 1000,
			 "set_seqno 1000: the next message has seqno 1000");
	}
	kr = mach_port_set_seqno(self, self, 1);
	MT_EXPECT_KR(kr, KERN_INVALID_RIGHT, "set_seqno of a send right");
}

static void
test_port_sets(void)
{
	mach_port_t set = MACH_PORT_NULL, a = MACH_PORT_NULL,
		    b = MACH_PORT_NULL;
	mach_port_name_array_t members = NULL;
	mach_msg_type_number_t n = 0;
	mach_port_status_t st;
	it_buf_t buf;
	kern_return_t kr;

	(void)mach_port_allocate(self, MACH_PORT_RIGHT_PORT_SET, &set);
	(void)mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &a);
	(void)mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &b);
	kr = mach_port_move_member(self, a, set);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "move_member a into the set");
	kr = mach_port_move_member(self, b, set);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "move_member b into the set");
	(void)mach_port_get_receive_status(self, a, &st);
	MT_EXPECT_EQ_MSG(st.mps_pset, set, "receive status names the set");
	kr = mach_port_get_set_status(self, set, &members, &n);
	MT_CHECK(kr == KERN_SUCCESS && n == 2 &&
		 ((members[0] == a && members[1] == b) ||
		  (members[0] == b && members[1] == a)),
		 "get_set_status lists both members");
	(void)it_send_empty(b, MACH_MSG_TYPE_MAKE_SEND, 22, 0, 0);
	kr = it_receive(set, &buf, sizeof buf, 0);
	MT_CHECK(kr == MACH_MSG_SUCCESS && buf.head.msgh_id == 22 &&
		 (mach_port_t)buf.head.msgh_local_port == b,
		 "receive from the set gets b's message, local port b");
	kr = it_receive(a, &buf, sizeof buf, 0);
	MT_EXPECT_KR(kr, MACH_RCV_IN_SET, "receive on a member: in a set");
	kr = mach_port_move_member(self, set, a);
	MT_EXPECT_KR(kr, KERN_INVALID_RIGHT, "move_member of a set into a port");
	kr = mach_port_move_member(self, a, IT_FORGED_NAME);
	MT_EXPECT_KR(kr, KERN_INVALID_NAME, "move_member into a forged name");
	kr = mach_port_move_member(self, a, MACH_PORT_NULL);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "move_member to MACH_PORT_NULL removes");
	kr = mach_port_get_set_status(self, set, &members, &n);
	MT_CHECK(kr == KERN_SUCCESS && n == 1 && members[0] == b,
		 "one member left");
	kr = mach_port_get_set_status(self, a, &members, &n);
	MT_EXPECT_KR(kr, KERN_INVALID_RIGHT, "get_set_status of a port");
	kr = mach_port_destroy(self, set);
	(void)mach_port_get_receive_status(self, b, &st);
	MT_CHECK(kr == KERN_SUCCESS && st.mps_pset == MACH_PORT_NULL,
		 "destroying the set frees its member");
}

static void
test_insert_extract(void)
{
	mach_port_t p = MACH_PORT_NULL, q = MACH_PORT_NULL, got = 0;
	mach_msg_type_name_t gt = 0;
	mach_port_name_t c;
	kern_return_t kr;

	(void)mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &p);
	(void)mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &q);
	c = free_name(NAME_C);
	/* Send-once rights get names of their own. */
	kr = mach_port_insert_right(self, c, p,
				    MACH_MSG_TYPE_MAKE_SEND_ONCE);
	MT_EXPECT_KR(kr, KERN_SUCCESS,
		     "insert_right a send-once right under a chosen name");
	MT_EXPECT_EQ_MSG(type_of(c), MACH_PORT_TYPE_SEND_ONCE,
			 "...the name holds the send-once right");
	kr = mach_port_insert_right(self, c, q,
				    MACH_MSG_TYPE_MAKE_SEND_ONCE);
	MT_EXPECT_KR(kr, KERN_NAME_EXISTS, "insert under a used name");
	/* Send rights for a port we hold live under its one name. */
	kr = mach_port_insert_right(self, free_name(c + 0x100), q,
				    MACH_MSG_TYPE_MAKE_SEND);
	MT_EXPECT_KR(kr, KERN_RIGHT_EXISTS,
		     "insert a send right under a second name");
	kr = mach_port_insert_right(self, p, p, MACH_MSG_TYPE_MAKE_SEND);
	kr = mach_port_insert_right(self, p, p, MACH_MSG_TYPE_MAKE_SEND);
	MT_CHECK(kr == KERN_SUCCESS && refs_of(p, MACH_PORT_RIGHT_SEND) == 2,
		 "insert the same send right again: one more uref");
	kr = mach_port_insert_right(self, MACH_PORT_NULL, q,
				    MACH_MSG_TYPE_MAKE_SEND);
	MT_EXPECT_KR(kr, KERN_INVALID_VALUE, "insert under MACH_PORT_NULL");
	kr = mach_port_insert_right(self, free_name(c + 0x100), MACH_PORT_NULL,
				    MACH_MSG_TYPE_COPY_SEND);
	MT_EXPECT_KR(kr, KERN_INVALID_CAPABILITY, "insert a null right");
	kr = mach_port_extract_right(self, p, MACH_MSG_TYPE_COPY_SEND,
				     &got, &gt);
	MT_CHECK(kr == KERN_SUCCESS && got == p &&
		 gt == MACH_MSG_TYPE_PORT_SEND,
		 "extract_right COPY_SEND (comes back under our name)");
	kr = mach_port_extract_right(self, p, MACH_MSG_TYPE_MAKE_SEND_ONCE,
				     &got, &gt);
	MT_CHECK(kr == KERN_SUCCESS && gt == MACH_MSG_TYPE_PORT_SEND_ONCE &&
		 type_of(got) == MACH_PORT_TYPE_SEND_ONCE,
		 "extract_right MAKE_SEND_ONCE");
	kr = mach_port_extract_right(self, q, MACH_MSG_TYPE_MOVE_SEND, &got,
				     &gt);
	MT_EXPECT_KR(kr, KERN_INVALID_RIGHT,
		     "extract a send right the name lacks");
	kr = mach_port_extract_right(self, q, 7, &got, &gt);
	MT_EXPECT_KR(kr, KERN_INVALID_VALUE, "extract with type name 7");
	kr = mach_port_extract_right(self, IT_FORGED_NAME,
				     MACH_MSG_TYPE_COPY_SEND, &got, &gt);
	MT_EXPECT_KR(kr, KERN_INVALID_NAME, "extract from a forged name");
}

int
main(void)
{
	self = mach_task_self();
	MT_BEGIN("port/port", 88);
	test_allocate();	/* 7 */
	test_allocate_name();	/* 6 */
	test_type_names();	/* 4 */
	test_rename();		/* 6 */
	test_refs();		/* 18 */
	test_dead_names();	/* 4 */
	test_destroy();		/* 5 */
	test_receive_status();	/* 13 */
	test_port_sets();	/* 12 */
	test_insert_extract();	/* 12 */
	return MT_END();
}
