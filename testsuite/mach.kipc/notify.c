/* SPDX-License-Identifier: MIT */
/* Notifications: port-deleted, send-once, dead-name, port-destroyed
 * (no-senders is in port.c). */
#include <mach/message.h>
#include <mach/port.h>
#include <mach/notify.h>
#include <mach/mach_traps.h>
#include <mach/mach_port.h>
#include <string.h>
#include "mt.h"
#define SELF mach_task_self()
typedef struct { mach_msg_header_t h; uint64_t t1; uint64_t d1; char pad[256]; } msg_t;
static mach_port_type_t ptype(mach_port_name_t n) { mach_port_type_t t; kern_return_t kr = mach_port_type(SELF, n, &t); return kr ? 0xdead0000u | (unsigned)kr : t; }
static mach_msg_return_t rcv(mach_port_name_t p, msg_t *m) { memset(m, 0, sizeof *m); return mach_msg(&m->h, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof *m, p, 0, 0); }
int main(void)
{
	mach_port_name_t np, a, b, sname, prev; kern_return_t kr; msg_t m; mach_msg_type_name_t t;
	MT_BEGIN("ipc/notify", 19);
	mach_port_allocate(SELF, MACH_PORT_RIGHT_RECEIVE, &np);
	mach_port_allocate(SELF, MACH_PORT_RIGHT_RECEIVE, &a);
	mach_port_insert_right(SELF, a, a, MACH_MSG_TYPE_MAKE_SEND);
	kr = mach_port_request_notification(SELF, a, MACH_NOTIFY_DEAD_NAME, 0, np, MACH_MSG_TYPE_MAKE_SEND_ONCE, &prev);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "request dead-name on send+receive");
	MT_CHECK((ptype(a) & MACH_PORT_TYPE_DNREQUEST) != 0, "type shows dnrequest (%x)", ptype(a));
	/* deallocate the name entirely: port-deleted */
	MT_EXPECT_KR(mach_port_destroy(SELF, a), KERN_SUCCESS, "destroy a");
	MT_EXPECT_KR(rcv(np, &m), MACH_MSG_SUCCESS, "a notification came");
	MT_CHECK(m.h.msgh_id == MACH_NOTIFY_PORT_DELETED && (mach_port_name_t)m.d1 == a, "port-deleted for a (id %d name %x)", m.h.msgh_id, (unsigned)m.d1);
	/* send-once notification: make a send-once right and deallocate it */
	mach_port_allocate(SELF, MACH_PORT_RIGHT_RECEIVE, &b);
	kr = mach_port_extract_right(SELF, b, MACH_MSG_TYPE_MAKE_SEND_ONCE, &sname, &t);
	MT_CHECK(kr == 0 && t == MACH_MSG_TYPE_PORT_SEND_ONCE && sname != b, "extract make_send_once (%x %x %u)", kr, sname, t);
	MT_EXPECT_EQ_MSG(ptype(sname), MACH_PORT_TYPE_SEND_ONCE, "send-once type");
	MT_EXPECT_KR(mach_port_deallocate(SELF, sname), KERN_SUCCESS, "deallocate send-once");
	MT_EXPECT_KR(rcv(b, &m), MACH_MSG_SUCCESS, "send-once notification came");
	MT_EXPECT_EQ_MSG(m.h.msgh_id, MACH_NOTIFY_SEND_ONCE, "send-once id");
	/* dead-name for real: a send-once right to b, then destroy b */
	kr = mach_port_extract_right(SELF, b, MACH_MSG_TYPE_MAKE_SEND_ONCE, &sname, &t);
	kr = mach_port_request_notification(SELF, sname, MACH_NOTIFY_DEAD_NAME, 0, np, MACH_MSG_TYPE_MAKE_SEND_ONCE, &prev);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "request dead-name on send-once");
	MT_EXPECT_KR(mach_port_destroy(SELF, b), KERN_SUCCESS, "destroy b");
	MT_EXPECT_KR(rcv(np, &m), MACH_MSG_SUCCESS, "dead-name came");
	MT_CHECK(m.h.msgh_id == MACH_NOTIFY_DEAD_NAME && (mach_port_name_t)m.d1 == sname, "dead-name names it (id %d name %x)", m.h.msgh_id, (unsigned)m.d1);
	MT_EXPECT_EQ_MSG(ptype(sname), MACH_PORT_TYPE_DEAD_NAME, "now a dead name");
	{ mach_port_urefs_t u = 0; mach_port_get_refs(SELF, sname, MACH_PORT_RIGHT_DEAD_NAME, &u); MT_EXPECT_EQ_MSG(u, 2, "dead name has 2 urefs"); }
	/* port-destroyed */
	mach_port_allocate(SELF, MACH_PORT_RIGHT_RECEIVE, &a);
	kr = mach_port_request_notification(SELF, a, MACH_NOTIFY_PORT_DESTROYED, 0, np, MACH_MSG_TYPE_MAKE_SEND_ONCE, &prev);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "request port-destroyed");
	mach_port_destroy(SELF, a);
	MT_EXPECT_KR(rcv(np, &m), MACH_MSG_SUCCESS, "port-destroyed came");
	MT_CHECK(m.h.msgh_id == MACH_NOTIFY_PORT_DESTROYED && ptype((mach_port_name_t)m.d1) == MACH_PORT_TYPE_RECEIVE, "carries the receive right (id %d name %x type %x)", m.h.msgh_id, (unsigned)m.d1, ptype((mach_port_name_t)m.d1));
	return MT_END();
}
