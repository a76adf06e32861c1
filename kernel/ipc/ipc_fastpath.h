/* SPDX-License-Identifier: MIT */
/*
 * The mach_msg fast path (ipc_fastpath.c, arch/x86_64/fastpath.S): the
 * common RPC shapes handled without the general machinery; anything
 * unusual is declined before anything changes and the general path
 * (mach_msg.c) does it.  Off with the kernel command-line word
 * `ipc_fastpath=0'.  Conditions: called from mach_msg_trap (through
 * fastpath.S or mach_msg_trap_entry, which save every user register in
 * the trap frame: a fast receive waits with a continuation and never
 * returns to its caller).
 */
#ifndef _IPC_IPC_FASTPATH_H_
#define _IPC_IPC_FASTPATH_H_

#include <stdint.h>
#include <stdbool.h>
#include <mach/message.h>

extern bool ipc_fastpath_enabled;

/* ipc_fastpath_receive's answer when the receive is not its shape. */
#define IPC_FASTPATH_DECLINED	((mach_msg_return_t)-1)

struct thread;

/* ipc_fastpath_disable: the boot word `ipc_fastpath=0': general path only. */
void ipc_fastpath_disable(void);

struct ipc_port;

/*
 * ipc_fastpath_receive: the receive half of a general mach_msg (called by
 * mach_msg_receive before anything else): with options at most
 * MACH_SEND_MSG | MACH_SEND_TIMEOUT | MACH_RCV_MSG, on a port fit for the
 * fast receive (no set, nothing queued, nobody waiting), the thread waits
 * with the fast path's continuation, running `handoff' (a thread the send
 * just woke, not on the run queue) if not NULL, so that the reply can come
 * by the fast path; no return.  Anything else: IPC_FASTPATH_DECLINED,
 * nothing changed.
 */
mach_msg_return_t ipc_fastpath_receive(uint64_t msg, mach_msg_option_t option,
				       mach_msg_size_t rcv_size,
				       mach_port_name_t rcv_name,
				       struct thread *handoff);

/*
 * ipc_fastpath_kernel: fastpath.S's RPC request (COPY_SEND, MAKE_SEND_ONCE
 * of rcv_name) to `dport', a kernel port, with `rport' the reply port
 * (fit for a fast receive): the message is in the current thread's
 * ith_fp_msg, the arguments in its trap frame.  Returns the mach_msg
 * result (done by the general path when the fast one does not apply).
 */
uint64_t ipc_fastpath_kernel(struct ipc_port *dport, struct ipc_port *rport);

/*
 * ipc_fastpath_continue: the continuation of a thread waiting in the fast
 * receive (pcb.cont; fastpath.S compares against it), run when it is woken
 * by anything but a fast send: completes the receive the general way and
 * returns the mach_msg result.
 */
uint64_t ipc_fastpath_continue(void);

#endif /* _IPC_IPC_FASTPATH_H_ */
