/* SPDX-License-Identifier: MIT */
/*
 * fastpath: what the mach_msg fast path (kernel/arch/x86_64/fastpath.S,
 * kernel/ipc/ipc_fastpath.c) must keep of mach_msg's meaning, checked on
 * the shapes it takes: an RPC between two threads of this task, the
 * server receiving with a plain MACH_RCV_MSG (a wait with a continuation)
 * and answering with MACH_SEND_MSG | MACH_RCV_MSG.  The .exp boots it with
 * the fast path on and off: every case holds either way.
 *
 *  - the message each side receives: bits, size, names, sequence numbers,
 *    the body at every size up to the fast limit (504 bytes) and past it;
 *  - the rights: the reply's send-once right is used up, nothing is left;
 *  - the registers: the callee-saved ones and the x87/SSE state of both
 *    threads survive every hand-off; a failed call keeps the argument
 *    registers (libmach's restart relies on it);
 *  - malformed requests of the fast shape: each fails with its code and
 *    changes nothing;
 *  - the waits: a client aborted while it waits for its reply restarts
 *    (libmach) and gets the reply; a fast receiver whose port dies gets
 *    MACH_RCV_PORT_DIED; a fast receiver with a bad buffer gets
 *    MACH_RCV_INVALID_DATA and the sender the send-once notification of
 *    the right it then deallocates.
 */
#include <mach/notify.h>

#include "ipc_test.h"
#include "mt.h"

/* 16 bytes below the end of the user half: a header does not fit. */
#define IT_TOP_ADDR ((void *)(0x00007ffffffff000ULL - 16))

/* ---- one mach_msg_trap with every register controlled ----------------- */

/*
 * fp_trap(c): mach_msg_trap with rdi..r9 from c->in, xmm0 and xmm8 = c->xmm
 * and the callee-saved registers set to patterns; afterwards c->rax, the
 * argument registers (c->out), xmm0/xmm8 and c->callee (0: every
 * callee-saved register came back intact).
 */
struct trap_call {
	uint64_t in[6];		/* rdi rsi rdx r10 r8 r9 */
	uint64_t xmm;
	uint64_t rax;
	uint64_t out[6];
	uint64_t xmm0, xmm8;
	uint64_t callee;
};

void fp_trap(struct trap_call *c);

#define PATTERNS(X) \
	X(rbx, 0x1b1b1b1b1b1b1b1bULL) X(rbp, 0x2b2b2b2b2b2b2b2bULL) \
	X(r12, 0x3c3c3c3c3c3c3c3cULL) X(r13, 0x4d4d4d4d4d4d4d4dULL) \
	X(r14, 0x5e5e5e5e5e5e5e5eULL) X(r15, 0x6f6f6f6f6f6f6f6fULL)
#define STR(x) #x
#define XSTR(x) STR(x)
#define SET(reg, v) "\tmovabsq $" XSTR(v) ", %" #reg "\n"
#define CHECK(reg, v) "\tmovabsq $" XSTR(v) ", %rdx\n" \
		      "\txorq %rdx, %" #reg "\n\torq %" #reg ", %rax\n"

