/* SPDX-License-Identifier: MIT */
/*
 * ipcbench: guest instructions of IPC round trips (issue 4), measured
 * with rdtsc under QEMU -icount shift=0 (ipcbench.py boots it).
 *
 * Boot modules:  ipcbench.elf server $(srv=task-create) $(task-resume)
 *                ipcbench.elf client ${srv} [wall]
 * The client inserts a send right for its rendezvous port into the
 * server's space (mach_port_insert_right); the server's first send there
 * carries a send right to its service port.  Then the client measures,
 * each as the minimum over ROUNDS rounds of CALLS calls, minus the loop:
 *   null_trap   mach_task_self()
 *   null_rpc    a header-only request with a MAKE_SEND_ONCE reply port
 *               and a header-only reply, both tasks in user space,
 *               combined send/receive on both sides
 *   inline_1k   the same with 1 KiB of inline data in the request
 *   ool_64k     the same with 64 KiB out of line (the server
 *               vm_deallocates what it receives; while the kernel has no
 *               vm_deallocate, 3 rounds of 100 calls and a note)
 *   kernel_rpc  mach_port_get_refs() through the generated stub
 *   mig_null    null_routine() of nullrpc.defs through mig's stubs, the
 *               server in libmach's mach_msg_server (after ID_QUIT the
 *               server task serves nullrpc on the same port until
 *               quit_routine destroys it)
 *   mig_int     int_routine(): an int in, an int out, the same way
 * and prints one `BENCH name=value' line per figure (instructions x100,
 * "unsupported" when the kernel refused the first call, with its code).
 * With `wall', it prints WALL-BEGIN / WALL-END around WALL_CALLS null
 * RPCs for the TCG wall time per round trip (measured by the host).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <mach.h>
#include <mach/thread_switch.h>

#include "nullrpc.h"
#include "nullrpc_server.h"

#define ROUNDS 7
#define CALLS 2000
#define WALL_CALLS 20000
#define RENDEZVOUS ((mach_port_t)0x7005)

#define ID_NULL 1
#define ID_INLINE 2
#define ID_OOL 3
#define ID_QUIT 4

#define OOL_BYTES (64 * 1024)

typedef struct {
	mach_msg_header_t head;
	uint64_t type;
	unsigned char data[1024];
} inline_msg_t;

typedef struct {
	mach_msg_header_t head;
	uint64_t type;
	uint64_t addr;
} ool_msg_t;

typedef union {
	mach_msg_header_t head;
	inline_msg_t in;
	ool_msg_t ool;
	uint64_t words[1200 / 8];
} buf_t;

static inline uint64_t
rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

static uint64_t
desc(unsigned name, unsigned bits, int inl, uint32_t number)
{
	return (uint64_t)number << 32 | name | bits << 8 |
	       (uint32_t)(inl ? 1 : 0) << 29;
}

static unsigned char ool_data[OOL_BYTES] __attribute__((aligned(4096)));

/* ---- server ------------------------------------------------------------- */

static mach_port_t server_port;

kern_return_t
S_null_routine(mach_port_t server)
{
	(void)server;
	return KERN_SUCCESS;
}

kern_return_t
S_int_routine(mach_port_t server, int x, int *y)
{
	(void)server;
	*y = x + 1;
	return KERN_SUCCESS;
}

/* The end: mach_msg_server returns once its port is gone. */
kern_return_t
S_quit_routine(mach_port_t server)
{
	(void)server;
	(void)mach_port_destroy(mach_task_self(), server_port);
	return KERN_SUCCESS;
}

