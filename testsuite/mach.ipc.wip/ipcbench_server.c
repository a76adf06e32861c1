/* SPDX-License-Identifier: MIT */
/*
 * bench: the server side of the IPC benchmark (not a test; see
 * ipcbench_client.c).  Boot: 'ipcbench_server.elf $(srv=task-create) $(task-resume)'
 * then 'ipcbench_client.elf ${srv}', with QEMU -icount shift=0.
 */
#include <mach/message.h>
#include <mach/port.h>
#include <mach/mach_traps.h>
#include <mach/mach_port.h>
#include <stdio.h>

#define SRV_NAME 0x1f0f

int main(void)
{
	struct { mach_msg_header_t h; char body[64]; } m;
	mach_msg_return_t mr;
	kern_return_t kr = mach_port_allocate_name(mach_task_self(), MACH_PORT_RIGHT_RECEIVE, SRV_NAME);
	if (kr) { printf("bsrv: allocate_name %x\n", kr); return 1; }
	mr = mach_msg(&m.h, MACH_RCV_MSG, 0, sizeof m, SRV_NAME, 0, 0);
	for (;;) {
		if (mr != MACH_MSG_SUCCESS) { printf("bsrv: mr %x\n", mr); return 1; }
		if (m.h.msgh_id == 999) { printf("bsrv: quit\n"); break; }
		/* reply: empty message on the send-once right, then wait for the next */
		m.h.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_MOVE_SEND_ONCE, 0);
		m.h.msgh_size = sizeof(mach_msg_header_t);
		m.h.msgh_local_port = MACH_PORT_NULL;
		m.h.msgh_id += 100;
		mr = mach_msg(&m.h, MACH_SEND_MSG | MACH_RCV_MSG, sizeof(mach_msg_header_t), sizeof m, SRV_NAME, 0, 0);
	}
	return 0;
}