__asm__(
	"\t.text\n"
	"\t.globl fp_trap\n"
	"fp_trap:\n"
	"\tpushq %rbx\n\tpushq %rbp\n\tpushq %r12\n"
	"\tpushq %r13\n\tpushq %r14\n\tpushq %r15\n"
	"\tpushq %rdi\n"
	"\tmovq 48(%rdi), %xmm0\n"
	"\tmovq 48(%rdi), %xmm8\n"
	PATTERNS(SET)
	"\tmovq 8(%rdi), %rsi\n"
	"\tmovq 16(%rdi), %rdx\n"
	"\tmovq 24(%rdi), %r10\n"
	"\tmovq 32(%rdi), %r8\n"
	"\tmovq 40(%rdi), %r9\n"
	"\tmovq 0(%rdi), %rdi\n"
	"\tmovq $-25, %rax\n"
	"\tsyscall\n"
	"\tmovq (%rsp), %rcx\n"
	"\tmovq %rax, 56(%rcx)\n"
	"\tmovq %rdi, 64(%rcx)\n"
	"\tmovq %rsi, 72(%rcx)\n"
	"\tmovq %rdx, 80(%rcx)\n"
	"\tmovq %r10, 88(%rcx)\n"
	"\tmovq %r8, 96(%rcx)\n"
	"\tmovq %r9, 104(%rcx)\n"
	"\tmovq %xmm0, 112(%rcx)\n"
	"\tmovq %xmm8, 120(%rcx)\n"
	"\txorl %eax, %eax\n"
	PATTERNS(CHECK)
	"\tmovq %rax, 128(%rcx)\n"
	"\tpopq %rdi\n"
	"\tpopq %r15\n\tpopq %r14\n\tpopq %r13\n"
	"\tpopq %r12\n\tpopq %rbp\n\tpopq %rbx\n"
	"\tret\n");

_Static_assert(__builtin_offsetof(struct trap_call, xmm) == 48 &&
	       __builtin_offsetof(struct trap_call, rax) == 56 &&
	       __builtin_offsetof(struct trap_call, out) == 64 &&
	       __builtin_offsetof(struct trap_call, xmm0) == 112 &&
	       __builtin_offsetof(struct trap_call, callee) == 128,
	       "fp_trap's offsets");

static mach_msg_return_t
trap(struct trap_call *c, void *msg, mach_msg_option_t option,
     mach_msg_size_t send_size, mach_msg_size_t rcv_size,
     mach_port_t rcv_name, uint64_t xmm)
{
	memset(c, 0, sizeof *c);
	c->in[0] = (uint64_t)(uintptr_t)msg;
	c->in[1] = option;
	c->in[2] = send_size;
	c->in[3] = rcv_size;
	c->in[4] = rcv_name;
	c->in[5] = 0;
	c->xmm = xmm;
	fp_trap(c);
	return (mach_msg_return_t)c->rax;
}

/* ---- the server thread --------------------------------------------------- */

#define FAST_MAX 504		/* the largest message the fast path takes */
#define SRV_XMM 0x5e5e0000feedf00dULL
#define CLI_XMM 0xc1c10000cafe0123ULL

#define ID_QUIT 999
#define ID_HOLD 500		/* no reply: the server keeps the right */
#define ID_RELEASE 501		/* reply to the held right too */

typedef struct {
	mach_msg_header_t head;
	uint64_t w[(512 - sizeof(mach_msg_header_t)) / 8];
} big_t;

static unsigned char srv_stack[64 * 1024] __attribute__((aligned(16)));
static unsigned char aux_stack[64 * 1024] __attribute__((aligned(16)));

static mach_port_t svc, to_main;
static volatile int srv_bad;		/* register or FPU state lost */
static volatile mach_msg_return_t srv_error;
static volatile mach_msg_header_t seen;	/* the last request, received */
static volatile mach_port_type_t seen_reply_type;
static mach_port_t held;

