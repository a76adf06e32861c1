/* SPDX-License-Identifier: MIT */
/*
 * Another task's space through its task port (task_create of mach.defs,
 * the mach_port calls on it), names confined to their space, and
 * task_terminate of a task that holds a send right: the right goes with
 * the space (no-senders notification).
 */
#include <mach/message.h>
#include <mach/port.h>
#include <mach/notify.h>
#include <mach/mach_traps.h>
#include <mach/mach_port.h>
#include <mach/mach_interface.h>
#include <string.h>
#include "mt.h"

#define SELF mach_task_self()

int main(void)
{
	task_t child;
	mach_port_t p, np, prev, got;
	mach_port_type_t ty;
	mach_port_name_array_t names = 0;
	mach_port_type_array_t types = 0;
	mach_msg_type_number_t nn = 0, nt = 0;
	mach_msg_type_name_t poly;
	kern_return_t kr;
	struct {
		mach_msg_header_t h;
		uint64_t t1, d1;
	} m;
	int found = 0;

	MT_BEGIN("ipc/task", 13);
	kr = task_create(SELF, 0, &child);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "task_create");
	mach_port_allocate(SELF, MACH_PORT_RIGHT_RECEIVE, &p);
	mach_port_allocate(SELF, MACH_PORT_RIGHT_RECEIVE, &np);
	kr = mach_port_request_notification(SELF, p, MACH_NOTIFY_NO_SENDERS, 1,
					    np, MACH_MSG_TYPE_MAKE_SEND_ONCE,
					    &prev);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "no-senders request");
	MT_EXPECT_KR(mach_port_insert_right(child, 0x777, p, MACH_MSG_TYPE_MAKE_SEND),
		     KERN_SUCCESS, "insert a send right into the child");
	MT_EXPECT_KR(mach_port_type(child, 0x777, &ty), KERN_SUCCESS,
		     "type in the child");
	MT_EXPECT_EQ_MSG(ty, MACH_PORT_TYPE_SEND, "it is a send right there");
	MT_EXPECT_KR(mach_port_type(SELF, 0x777, &ty), KERN_INVALID_NAME,
		     "the child's name means nothing here");
	MT_EXPECT_KR(mach_port_insert_right(child, 0x777, p, MACH_MSG_TYPE_MAKE_SEND),
		     KERN_SUCCESS, "inserting again adds a reference");
	kr = mach_port_names(child, &names, &nn, &types, &nt);
	for (unsigned i = 0; kr == KERN_SUCCESS && i < nn; i++)
		found |= names[i] == 0x777 && (types[i] & MACH_PORT_TYPE_SEND);
	MT_CHECK(kr == KERN_SUCCESS && nn == nt && found,
		 "mach_port_names of the child (kr %x, %u names)", kr, nn);
	kr = mach_port_extract_right(child, 0x777, MACH_MSG_TYPE_COPY_SEND, &got, &poly);
	MT_CHECK(kr == KERN_SUCCESS && got == p && poly == MACH_MSG_TYPE_PORT_SEND,
		 "copy the right back out (kr %x name %x)", kr, got);
	MT_EXPECT_KR(mach_port_deallocate(SELF, got), KERN_SUCCESS,
		     "drop our send right");
	MT_EXPECT_KR(mach_msg(&m.h, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof m, np, 0, 0),
		     MACH_RCV_TIMED_OUT, "the child still holds a send right");
	MT_EXPECT_KR(task_terminate(child), KERN_SUCCESS, "task_terminate the child");
	memset(&m, 0, sizeof m);
	kr = mach_msg(&m.h, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0, sizeof m, np, 0, 0);
	MT_CHECK(kr == MACH_MSG_SUCCESS && m.h.msgh_id == MACH_NOTIFY_NO_SENDERS,
		 "no-senders once the child is gone (kr %x id %d)", kr, m.h.msgh_id);
	return MT_END();
}
