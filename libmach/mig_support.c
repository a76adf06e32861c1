/* SPDX-License-Identifier: MIT */
/*
 * mig_support.c: the run-time support of MIG-generated stubs in a user
 * task (<mach/mig_support.h>).
 *
 * Reply ports.  A small per-task pool of receive rights made by the
 * mach_reply_port trap.  mig_get_reply_port() *takes* a port out of the
 * pool (an atomic exchange, so two threads never share a reply port while
 * their RPCs are in flight) or makes a fresh one when the pool is empty;
 * mig_put_reply_port() gives it back (or destroys it when the pool is
 * full); mig_dealloc_reply_port() destroys it, after a failed RPC, so no
 * late reply can be mistaken for the next call's.  The common path of an
 * RPC therefore costs no trap besides mach_msg.  (A thread-private reply
 * port comes with C Threads; the pool already behaves as one per thread
 * for up to MIG_REPLY_POOL concurrent RPCs.)
 *
 * Limitation: a generated stub that receives a reply with the wrong id
 * (MIG_REPLY_MISMATCH) first puts the port back and then deallocates it,
 * as GNU MIG's stubs do.  If another thread took that port from the pool
 * in between, the port is destroyed under that thread's RPC, which then
 * fails with MACH_RCV_INVALID_NAME (never a wrong reply).
 *
 * Memory.  mig_allocate() asks the kernel (vm_allocate through the
 * generated stub).  Until the kernel serves vm_allocate, it falls back to
 * a bump allocator over a static, page-aligned arena of MIG_ARENA_SIZE
 * bytes whose memory is never reused; mig_deallocate() of arena memory is
 * a no-op, anything else goes to vm_deallocate.  When neither works,
 * *addr is set to 0.
 */
#include <stdint.h>
#include <string.h>

#include <mach/mach_traps.h>
#include <mach/mig_errors.h>
#include <mach/mig_support.h>
#include <mach/mach_interface.h>
#include <mach/mach_port.h>

/* mach_msg.S spells these out: they must be <mach/message.h>'s. */
_Static_assert(MACH_SEND_MSG == 0x00000001 &&
	       MACH_SEND_INTERRUPT == 0x00000040 &&
	       MACH_RCV_INTERRUPT == 0x00000400 &&
	       MACH_SEND_INTERRUPTED == 0x10000007 &&
	       MACH_RCV_INTERRUPTED == 0x10004005, "mach_msg.S's constants");

#define MIG_REPLY_POOL	4
#define MIG_ARENA_SIZE	(256 * 1024)
#define MIG_PAGE_SIZE	4096

static mach_port_t mig_reply_pool[MIG_REPLY_POOL];
static int mig_destroying;	/* > 0 inside mig_reply_port_destroy */

static unsigned char mig_arena[MIG_ARENA_SIZE]
	__attribute__((aligned(MIG_PAGE_SIZE)));
static vm_size_t mig_arena_used;

void
mig_init(void *first_thread_stack)
{
	(void)first_thread_stack;
	for (int i = 0; i < MIG_REPLY_POOL; i++)
		__atomic_store_n(&mig_reply_pool[i], MACH_PORT_NULL,
				 __ATOMIC_RELAXED);
}

/* The task port, fetched once (each trap adds a user reference). */
static mach_port_t
mig_task_self(void)
{
	static mach_port_t self;
	mach_port_t p = __atomic_load_n(&self, __ATOMIC_RELAXED);

	if (p == MACH_PORT_NULL) {
		p = mach_task_self();
		__atomic_store_n(&self, p, __ATOMIC_RELAXED);
	}
	return p;
}

/*
 * Destroy a reply port's receive right.  The RPC that does it needs a
 * reply port of its own, which may fail in turn and come back here: the
 * nested call then leaves its port alone (the name leaks, but only when
 * the kernel refuses mach_port_mod_refs).
 */
static void
mig_reply_port_destroy(mach_port_t port)
{
	if (port == MACH_PORT_NULL)
		return;
	if (__atomic_fetch_add(&mig_destroying, 1, __ATOMIC_ACQ_REL) == 0)
		(void)mach_port_mod_refs(mig_task_self(), port,
					 MACH_PORT_RIGHT_RECEIVE, -1);
	__atomic_fetch_sub(&mig_destroying, 1, __ATOMIC_ACQ_REL);
}