static void
server(void *arg)
{
	static big_t m;
	struct trap_call c;
	mach_msg_option_t option = MACH_RCV_MSG;
	mach_msg_size_t send_size = 0;

	(void)arg;
	for (;;) {
		mach_msg_return_t mr = trap(&c, &m, option, send_size,
					    sizeof m, svc, SRV_XMM);
		mach_port_t reply;
		uint32_t n;

		if (c.callee != 0 || c.xmm0 != SRV_XMM || c.xmm8 != SRV_XMM)
			srv_bad++;
		if (mr != MACH_MSG_SUCCESS) {
			srv_error = mr;
			option = MACH_RCV_MSG;
			send_size = 0;
			continue;
		}
		seen.msgh_bits = m.head.msgh_bits;
		seen.msgh_size = m.head.msgh_size;
		seen.msgh_remote_port = m.head.msgh_remote_port;
		seen.msgh_local_port = m.head.msgh_local_port;
		seen.msgh_seqno = m.head.msgh_seqno;
		seen.msgh_id = m.head.msgh_id;
		reply = (mach_port_t)m.head.msgh_remote_port;
		seen_reply_type = 0;
		(void)mach_port_type(mach_task_self(), reply,
				     (mach_port_type_t *)&seen_reply_type);
		if (m.head.msgh_id == ID_HOLD) {
			held = reply;
			option = MACH_RCV_MSG;
			send_size = 0;
			continue;
		}
		if (m.head.msgh_id == ID_RELEASE && held != MACH_PORT_NULL) {
			(void)it_send_empty(held,
					    MACH_MSG_TYPE_MOVE_SEND_ONCE,
					    ID_HOLD + 100, 0, 0);
			held = MACH_PORT_NULL;
		}
		/* The reply: the same size, each body word inverted. */
		n = (m.head.msgh_size - (uint32_t)sizeof m.head) / 8;
		for (uint32_t i = 0; i < n; i++)
			m.w[i] = ~m.w[i];
		m.head.msgh_bits =
			MACH_MSGH_BITS(MACH_MSG_TYPE_MOVE_SEND_ONCE, 0);
		m.head.msgh_remote_port = reply;
		m.head.msgh_local_port = MACH_PORT_NULL;
		m.head.msgh_id += 100;
		if (m.head.msgh_id == ID_QUIT + 100) {
			(void)mach_msg(&m.head, MACH_SEND_MSG,
				       m.head.msgh_size, 0, MACH_PORT_NULL, 0,
				       MACH_PORT_NULL);
			(void)thread_terminate(mach_thread_self());
		}
		/* Odd ids: with MACH_SEND_TIMEOUT, as mach_msg_server's
		 * replies (the fast path takes them too). */
		option = MACH_SEND_MSG | MACH_RCV_MSG |
			 ((m.head.msgh_id & 1) ? MACH_SEND_TIMEOUT : 0);
		send_size = m.head.msgh_size;
	}
}

/* ---- the client side ------------------------------------------------------ */

static big_t req, rep;

/* An RPC of `size' bytes to svc through fp_trap; the reply in rep. */
static mach_msg_return_t
rpc(struct trap_call *c, mach_port_t reply, mach_msg_size_t size, int id)
{
	uint32_t n = (size - (uint32_t)sizeof req.head) / 8;

	it_header(&req.head, MACH_MSG_TYPE_COPY_SEND,
		  MACH_MSG_TYPE_MAKE_SEND_ONCE, size, svc, reply, id);
	for (uint32_t i = 0; i < n; i++)
		req.w[i] = 0x0101010101010101ULL * (i + 1) ^ (uint64_t)id;
	memset(&rep, 0, sizeof rep);
	memcpy(&rep, &req, size);
	return trap(c, &rep, MACH_SEND_MSG | MACH_RCV_MSG, size, sizeof rep,
		    reply, CLI_XMM);
}

/* rep holds the inverted body of req, `size' bytes in all. */
static int
body_ok(mach_msg_size_t size)
{
	uint32_t n = (size - (uint32_t)sizeof req.head) / 8;

	for (uint32_t i = 0; i < n; i++)
		if (rep.w[i] != ~req.w[i])
			return 0;
	return 1;
}

/* Let the other threads run until they wait. */
static void
let_them_run(void)
{
	(void)thread_switch(MACH_PORT_NULL, SWITCH_OPTION_WAIT, 30);
}

/* The next report (it_send_int) on to_main: its id and value, or -1. */
static int
await_report(int *value)
{
	it_buf_t buf;

	if (it_receive_wait(to_main, &buf, 10000) != MACH_MSG_SUCCESS)
		return -1;
	*value = (int)buf.i.value;
	return buf.head.msgh_id;
}

