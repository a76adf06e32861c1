/* SPDX-License-Identifier: MIT */
/*
 * The mach_msg fast path (ipc_fastpath.c): the common RPC shapes handled
 * without the general machinery; anything unusual is declined before
 * anything changes and the general path (mach_msg.c) does it.  Off with
 * the kernel command-line word `ipc_fastpath=0'.  Conditions: called at
 * the start of mach_msg_trap; may make a thread runnable, never blocks.
 */
#ifndef _IPC_IPC_FASTPATH_H_
#define _IPC_IPC_FASTPATH_H_

#include <stdint.h>
#include <stdbool.h>
#include <mach/message.h>

#define IPC_FASTPATH_DECLINED	((mach_msg_return_t)-1)
#define IPC_FASTPATH_SENT	((mach_msg_return_t)-2)

struct thread;

extern bool ipc_fastpath_enabled;

/*
 * ipc_fastpath: mach_msg_trap with the fast path first: what it declines
 * (nothing changed yet) goes to mach_msg_general, a receive it does not
 * finish to mach_msg_receive.
 */
mach_msg_return_t ipc_fastpath(uint64_t msg, mach_msg_option_t option,
			       mach_msg_size_t send_size,
			       mach_msg_size_t rcv_size,
			       mach_port_name_t rcv_name,
			       mach_msg_timeout_t timeout);

#endif /* _IPC_IPC_FASTPATH_H_ */
