/* SPDX-License-Identifier: MIT */
/*
 * bench: guest instructions (rdtsc under QEMU -icount shift=0) of a null
 * trap, a kernel RPC (mach_port_get_refs through the generated stub, and
 * the same request by mach_msg_trap alone) and a user<->user null RPC
 * (COPY_SEND + MAKE_SEND_ONCE request, MOVE_SEND_ONCE reply, combined
 * send/receive on both sides) to ipcbench_server in another task.
 * Prints 'BENCH name count' lines.
 */
#include <mach/message.h>
#include <mach/port.h>
#include <mach/mach_traps.h>
#include <mach/mach_port.h>
#include <stdio.h>
#include <stdlib.h>

#define SRV_NAME 0x1f0f
#define N 1000

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static long null_trap(void)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(-1L) : "rcx", "r11", "memory");
	return r;
}

static unsigned long parse(const char *s)
{
	unsigned long v = 0;
	while (*s >= '0' && *s <= '9') v = v * 10 + (unsigned long)(*s++ - '0');
	return v;
}

int main(int argc, char **argv)
{
	mach_port_t srv_task, srv = 0, reply;
	mach_msg_type_name_t t;
	struct { mach_msg_header_t h; char body[64]; } m;
	kern_return_t kr;
	uint64_t t0 = 0, t1;
	mach_port_urefs_t u;

	if (argc < 2) { printf("bcli: no server\n"); return 1; }
	srv_task = (mach_port_t)parse(argv[1]);
	for (int i = 0; i < 1000; i++) {
		kr = mach_port_extract_right(srv_task, SRV_NAME, MACH_MSG_TYPE_MAKE_SEND, &srv, &t);
		if (kr == KERN_SUCCESS) break;
		thread_switch(MACH_PORT_NULL, 0, 0);
	}
	if (kr) { printf("bcli: extract %x\n", kr); return 1; }
	reply = mach_reply_port();

	/* `u' as second argument: the user<->user RPC alone (for profiling) */
	if (argc > 2 && argv[2][0] == 'u')
		goto user_rpc;

	/* null trap */
	for (int i = 0; i < 10; i++) null_trap();
	t0 = rdtsc();
	for (int i = 0; i < N; i++) null_trap();
	t1 = rdtsc();
	printf("BENCH null_trap %lu\n", (unsigned long)((t1 - t0) / N));

	/* kernel RPC */
	for (int i = 0; i < 10; i++) mach_port_get_refs(mach_task_self(), reply, MACH_PORT_RIGHT_RECEIVE, &u);
	mach_port_t self = mach_task_self();
	t0 = rdtsc();
	for (int i = 0; i < N; i++) mach_port_get_refs(self, reply, MACH_PORT_RIGHT_RECEIVE, &u);
	t1 = rdtsc();
	printf("BENCH kernel_rpc_get_refs %lu\n", (unsigned long)((t1 - t0) / N));

	/* raw kernel RPC: the trap only */
	{
		struct { mach_msg_header_t h; uint64_t t1; uint32_t name, pad; uint64_t t2; uint32_t right, pad2; } rq;
		uint64_t tt = 0;
		for (int i = 0; i < N; i++) {
			rq.h.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, MACH_MSG_TYPE_MAKE_SEND_ONCE);
			rq.h.msgh_size = 64; rq.h.msgh_remote_port = self; rq.h.msgh_local_port = reply;
			rq.h.msgh_seqno = 0; rq.h.msgh_id = 3207;
			rq.t1 = 0x000000012000200fULL; rq.name = reply; rq.pad = 0;
			rq.t2 = 0x0000000120002002ULL; rq.right = MACH_PORT_RIGHT_RECEIVE; rq.pad2 = 0;
			uint64_t a = rdtsc();
			kr = mach_msg_trap(&rq.h, MACH_SEND_MSG | MACH_RCV_MSG, 64, 64, reply, 0, 0);
			tt += rdtsc() - a;
			if (kr) { printf("raw %x\n", kr); break; }
		}
		printf("BENCH kernel_rpc_trap_only %lu\n", (unsigned long)(tt / N));
	}

	/* user-user null RPC */
user_rpc:
	for (int i = 0; i < N + 10; i++) {
		if (i == 10) t0 = rdtsc();
		m.h.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, MACH_MSG_TYPE_MAKE_SEND_ONCE);
		m.h.msgh_size = sizeof(mach_msg_header_t);
		m.h.msgh_remote_port = srv;
		m.h.msgh_local_port = reply;
		m.h.msgh_id = 500;
		kr = mach_msg_trap(&m.h, MACH_SEND_MSG | MACH_RCV_MSG, sizeof(mach_msg_header_t), sizeof m, reply, 0, 0);
		if (kr || m.h.msgh_id != 600) { printf("bcli: rpc %x id %d\n", kr, m.h.msgh_id); return 1; }
	}
	t1 = rdtsc();
	printf("BENCH user_rpc %lu\n", (unsigned long)((t1 - t0) / N));

	m.h.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, 0);
	m.h.msgh_local_port = 0;
	m.h.msgh_id = 999;
	m.h.msgh_remote_port = srv;
	kr = mach_msg(&m.h, MACH_SEND_MSG, sizeof(mach_msg_header_t), 0, 0, 0, 0);
	printf("bcli: quit sent %x\n", kr);
	return 0;
}