/* Aux thread bodies: one wait each, reported to the main thread. */
static mach_port_t aux_port, aux_reply;
static int aux_what;

static void
aux(void *arg)
{
	static big_t m;
	mach_msg_return_t mr = MACH_MSG_SUCCESS;

	(void)arg;
	switch (aux_what) {
	case 1:		/* an RPC the server holds; aborted meanwhile */
		it_header(&m.head, MACH_MSG_TYPE_COPY_SEND,
			  MACH_MSG_TYPE_MAKE_SEND_ONCE, sizeof m.head, svc,
			  aux_reply, ID_HOLD);
		mr = mach_msg(&m.head, MACH_SEND_MSG | MACH_RCV_MSG,
			      sizeof m.head, sizeof m, aux_reply, 0,
			      MACH_PORT_NULL);
		(void)it_send_int(to_main, MACH_MSG_TYPE_MAKE_SEND, 1,
				  mr == MACH_MSG_SUCCESS ?
				  (uint32_t)m.head.msgh_id : (uint32_t)mr);
		break;
	case 2:		/* a fast receive on a port that dies */
		mr = mach_msg(&m.head, MACH_RCV_MSG, 0, sizeof m, aux_port, 0,
			      MACH_PORT_NULL);
		(void)it_send_int(to_main, MACH_MSG_TYPE_MAKE_SEND, 2,
				  (uint32_t)mr);
		break;
	case 3:		/* a fast receive into a buffer it cannot have */
	case 4:
	case 5: {
		mach_port_array_t names;
		mach_port_type_array_t types;
		mach_msg_type_number_t nn, nt;
		int freed = 0;

		mr = mach_msg((mach_msg_header_t *)(aux_what == 3 ?
				      IT_KERNEL_ADDR : aux_what == 4 ?
				      IT_LOW_ADDR : IT_TOP_ADDR),
			      MACH_RCV_MSG, 0, sizeof m, aux_port, 0,
			      MACH_PORT_NULL);
		/* The send-once right it got is in the space, unnamed to
		 * us: find it and let it go (the sender is told). */
		if (mach_port_names(mach_task_self(), &names, &nn, &types,
				    &nt) == KERN_SUCCESS) {
			for (mach_msg_type_number_t i = 0; i < nn; i++)
				if (types[i] == MACH_PORT_TYPE_SEND_ONCE &&
				    mach_port_deallocate(mach_task_self(),
							 names[i]) ==
				    KERN_SUCCESS)
					freed++;
			(void)vm_deallocate(mach_task_self(),
					    (vm_address_t)names,
					    nn * sizeof *names);
			(void)vm_deallocate(mach_task_self(),
					    (vm_address_t)types,
					    nt * sizeof *types);
		}
		(void)it_send_int(to_main, MACH_MSG_TYPE_MAKE_SEND, aux_what,
				  (uint32_t)mr);
		(void)it_send_int(to_main, MACH_MSG_TYPE_MAKE_SEND,
				  aux_what + 10, (uint32_t)freed);
		break;
	}
	}
	(void)thread_terminate(mach_thread_self());
}

static kern_return_t
aux_start(int what, mach_port_t *th)
{
	aux_what = what;
	return it_thread_start(aux, NULL, aux_stack, sizeof aux_stack, th);
}

/*
 * A request to a kernel port (the task port) whose reply port is a dead
 * name (COPY_SEND): the send succeeds, the kernel's reply goes nowhere,
 * the dead name keeps its reference.  Returns 0 when all that holds.
 */