static int
server(void)
{
	mach_port_t svc = mach_reply_port(), task = mach_task_self();
	buf_t m;
	mach_msg_return_t mr = MACH_SEND_INVALID_DEST;

	for (int i = 0; i < 500 && mr == MACH_SEND_INVALID_DEST; i++) {
		struct {
			mach_msg_header_t head;
			uint64_t type;
			uint64_t port;
		} a = { 0 };

		a.head.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, 0) |
				   MACH_MSGH_BITS_COMPLEX;
		a.head.msgh_size = sizeof a;
		a.head.msgh_remote_port = RENDEZVOUS;
		a.type = desc(MACH_MSG_TYPE_MAKE_SEND, 64, 1, 1);
		a.port = svc;
		mr = mach_msg(&a.head, MACH_SEND_MSG, sizeof a, 0,
			      MACH_PORT_NULL, 0, MACH_PORT_NULL);
		if (mr == MACH_SEND_INVALID_DEST)
			(void)thread_switch(MACH_PORT_NULL, SWITCH_OPTION_WAIT,
					    10);
	}
	if (mr != MACH_MSG_SUCCESS)
		return 0;	/* the client reports it */

	mr = mach_msg(&m.head, MACH_RCV_MSG, 0, sizeof m, svc, 0,
		      MACH_PORT_NULL);
	while (mr == MACH_MSG_SUCCESS && m.head.msgh_id != ID_QUIT) {
		mach_port_t reply = (mach_port_t)m.head.msgh_remote_port;

		int id = m.head.msgh_id + 100;

		/* Without vm_deallocate every call would keep 64 KiB:
		 * answer id + 200 and the client stops. */
		if (m.head.msgh_id == ID_OOL &&
		    vm_deallocate(task, (vm_address_t)m.ool.addr,
				  OOL_BYTES) != KERN_SUCCESS)
			id += 100;
		m.head.msgh_bits =
			MACH_MSGH_BITS(MACH_MSG_TYPE_MOVE_SEND_ONCE, 0);
		m.head.msgh_size = sizeof m.head;
		m.head.msgh_remote_port = reply;
		m.head.msgh_local_port = MACH_PORT_NULL;
		m.head.msgh_id = id;
		mr = mach_msg(&m.head, MACH_SEND_MSG | MACH_RCV_MSG,
			      sizeof m.head, sizeof m, svc, 0, MACH_PORT_NULL);
	}
	/* Then nullrpc.defs, by the generated demultiplexer. */
	server_port = svc;
	if (mr == MACH_MSG_SUCCESS)
		(void)mach_msg_server(nullrpc_server, sizeof m, svc);
	return 0;
}

/* ---- client ------------------------------------------------------------- */

static mach_port_t svc, reply_port;
static buf_t req;
static mach_msg_size_t req_size;
static mach_msg_return_t last_error;
static int ool_kept;
static int calls = CALLS, rounds = ROUNDS;

static void
setup(int id)
{
	memset(&req, 0, sizeof req);
	req.head.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND,
					    MACH_MSG_TYPE_MAKE_SEND_ONCE);
	req.head.msgh_id = id;
	switch (id) {
	case ID_INLINE:
		req.in.type = desc(MACH_MSG_TYPE_BYTE, 8, 1, 1024);
		req_size = sizeof req.in;
		break;
	case ID_OOL:
		req.head.msgh_bits |= MACH_MSGH_BITS_COMPLEX;
		req.ool.type = desc(MACH_MSG_TYPE_BYTE, 8, 0, OOL_BYTES);
		req.ool.addr = (uint64_t)(uintptr_t)ool_data;
		req_size = sizeof req.ool;
		break;
	default:
		req_size = sizeof req.head;
		break;
	}
}

/* One user-to-user round trip of the request set up by setup(). */
static int
rpc_user(void)
{
	static buf_t m;
	mach_msg_return_t mr;

	/* Copy only the bytes of the request (the header is rewritten). */
	memcpy(&m, &req, req_size);
	m.head.msgh_size = req_size;
	m.head.msgh_remote_port = svc;
	m.head.msgh_local_port = reply_port;
	mr = mach_msg(&m.head, MACH_SEND_MSG | MACH_RCV_MSG, req_size,
		      sizeof m, reply_port, 0, MACH_PORT_NULL);
	if (mr != MACH_MSG_SUCCESS) {
		last_error = mr;
		return 0;
	}
	if (m.head.msgh_id == req.head.msgh_id + 200) {
		ool_kept = 1;	/* the server could not vm_deallocate */
		return 1;
	}
	if (m.head.msgh_id != req.head.msgh_id + 100) {
		last_error = m.head.msgh_id;
		return 0;
	}
	return 1;
}

/* The same loop's overhead with the copy but without mach_msg. */
static int
rpc_user_base(void)
{
	static buf_t m;

	memcpy(&m, &req, req_size);
	m.head.msgh_size = req_size;
	m.head.msgh_remote_port = svc;
	m.head.msgh_local_port = reply_port;
	__asm__ volatile("" : : "r"(&m) : "memory");
	return 1;
}

static int
rpc_kernel(void)
{
	static mach_port_t task;
	mach_port_urefs_t refs;
	kern_return_t kr;

	if (task == MACH_PORT_NULL)
		task = mach_task_self();
	kr = mach_port_get_refs(task, reply_port, MACH_PORT_RIGHT_RECEIVE,
				&refs);
	if (kr != KERN_SUCCESS)
		last_error = kr;
	return kr == KERN_SUCCESS;
}

static int
rpc_mig_null(void)
{
	kern_return_t kr = null_routine(svc);

	if (kr != KERN_SUCCESS)
		last_error = kr;
	return kr == KERN_SUCCESS;
}

