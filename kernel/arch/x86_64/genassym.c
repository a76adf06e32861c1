/* SPDX-License-Identifier: MIT */
/*
 * genassym.c: the structure offsets and constants the assembly code needs
 * (fastpath.S), taken from the C definitions so that they cannot drift.
 * Compiled to assembly only; kernel/Makefile.am turns each `->NAME value'
 * marker into `#define NAME value' in assym.h.
 */
#include <stddef.h>
#include <kern/thread.h>
#include <kern/task.h>
#include <kern/sched.h>
#include <ipc/ipc_port.h>
#include <ipc/ipc_space.h>
#include <ipc/ipc_entry.h>
#include <machine/pcb.h>
#include <machine/pmap.h>
#include <machine/gdt.h>
#include <machine/cpu_data.h>
#include <machine/vm_param.h>
#include <mach/message.h>
#include <mach/port.h>

#define DEFINE(name, value) \
	__asm__ volatile("\n->" #name " %0" : : "n"((long)(value)))
#define OFFSET(name, type, member) DEFINE(name, offsetof(type, member))

void genassym(void);

/* fastpath.S compares fpu_owner (a pcb) with a thread. */
_Static_assert(offsetof(struct thread, pcb) == 0, "the pcb comes first");

void genassym(void)
{
	OFFSET(TH_PCB_KFRAME, struct thread, pcb.kframe);
	OFFSET(TH_PCB_CR3, struct thread, pcb.cr3);
	OFFSET(TH_PCB_CONT, struct thread, pcb.cont);
	OFFSET(TH_TASK, struct thread, task);
	OFFSET(TH_STATE, struct thread, state);
	OFFSET(TH_QUANTUM, struct thread, quantum);
	OFFSET(TH_WAITQ, struct thread, ith_waitq);
	OFFSET(TH_WAIT_NEXT, struct thread, ith_wait_next);
	OFFSET(TH_WAIT_MR, struct thread, ith_wait_mr);
	OFFSET(TH_RCV_MAX, struct thread, ith_rcv_max);
	OFFSET(TH_FP_MSG, struct thread, ith_fp_msg);
	DEFINE(TH_FP_MSG_MAX, THREAD_FP_MSG_MAX);
	DEFINE(TH_RUN_STATE, TH_RUN);
	DEFINE(TH_WAIT_STATE, TH_WAIT);
	DEFINE(SCHED_QUANTUM_TICKS, SCHED_QUANTUM);

	OFFSET(TASK_SPACE, struct task, itk_space);

	OFFSET(IS_TABLE, struct ipc_space, is_table);
	OFFSET(IS_TABLE_SIZE, struct ipc_space, is_table_size);
	OFFSET(IS_FREE, struct ipc_space, is_free);
	OFFSET(IS_COUNT, struct ipc_space, is_count);
	OFFSET(IE_OBJECT, struct ipc_entry, ie_object);
	OFFSET(IE_BITS, struct ipc_entry, ie_bits);
	OFFSET(IE_NEXT, struct ipc_entry, ie_next);
	DEFINE(IE_SIZE_SHIFT, __builtin_ctz(sizeof(struct ipc_entry)));
	DEFINE(IE_BITS_TYPE_DNREQ, IE_BITS_TYPE_MASK | IE_BITS_DNREQUEST);

	OFFSET(IP_REFERENCES, struct ipc_port, ip_references);
	OFFSET(IP_ACTIVE, struct ipc_port, ip_active);
	OFFSET(IP_RECEIVER, struct ipc_port, ip_receiver);
	OFFSET(IP_RECEIVER_NAME, struct ipc_port, ip_receiver_name);
	OFFSET(IP_PSET, struct ipc_port, ip_pset);
	OFFSET(IP_SORIGHTS, struct ipc_port, ip_sorights);
	OFFSET(IP_SEQNO, struct ipc_port, ip_seqno);
	OFFSET(IP_MSG_HEAD, struct ipc_port, ip_messages.ikmq_head);
	OFFSET(IP_RCV_WAITERS, struct ipc_port, ip_rcv_waiters);

	DEFINE(SPACE_KERNEL, (long)IPC_SPACE_KERNEL);
	OFFSET(MSGH_BITS, mach_msg_header_t, msgh_bits);
	OFFSET(MSGH_SIZE, mach_msg_header_t, msgh_size);
	OFFSET(MSGH_REMOTE, mach_msg_header_t, msgh_remote_port);
	OFFSET(MSGH_LOCAL, mach_msg_header_t, msgh_local_port);
	OFFSET(MSGH_SEQNO, mach_msg_header_t, msgh_seqno);
	DEFINE(MSGH_SIZEOF, sizeof(mach_msg_header_t));
	DEFINE(FP_REQUEST_BITS, MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND,
					       MACH_MSG_TYPE_MAKE_SEND_ONCE));
	DEFINE(FP_REQUEST_RCV_BITS,
	       MACH_MSGH_BITS(MACH_MSG_TYPE_PORT_SEND_ONCE,
			      MACH_MSG_TYPE_PORT_SEND));
	DEFINE(FP_REPLY_BITS, MACH_MSGH_BITS(MACH_MSG_TYPE_MOVE_SEND_ONCE, 0));
	DEFINE(FP_REPLY_RCV_BITS,
	       MACH_MSGH_BITS(0, MACH_MSG_TYPE_PORT_SEND_ONCE));
	DEFINE(FP_SEND_RCV, MACH_SEND_MSG | MACH_RCV_MSG);
	DEFINE(FP_SEND_RCV_TIMEOUT,
	       MACH_SEND_MSG | MACH_RCV_MSG | MACH_SEND_TIMEOUT);
	DEFINE(RCV_IN_PROGRESS, MACH_RCV_IN_PROGRESS);
	DEFINE(RCV_INVALID_DATA, MACH_RCV_INVALID_DATA);
	DEFINE(PORT_TYPE_SEND, MACH_PORT_TYPE_SEND);
	DEFINE(PORT_TYPE_SEND_ONCE, MACH_PORT_TYPE_SEND_ONCE);
	DEFINE(PORT_TYPE_RECEIVE, MACH_PORT_TYPE_RECEIVE);

	DEFINE(FP_USER_MAX, VM_MAX_USER_ADDRESS - THREAD_FP_MSG_MAX);
	DEFINE(USER_ADDRESS_MAX, VM_MAX_USER_ADDRESS);
	OFFSET(CPU_ACTIVE_THREAD, struct cpu_data, active_thread);
	OFFSET(TSS_RSP0, struct tss, rsp[0]);
}