static int
dead_reply_to_kernel(mach_port_t task)
{
	mach_port_t dead = mach_reply_port();
	mach_port_urefs_t refs = 0;
	mach_msg_return_t mr;
	it_empty_t m;

	(void)mach_port_insert_right(task, dead, dead, MACH_MSG_TYPE_MAKE_SEND);
	(void)mach_port_mod_refs(task, dead, MACH_PORT_RIGHT_RECEIVE, -1);
	it_header(&m.head, MACH_MSG_TYPE_COPY_SEND, MACH_MSG_TYPE_COPY_SEND,
		  sizeof m, task, dead, 3204);	/* mach_port_get_refs */
	mr = mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL, 0,
		      MACH_PORT_NULL);
	if (mach_port_get_refs(task, dead, MACH_PORT_RIGHT_DEAD_NAME,
			       &refs) != KERN_SUCCESS)
		refs = 0;
	(void)mach_port_deallocate(task, dead);
	return mr != MACH_MSG_SUCCESS || refs != 1;
}

/*
 * Requests of the fast shape (SEND | RCV, no timeout) with one thing
 * wrong each: the call fails at once with its code and changes nothing
 * (the fast path declines before any change; the general path finds the
 * error).  Returns the number of cases that went wrong (each reported).
 */
static int
bad_requests(mach_port_t task, mach_port_t reply)
{
	mach_port_t dead = mach_reply_port(), rcv_only = mach_reply_port();
	mach_port_t pset = MACH_PORT_NULL, sonce = MACH_PORT_NULL;
	mach_port_t send_only = MACH_PORT_NULL;
	mach_msg_type_name_t t;
	mach_port_urefs_t svc_refs = 0, refs = 0;
	int bad = 0;
	struct {
		const char *what;
		mach_port_t dest, local, rcv;
		mach_msg_size_t size;
		void *buf;
		mach_msg_return_t want;
	} cases[12];
	int n = 0;

	/* dead: a send right whose port is gone; sonce: a send-once right
	 * to rcv_only; send_only: the task port (a send right alone). */
	(void)mach_port_insert_right(task, dead, dead, MACH_MSG_TYPE_MAKE_SEND);
	(void)mach_port_mod_refs(task, dead, MACH_PORT_RIGHT_RECEIVE, -1);
	(void)mach_port_allocate(task, MACH_PORT_RIGHT_PORT_SET, &pset);
	(void)mach_port_extract_right(task, rcv_only,
				      MACH_MSG_TYPE_MAKE_SEND_ONCE, &sonce, &t);
	send_only = task;
	(void)mach_port_get_refs(task, svc, MACH_PORT_RIGHT_SEND, &svc_refs);

#define BAD(w, d, l, r, sz, b, code) \
	cases[n++] = (__typeof__(cases[0])){ (w), (d), (l), (r), (sz), (b), \
					     (code) }
	BAD("dest a dead name", dead, reply, reply, 32, &req,
	    MACH_SEND_INVALID_DEST);
	BAD("dest a send-once right (COPY_SEND)", sonce, reply, reply, 32,
	    &req, MACH_SEND_INVALID_DEST);
	BAD("dest a receive right alone", rcv_only, reply, reply, 32, &req,
	    MACH_SEND_INVALID_DEST);
	BAD("dest a port set", pset, reply, reply, 32, &req,
	    MACH_SEND_INVALID_DEST);
	BAD("dest null", MACH_PORT_NULL, reply, reply, 32, &req,
	    MACH_SEND_INVALID_DEST);
	BAD("reply port a dead name", svc, dead, dead, 32, &req,
	    MACH_SEND_INVALID_REPLY);
	BAD("reply port a send right alone (MAKE_SEND_ONCE)", svc,
	    send_only, reply, 32, &req, MACH_SEND_INVALID_REPLY);
	BAD("24 bytes", svc, reply, reply, 24, &req, MACH_SEND_MSG_TOO_SMALL);
	BAD("the message in the kernel half", svc, reply, reply, 32,
	    IT_KERNEL_ADDR, MACH_SEND_INVALID_DATA);
	BAD("the message unmapped", svc, reply, reply, 32, IT_LOW_ADDR,
	    MACH_SEND_INVALID_DATA);
#undef BAD
	for (int i = 0; i < n; i++) {
		struct trap_call c;
		mach_msg_return_t mr;

		if (cases[i].buf == (void *)&req)
			it_header(&req.head, MACH_MSG_TYPE_COPY_SEND,
				  MACH_MSG_TYPE_MAKE_SEND_ONCE, cases[i].size,
				  cases[i].dest, cases[i].local, 3);
		mr = trap(&c, cases[i].buf, MACH_SEND_MSG | MACH_RCV_MSG,
			  cases[i].size, sizeof rep, cases[i].rcv, CLI_XMM);
		if (mr != cases[i].want) {
			MT_FAIL(mt_kr_name(mr), "bad request: %s",
				cases[i].what);
			bad++;
		}
	}
	/* Nothing changed: the rights as they were. */
	if (mach_port_get_refs(task, svc, MACH_PORT_RIGHT_SEND, &refs) !=
	    KERN_SUCCESS || refs != svc_refs ||
	    mach_port_get_refs(task, sonce, MACH_PORT_RIGHT_SEND_ONCE,
			       &refs) != KERN_SUCCESS || refs != 1 ||
	    mach_port_get_refs(task, dead, MACH_PORT_RIGHT_DEAD_NAME,
			       &refs) != KERN_SUCCESS || refs != 1 ||
	    mach_port_get_refs(task, reply, MACH_PORT_RIGHT_RECEIVE,
			       &refs) != KERN_SUCCESS || refs != 1) {
		MT_FAIL("rights changed", "bad requests left the rights as "
			"they were");
		bad++;
	}
	(void)mach_port_deallocate(task, sonce);	/* notifies rcv_only */
	(void)mach_port_deallocate(task, dead);
	(void)mach_port_destroy(task, rcv_only);
	(void)mach_port_destroy(task, pset);
	return bad;
}