static int
rpc_mig_int(void)
{
	static int x;
	int y = 0;
	kern_return_t kr = int_routine(svc, x, &y);

	if (kr != KERN_SUCCESS || y != x + 1) {
		last_error = kr;
		return 0;
	}
	x++;
	return 1;
}

static int
trap_self(void)
{
	return mach_task_self() != MACH_PORT_NULL;
}

static int
nothing(void)
{
	__asm__ volatile("");
	return 1;
}

/* Instructions of CALLS calls to fn, the minimum over ROUNDS; 0 if a
 * call failed. */
__attribute__((noinline)) static uint64_t
measure(int (*volatile fn)(void))
{
	uint64_t best = UINT64_MAX;

	if (!fn())
		return 0;
	for (int r = 0; r < rounds; r++) {
		int (*f)(void) = fn;
		int ok = 1;
		uint64_t t0 = rdtsc();

		for (int i = 0; i < calls; i++)
			ok &= f();
		uint64_t t = rdtsc() - t0;
		if (!ok)
			return 0;
		if (t < best)
			best = t;
	}
	return best;
}

static void
report(const char *name, uint64_t t, uint64_t base)
{
	if (t == 0)
		printf("BENCH %s=unsupported code=0x%x\n", name,
		       (unsigned)last_error);
	else
		printf("BENCH %s=%llu calls=%d rounds=%d%s\n", name,
		       (unsigned long long)((t - base) * 100 / (uint64_t)calls),
		       calls, rounds,
		       ool_kept && strcmp(name, "ool_64k_x100") == 0 ?
		       " note=receiver_kept_the_region" : "");
}

static int
client(mach_port_t srv, int wall)
{
	mach_port_t rdv = mach_reply_port();
	uint64_t base_fn = measure(nothing);
	buf_t m;
	kern_return_t kr;

	reply_port = mach_reply_port();
	report("null_trap_x100", measure(trap_self), base_fn);
	report("kernel_rpc_x100", measure(rpc_kernel), base_fn);

	kr = mach_port_insert_right(srv, RENDEZVOUS, rdv,
				    MACH_MSG_TYPE_MAKE_SEND);
	if (kr == KERN_SUCCESS)
		kr = mach_msg(&m.head, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0,
			      sizeof m, rdv, 20000, MACH_PORT_NULL);
	if (kr != KERN_SUCCESS) {
		last_error = kr;
		report("null_rpc_x100", 0, 0);
		report("inline_1k_x100", 0, 0);
		report("ool_64k_x100", 0, 0);
		return 0;
	}
	svc = (mach_port_t)m.ool.addr;	/* the port slot */

	setup(ID_NULL);
	report("null_rpc_x100", measure(rpc_user), measure(rpc_user_base));
	setup(ID_INLINE);
	report("inline_1k_x100", measure(rpc_user), measure(rpc_user_base));
	setup(ID_OOL);
	(void)rpc_user();
	if (ool_kept) {
		/* Without vm_deallocate every call keeps 64 KiB in the
		 * server: measure fewer calls (3 x 100: 19 MiB). */
		calls = 100;
		rounds = 3;
	}
	report("ool_64k_x100", measure(rpc_user), measure(rpc_user_base));
	calls = CALLS;
	rounds = ROUNDS;

	if (wall) {
		setup(ID_NULL);
		printf("WALL-BEGIN %d\n", WALL_CALLS);
		for (int i = 0; i < WALL_CALLS; i++)
			(void)rpc_user();
		printf("WALL-END %d\n", WALL_CALLS);
	}
	setup(ID_QUIT);
	req.head.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, 0);
	req.head.msgh_remote_port = svc;
	req.head.msgh_size = sizeof req.head;
	(void)mach_msg(&req.head, MACH_SEND_MSG, sizeof req.head, 0,
		       MACH_PORT_NULL, 0, MACH_PORT_NULL);

	/* The server now runs mach_msg_server on the same port. */
	report("mig_null_x100", measure(rpc_mig_null), base_fn);
	report("mig_int_x100", measure(rpc_mig_int), base_fn);
	(void)quit_routine(svc);
	return 0;
}

static unsigned long
number(const char *s)
{
	unsigned long v = 0;

	while (*s >= '0' && *s <= '9')
		v = v * 10 + (unsigned long)(*s++ - '0');
	return v;
}

int
main(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "server") == 0)
		return server();
	if (argc >= 3 && strcmp(argv[1], "client") == 0)
		return client((mach_port_t)number(argv[2]),
			      argc >= 4 && strcmp(argv[3], "wall") == 0);
	printf("usage: ipcbench server | ipcbench client TASKPORT [wall]\n");
	return 1;
}