mach_port_t
mig_get_reply_port(void)
{
	for (int i = 0; i < MIG_REPLY_POOL; i++) {
		mach_port_t p;

		if (__atomic_load_n(&mig_reply_pool[i], __ATOMIC_RELAXED) ==
		    MACH_PORT_NULL)
			continue;
		p = __atomic_exchange_n(&mig_reply_pool[i], MACH_PORT_NULL,
					__ATOMIC_ACQUIRE);
		if (p != MACH_PORT_NULL)
			return p;
	}
	return mach_reply_port();
}

void
mig_put_reply_port(mach_port_t reply_port)
{
	if (reply_port == MACH_PORT_NULL)
		return;
	for (int i = 0; i < MIG_REPLY_POOL; i++) {
		mach_port_t expected = MACH_PORT_NULL;

		if (__atomic_compare_exchange_n(&mig_reply_pool[i], &expected,
						reply_port, 0,
						__ATOMIC_RELEASE,
						__ATOMIC_RELAXED))
			return;
	}
	mig_reply_port_destroy(reply_port);
}

void
mig_dealloc_reply_port(mach_port_t reply_port)
{
	if (reply_port == MACH_PORT_NULL)
		return;
	/* Put back just before (MIG_REPLY_MISMATCH): take it out again. */
	for (int i = 0; i < MIG_REPLY_POOL; i++) {
		mach_port_t expected = reply_port;

		if (__atomic_compare_exchange_n(&mig_reply_pool[i], &expected,
						MACH_PORT_NULL, 0,
						__ATOMIC_ACQUIRE,
						__ATOMIC_RELAXED))
			break;
	}
	mig_reply_port_destroy(reply_port);
}

static int
mig_in_arena(vm_address_t addr)
{
	return addr >= (vm_address_t)mig_arena &&
	       addr < (vm_address_t)mig_arena + MIG_ARENA_SIZE;
}

void
mig_allocate(vm_address_t *addr, vm_size_t size)
{
	vm_size_t rounded, used, want;

	*addr = 0;
	if (size == 0)
		return;
	if (vm_allocate(mig_task_self(), addr, size, TRUE) ==
	    KERN_SUCCESS)
		return;
	*addr = 0;
	if (size > MIG_ARENA_SIZE)
		return;
	rounded = (size + MIG_PAGE_SIZE - 1) & ~(vm_size_t)(MIG_PAGE_SIZE - 1);
	used = __atomic_load_n(&mig_arena_used, __ATOMIC_RELAXED);
	do {
		if (rounded > MIG_ARENA_SIZE - used)
			return;
		want = used + rounded;
	} while (!__atomic_compare_exchange_n(&mig_arena_used, &used, want, 1,
					      __ATOMIC_RELAXED,
					      __ATOMIC_RELAXED));
	*addr = (vm_address_t)mig_arena + used;
	memset((void *)*addr, 0, rounded);	/* vm_allocate gives zeroes */
}

void
mig_deallocate(vm_address_t addr, vm_size_t size)
{
	if (addr == 0 || size == 0 || mig_in_arena(addr))
		return;
	(void)vm_deallocate(mig_task_self(), addr, size);
}

int
mig_strncpy(char *dst, const char *src, int len)
{
	int n;

	if (len <= 0)
		return 0;
	n = (int)strnlen(src, (size_t)len - 1);
	memcpy(dst, src, (size_t)n);
	dst[n] = '\0';
	return n + 1;
}

void
mig_reply_setup(const mach_msg_header_t *request, mach_msg_header_t *reply)
{
	mig_reply_header_t *r = (mig_reply_header_t *)reply;

	/* A received request: msgh_remote_port holds the reply right. */
	r->Head.msgh_bits =
		MACH_MSGH_BITS(MACH_MSGH_BITS_REMOTE(request->msgh_bits), 0);
	r->Head.msgh_size = sizeof *r;
	r->Head.msgh_remote_port = request->msgh_remote_port;
	r->Head.msgh_local_port = MACH_PORT_NULL;
	r->Head.msgh_seqno = 0;
	r->Head.msgh_id = request->msgh_id + 100;
	r->RetCodeType = (mach_msg_type_t){
		.msgt_name = MACH_MSG_TYPE_INTEGER_32,
		.msgt_size = 32,
		.msgt_number = 1,
		.msgt_inline = 1,
	};
	r->RetCode = MIG_BAD_ID;
}