int
main(void)
{
	mach_port_t task = mach_task_self(), reply, th, srv_th;
	struct trap_call c;
	mach_msg_return_t mr;
	mach_port_urefs_t refs = 0;
	kern_return_t kr;
	uint32_t seq0;
	int id, value;

	MT_BEGIN("ipc/fastpath", 46);
	svc = mach_reply_port();
	to_main = mach_reply_port();
	reply = mach_reply_port();
	aux_reply = mach_reply_port();
	kr = mach_port_insert_right(task, svc, svc, MACH_MSG_TYPE_MAKE_SEND);
	if (kr == KERN_SUCCESS)
		kr = it_thread_start(server, NULL, srv_stack,
				     sizeof srv_stack, &srv_th);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "server thread started");
	let_them_run();

	/* A header-only RPC. */
	mr = rpc(&c, reply, sizeof req.head, 7);
	MT_EXPECT_KR(mr, MACH_MSG_SUCCESS, "null RPC: success");
	MT_CHECK(rep.head.msgh_id == 107 &&
		 rep.head.msgh_size == sizeof req.head,
		 "null RPC: the reply's id and size (%d, %u)",
		 rep.head.msgh_id, rep.head.msgh_size);
	MT_CHECK(rep.head.msgh_bits ==
		 MACH_MSGH_BITS(0, MACH_MSG_TYPE_PORT_SEND_ONCE) &&
		 rep.head.msgh_remote_port == MACH_PORT_NULL &&
		 rep.head.msgh_local_port == reply,
		 "null RPC: the reply's bits 0x%x and ports",
		 rep.head.msgh_bits);
	MT_CHECK(seen.msgh_bits ==
		 MACH_MSGH_BITS(MACH_MSG_TYPE_PORT_SEND_ONCE,
				MACH_MSG_TYPE_PORT_SEND) &&
		 seen.msgh_local_port == svc &&
		 seen.msgh_size == sizeof req.head && seen.msgh_id == 7,
		 "null RPC: the request as the server got it (bits 0x%x)",
		 seen.msgh_bits);
	MT_CHECK(seen_reply_type == MACH_PORT_TYPE_SEND_ONCE &&
		 seen.msgh_remote_port != MACH_PORT_NULL,
		 "null RPC: the server got a send-once right (type 0x%x)",
		 seen_reply_type);
	MT_CHECK(c.callee == 0, "null RPC: callee-saved registers kept");
	MT_CHECK(c.xmm0 == CLI_XMM && c.xmm8 == CLI_XMM,
		 "null RPC: the client's SSE registers kept");
	MT_CHECK(srv_bad == 0 && srv_error == MACH_MSG_SUCCESS,
		 "null RPC: the server's registers and SSE state kept");
	kr = mach_port_type(task, (mach_port_t)seen.msgh_remote_port,
			    (mach_port_type_t *)&value);
	MT_CHECK(kr == KERN_INVALID_NAME || (kr == KERN_SUCCESS &&
		 (value & MACH_PORT_TYPE_SEND_ONCE) == 0),
		 "the reply used up the server's send-once right");
	kr = mach_port_get_refs(task, reply, MACH_PORT_RIGHT_RECEIVE, &refs);
	MT_CHECK(kr == KERN_SUCCESS && refs == 1,
		 "the reply port's receive right as it was");

	/* Sequence numbers on both ports. */
	seq0 = seen.msgh_seqno;
	(void)rpc(&c, reply, sizeof req.head, 8);
	value = (int)rep.head.msgh_seqno;
	mr = rpc(&c, reply, sizeof req.head, 9);
	MT_CHECK(mr == MACH_MSG_SUCCESS && seen.msgh_seqno == seq0 + 2,
		 "the service port's sequence numbers (%u after %u)",
		 seen.msgh_seqno, seq0);
	MT_CHECK(rep.head.msgh_seqno == (uint32_t)value + 1,
		 "the reply port's sequence numbers (%u after %d)",
		 rep.head.msgh_seqno, value);

	/* Bodies at the sizes around the fast limit. */
	{
		static const mach_msg_size_t sizes[] = {
			40, 256, FAST_MAX - 8, FAST_MAX, FAST_MAX + 8
		};

		for (unsigned i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
			mr = rpc(&c, reply, sizes[i], 20 + (int)i);
			MT_CHECK(mr == MACH_MSG_SUCCESS &&
				 rep.head.msgh_size == sizes[i] &&
				 rep.head.msgh_id == 120 + (int)i &&
				 body_ok(sizes[i]) && c.callee == 0 &&
				 c.xmm0 == CLI_XMM,
				 "%u-byte RPC: reply, body, registers",
				 sizes[i]);
		}
	}

	/* A failed call keeps the argument registers. */
	it_header(&req.head, MACH_MSG_TYPE_COPY_SEND,
		  MACH_MSG_TYPE_MAKE_SEND_ONCE, sizeof req.head,
		  IT_FORGED_NAME, reply, 1);
	mr = trap(&c, &req, MACH_SEND_MSG | MACH_RCV_MSG, sizeof req.head,
		  sizeof rep, reply, CLI_XMM);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_DEST,
		     "RPC to a forged name: MACH_SEND_INVALID_DEST");
	MT_CHECK(memcmp(c.in, c.out, sizeof c.in) == 0 && c.callee == 0,
		 "a failed mach_msg_trap keeps every argument register");
	it_header(&req.head, MACH_MSG_TYPE_COPY_SEND,
		  MACH_MSG_TYPE_MAKE_SEND_ONCE, sizeof req.head, svc,
		  IT_FORGED_NAME, 1);
	mr = trap(&c, &req, MACH_SEND_MSG | MACH_RCV_MSG, sizeof req.head,
		  sizeof rep, reply, CLI_XMM);
	MT_EXPECT_KR(mr, MACH_SEND_INVALID_REPLY,
		     "RPC with a forged reply port: MACH_SEND_INVALID_REPLY");
	MT_CHECK(dead_reply_to_kernel(task) == 0,
		 "a kernel RPC with a dead name as its reply port: sent, "
		 "the reply dropped, the dead name kept");
	MT_CHECK(bad_requests(task, reply) == 0,
		 "every malformed request fails as it must, changing nothing");
	let_them_run();
	MT_CHECK(it_drain(svc) == 0 && srv_error == MACH_MSG_SUCCESS,
		 "nothing reached the server");
	mr = rpc(&c, reply, sizeof req.head, 10);
	MT_CHECK(mr == MACH_MSG_SUCCESS && rep.head.msgh_id == 110,
		 "the next RPC is answered as usual");

	/* A client aborted while it waits for its reply. */
	kr = aux_start(1, &th);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "client thread started");
	let_them_run();
	MT_CHECK(seen.msgh_id == ID_HOLD, "the server holds its request");
	for (int i = 0; i < 3; i++) {
		kr = thread_abort(th);
		let_them_run();
	}
	MT_EXPECT_KR(kr, KERN_SUCCESS, "thread_abort of the waiting client");
	mr = rpc(&c, reply, sizeof req.head, ID_RELEASE);
	MT_CHECK(mr == MACH_MSG_SUCCESS && rep.head.msgh_id == ID_RELEASE + 100,
		 "the server answers the next RPC");
	id = await_report(&value);
	MT_CHECK(id == 1 && value == ID_HOLD + 100,
		 "the aborted client restarted its receive and got its reply "
		 "(report %d, 0x%x)", id, value);

	/* A fast receiver whose port dies. */
	aux_port = mach_reply_port();
	kr = aux_start(2, &th);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "receiver thread started");
	let_them_run();
	kr = mach_port_destroy(task, aux_port);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "its port destroyed");
	id = await_report(&value);
	MT_CHECK(id == 2 && value == MACH_RCV_PORT_DIED,
		 "the receiver got MACH_RCV_PORT_DIED (report %d, 0x%x)", id,
		 value);

	/* Fast receivers with a buffer in the kernel half, unmapped, and
	 * running past the end of the user half. */
	for (int what = 3; what <= 5; what++) {
		aux_port = mach_reply_port();
		kr = mach_port_insert_right(task, aux_port, aux_port,
					    MACH_MSG_TYPE_MAKE_SEND);
		if (kr == KERN_SUCCESS)
			kr = aux_start(what, &th);
		MT_EXPECT_KR(kr, KERN_SUCCESS, "receiver thread %d started",
			     what);
		let_them_run();
		it_header(&req.head, MACH_MSG_TYPE_COPY_SEND,
			  MACH_MSG_TYPE_MAKE_SEND_ONCE, sizeof req.head,
			  aux_port, reply, 5);
		mr = trap(&c, &req, MACH_SEND_MSG | MACH_RCV_MSG,
			  sizeof req.head, sizeof rep, reply, CLI_XMM);
		/* The "reply" is the notification of the unused right. */
		MT_CHECK(mr == MACH_MSG_SUCCESS &&
			 req.head.msgh_id == MACH_NOTIFY_SEND_ONCE,
			 "bad buffer %d: the sender gets a send-once "
			 "notification (0x%x, id %d)", what, mr,
			 req.head.msgh_id);
		id = await_report(&value);
		MT_CHECK(id == what && value == MACH_RCV_INVALID_DATA,
			 "bad buffer %d: the receiver gets "
			 "MACH_RCV_INVALID_DATA (report %d, 0x%x)", what, id,
			 value);
		id = await_report(&value);
		MT_CHECK(id == what + 10 && value == 1,
			 "bad buffer %d: the receiver held the one send-once "
			 "right (report %d, %d)", what, id, value);
		(void)mach_port_destroy(task, aux_port);
	}

	/* The end: the server quits. */
	mr = rpc(&c, reply, sizeof req.head, ID_QUIT);
	MT_CHECK(mr == MACH_MSG_SUCCESS && rep.head.msgh_id == ID_QUIT + 100 &&
		 srv_bad == 0,
		 "the server's last reply; its registers were always kept");
	return MT_END();
}
