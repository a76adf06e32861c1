/* SPDX-License-Identifier: MIT */
/*
 * mig_rt.c - in-process transport and test bookkeeping for the mig
 * round-trip and negative tests (see mig_rt.h).
 *
 * The transport plays the kernel's part of a mach_msg() RPC: it copies the
 * request in (checking it), delivers it to the server demultiplexer, does
 * what mach_msg_server() does with the reply and the request afterwards,
 * and copies the reply out to the caller's buffer.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mach/mig_support.h>
#include <mach/mach_traps.h>

#include "mig_rt.h"

/* Not declared by libmach's headers (a mach.defs stub there). */
kern_return_t vm_deallocate(mach_port_t target_task, vm_address_t address,
			    vm_size_t size);

/* ------------------------------------------------------------------ */
/* Test bookkeeping                                                    */
/* ------------------------------------------------------------------ */

struct rt_region {
	void *addr;
	size_t size;
	struct rt_region *next;
};

static struct {
	const char *name;
	mig_rt_demux_t demux;
	const char *casename;
	unsigned case_fail;
	unsigned total_fail;
	unsigned npass;
	bool strict;
	mach_port_seqno_t seqno;
	mach_port_t reply_port_seen;
	void *cap_buf;		/* mig_rt_capture() armed */
	size_t cap_size;
	size_t *cap_len;
	mig_rt_reply_hook_t reply_hook;
	int reply_ports_out;	/* mig_get_reply_port() not yet returned */
	struct rt_region *regions;
	unsigned nregions;
} rt = { .strict = true };

unsigned mig_rt_server_calls;

void mig_rt_init(const char *name, mig_rt_demux_t demux)
{
	rt.name = name;
	rt.demux = demux;
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("MT-BEGIN %s\n", name);
}

void mig_rt_begin(const char *casename)
{
	rt.casename = casename;
	rt.case_fail = 0;
	rt.reply_ports_out = 0;
}

void mig_rt_fail(const char *fmt, ...)
{
	va_list ap;

	printf("%s %s: ", rt.case_fail ? "MT-NOTE" : "MT-FAIL",
	       rt.casename ? rt.casename : "(setup)");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (rt.case_fail++ == 0)
		rt.total_fail++;
}

unsigned mig_rt_case_failures(void)
{
	return rt.case_fail;
}

void mig_rt_end(void)
{
	if (rt.reply_ports_out != 0)
		mig_rt_fail("%d reply port(s) taken and never returned",
			    rt.reply_ports_out);
	if (rt.case_fail == 0) {
		printf("MT-PASS %s\n", rt.casename);
		rt.npass++;
	}
	rt.casename = NULL;
	rt.case_fail = 0;
}

void mig_rt_skip(const char *casename, const char *why)
{
	printf("MT-SKIP %s: %s\n", casename, why);
}

void mig_rt_set_strict(bool on)
{
	rt.strict = on;
}

int mig_rt_finish(void)
{
	struct rt_region *r;

	mig_rt_begin("no leaked out-of-line region");
	for (r = rt.regions; r != NULL; r = r->next)
		mig_rt_fail("region %p of %zu bytes never deallocated",
			    r->addr, r->size);
	mig_rt_end();
	printf("MT-END %s %u\n", rt.name, rt.total_fail);
	return rt.total_fail ? 1 : 0;
}

/* ------------------------------------------------------------------ */
/* Patterns                                                            */
/* ------------------------------------------------------------------ */

uint32_t mig_rt_seed(uint32_t routine, uint32_t arg, uint32_t call)
{
	uint32_t x = routine * 0x9E3779B1u ^ arg * 0x85EBCA77u ^ call * 0xC2B2AE3Du;

	x ^= x >> 16;
	return x * 0x7feb352du + 1;
}

uint8_t mig_rt_byte(uint32_t seed, size_t i)
{
	uint32_t x = seed ^ (uint32_t)(i * 0x27d4eb2dull);

	x ^= x >> 15;
	x *= 0x2c1b3c6du;
	x ^= x >> 12;
	return (uint8_t)(x ^ (x >> 8));
}

void mig_rt_fill(void *p, size_t n, uint32_t seed)
{
	uint8_t *b = p;

	for (size_t i = 0; i < n; i++)
		b[i] = mig_rt_byte(seed, i);
}

bool mig_rt_same(const void *p, size_t n, uint32_t seed)
{
	const uint8_t *b = p;

	if (n != 0 && p == NULL)
		return false;
	for (size_t i = 0; i < n; i++)
		if (b[i] != mig_rt_byte(seed, i))
			return false;
	return true;
}

void mig_rt_fill_str(char *p, size_t len, uint32_t seed)
{
	for (size_t i = 0; i < len; i++)
		p[i] = (char)('a' + mig_rt_byte(seed, i) % 26);
	p[len] = '\0';
}

bool mig_rt_same_str(const char *p, size_t len, uint32_t seed)
{
	if (p == NULL)
		return false;
	for (size_t i = 0; i < len; i++)
		if (p[i] != (char)('a' + mig_rt_byte(seed, i) % 26))
			return false;
	return p[len] == '\0';
}

mach_port_t mig_rt_port(uint32_t seed)
{
	return (mach_port_t)(0x100 + seed % 0x7ffff000u);
}

/* ------------------------------------------------------------------ */
/* Out-of-line memory                                                  */
/* ------------------------------------------------------------------ */

void *mig_rt_alloc(size_t size)
{
	struct rt_region *r = malloc(sizeof *r);

	if (r == NULL || (r->addr = malloc(size ? size : 1)) == NULL) {
		fprintf(stderr, "mig_rt: out of memory\n");
		abort();
	}
	r->size = size;
	r->next = rt.regions;
	rt.regions = r;
	rt.nregions++;
	return r->addr;
}

static struct rt_region **rt_find(const void *addr)
{
	struct rt_region **pp;

	for (pp = &rt.regions; *pp != NULL; pp = &(*pp)->next)
		if ((*pp)->addr == addr)
			return pp;
	return NULL;
}

bool mig_rt_is_region(const void *addr)
{
	return addr != NULL && rt_find(addr) != NULL;
}

size_t mig_rt_region_size(const void *addr)
{
	struct rt_region **pp = addr ? rt_find(addr) : NULL;

	return pp ? (*pp)->size : 0;
}

unsigned mig_rt_regions(void)
{
	return rt.nregions;
}

/* Returns false (and reports) when ADDR is not a live region. */
static bool rt_release(const void *addr, size_t size, const char *who)
{
	struct rt_region **pp, *r;

	if (addr == NULL && size == 0)
		return true;
	pp = rt_find(addr);
	if (pp == NULL) {
		mig_rt_fail("%s: %p (%zu bytes) is not an allocated region",
			    who, addr, size);
		return false;
	}
	r = *pp;
	/* vm_deallocate works on pages: allow rounding up to one. */
	if (size > ((r->size + 4095) & ~(size_t)4095) || size == 0)
		mig_rt_fail("%s: %p freed with size %zu, allocated %zu",
			    who, addr, size, r->size);
	*pp = r->next;
	rt.nregions--;
	free(r->addr);
	free(r);
	return true;
}

void mig_rt_free(void *addr, size_t size)
{
	rt_release(addr, size, "mig_rt_free");
}

/* ------------------------------------------------------------------ */
/* The MIG run-time interface (libmach's part, simulated)              */
/* ------------------------------------------------------------------ */

mach_port_t mig_get_reply_port(void)
{
	rt.reply_ports_out++;
	return MIG_RT_REPLY_PORT;
}

void mig_dealloc_reply_port(mach_port_t reply_port)
{
	if (reply_port != MIG_RT_REPLY_PORT)
		mig_rt_fail("mig_dealloc_reply_port(%#x): not the reply port",
			    (unsigned)reply_port);
	/* also legal after mig_put_reply_port(): it destroys the thread's
	 * port when a stray reply may be queued on it */
	if (rt.reply_ports_out > 0)
		rt.reply_ports_out--;
}

void mig_put_reply_port(mach_port_t reply_port)
{
	if (reply_port != MIG_RT_REPLY_PORT)
		mig_rt_fail("mig_put_reply_port(%#x): not the reply port",
			    (unsigned)reply_port);
	rt.reply_ports_out--;
}

void mig_allocate(vm_address_t *addr, vm_size_t size)
{
	*addr = (vm_address_t)mig_rt_alloc(size);
}

void mig_deallocate(vm_address_t addr, vm_size_t size)
{
	rt_release((void *)addr, size, "mig_deallocate");
}

kern_return_t vm_deallocate(mach_port_t target_task, vm_address_t address,
			    vm_size_t size)
{
	if (target_task != MIG_RT_TASK_PORT)
		mig_rt_fail("vm_deallocate: task port %#x", (unsigned)target_task);
	return rt_release((void *)address, size, "vm_deallocate")
		? KERN_SUCCESS : KERN_INVALID_ADDRESS;
}

mach_port_t mach_task_self(void)
{
	return MIG_RT_TASK_PORT;
}

int mig_strncpy(char *dst, const char *src, int len)
{
	int i;

	if (len <= 0)
		return 0;
	for (i = 0; i < len - 1 && src[i] != '\0'; i++)
		dst[i] = src[i];
	dst[i] = '\0';
	return i;
}

void mig_reply_setup(const mach_msg_header_t *request, mach_msg_header_t *reply)
{
	reply->msgh_bits = MACH_MSGH_BITS(MACH_MSGH_BITS_REMOTE(request->msgh_bits), 0);
	reply->msgh_size = sizeof(mig_reply_header_t);
	reply->msgh_remote_port = request->msgh_remote_port;
	reply->msgh_local_port = MACH_PORT_NULL;
	reply->msgh_seqno = 0;
	reply->msgh_id = request->msgh_id + 100;
}

void mig_init(void *first)
{
	(void)first;
}

mach_port_seqno_t mig_rt_current_seqno(void)
{
	return rt.seqno;
}

mach_port_t mig_rt_current_reply_port(void)
{
	return rt.reply_port_seen;
}

/* ------------------------------------------------------------------ */
/* The kernel's part                                                   */
/* ------------------------------------------------------------------ */

/* What the receiver sees for a disposition the sender used. */
static unsigned rt_received_name(unsigned name)
{
	switch (name) {
	case MACH_MSG_TYPE_COPY_SEND:
	case MACH_MSG_TYPE_MAKE_SEND:
		return MACH_MSG_TYPE_PORT_SEND;
	case MACH_MSG_TYPE_MAKE_SEND_ONCE:
		return MACH_MSG_TYPE_PORT_SEND_ONCE;
	default:
		return name;
	}
}

static bool rt_is_right(unsigned name)
{
	return name >= MACH_MSG_TYPE_MOVE_RECEIVE && name <= MACH_MSG_TYPE_MAKE_SEND_ONCE;
}

static uint32_t rt_get32(const void *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

static void rt_put32(void *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

struct rt_desc {
	unsigned name, size;
	bool is_inline, longform, dealloc;
	uint32_t unused;
	uint32_t number;
	uint64_t bytes;		/* data bytes (inline: before padding) */
	uint64_t span;		/* descriptor + data (+ padding) in the message */
};

/* Decode the descriptor at OFF of a SIZE-byte message; false if it does not
 * fit.  The data bytes are computed in 64 bits (no wrap). */
static bool rt_desc_at(const uint8_t *m, size_t size, size_t off, struct rt_desc *d)
{
	uint32_t w;

	if (off + 8 > size)
		return false;
	w = rt_get32(m + off);
	d->name = w & 0xff;
	d->size = (w >> 8) & 0xffff;
	d->unused = (w >> 24) & 0x1f;
	d->is_inline = (w >> 29) & 1;
	d->longform = (w >> 30) & 1;
	d->dealloc = (w >> 31) & 1;
	d->number = rt_get32(m + off + 4);
	if (d->is_inline) {
		d->bytes = ((uint64_t)d->size * d->number + 7) / 8;
		d->span = 8 + ((d->bytes + 7) & ~(uint64_t)7);
	} else {
		if (rt_is_right(d->name) || d->name == MACH_MSG_TYPE_PORT_NAME)
			d->bytes = (uint64_t)d->number * sizeof(mach_port_name_t);
		else
			d->bytes = ((uint64_t)d->size * d->number + 7) / 8;
		d->span = 16;
	}
	return off + d->span <= size;
}

/*
 * Check the layout of a message a stub built: header, size, every
 * descriptor inside, the COMPLEX bit.  Reports through mig_rt_fail with
 * WHO; returns false when the message cannot be walked.
 */
static bool rt_check_layout(const mach_msg_header_t *msg, size_t size, const char *who)
{
	const uint8_t *m = (const uint8_t *)msg;
	bool complex_needed = false;
	size_t off;
	struct rt_desc d;

	if (size < sizeof(mach_msg_header_t) || size % 8 != 0) {
		mig_rt_fail("%s: message size %zu (id %d)", who, size, (int)msg->msgh_id);
		return false;
	}
	if (msg->msgh_size != size)
		mig_rt_fail("%s: msgh_size %u but %zu bytes sent (id %d)", who,
			    (unsigned)msg->msgh_size, size, (int)msg->msgh_id);
	if (msg->msgh_bits & MACH_MSGH_BITS_UNUSED)
		mig_rt_fail("%s: unused msgh_bits set: %#x", who, msg->msgh_bits);
	for (off = sizeof(mach_msg_header_t); off < size; off += d.span) {
		if (!rt_desc_at(m, size, off, &d)) {
			mig_rt_fail("%s: descriptor at offset %zu does not fit in %zu bytes (id %d)",
				    who, off, size, (int)msg->msgh_id);
			return false;
		}
		if (d.unused != 0)
			mig_rt_fail("%s: descriptor at %zu has unused bits %#x", who, off, d.unused);
		if (!d.is_inline || rt_is_right(d.name))
			complex_needed = true;
		if (d.is_inline && d.dealloc)
			mig_rt_fail("%s: inline descriptor at %zu with deallocate", who, off);
	}
	if (complex_needed && !(msg->msgh_bits & MACH_MSGH_BITS_COMPLEX)) {
		mig_rt_fail("%s: ports or out-of-line data but COMPLEX bit clear (id %d)",
			    who, (int)msg->msgh_id);
		return false;
	}
	return true;
}

/* Deallocate the out-of-line regions of a message as received. */
static void rt_destroy_body(mach_msg_header_t *msg, size_t size)
{
	uint8_t *m = (uint8_t *)msg;
	struct rt_desc d;
	size_t off;
	void *p;

	if (!(msg->msgh_bits & MACH_MSGH_BITS_COMPLEX))
		return;
	for (off = sizeof(mach_msg_header_t); off < size; off += d.span) {
		if (!rt_desc_at(m, size, off, &d))
			return;
		if (d.is_inline)
			continue;
		memcpy(&p, m + off + 8, sizeof p);
		if (p != NULL)
			rt_release(p, d.bytes, "destroying a message");
	}
}

/*
 * Copy a message in as the kernel does and give the receiver its view:
 * ports swapped, dispositions converted, out-of-line data in fresh regions
 * (the sender's regions deallocated when it said so).  Returns NULL (and a
 * mach_msg code in *mr) when the message cannot be sent.
 */
static mach_msg_header_t *rt_copyin(const mach_msg_header_t *msg, size_t size,
				    const char *who, mach_msg_return_t *mr)
{
	mach_msg_header_t *k;
	uint8_t *m;
	struct rt_desc d;
	size_t off;
	unsigned rbits, lbits;

	if (rt.strict && !rt_check_layout(msg, size, who)) {
		*mr = MACH_SEND_MSG_TOO_SMALL;
		return NULL;
	}
	if (size < sizeof(mach_msg_header_t) || size % 8 != 0) {
		*mr = MACH_SEND_MSG_TOO_SMALL;
		return NULL;
	}
	k = malloc(size);
	if (k == NULL)
		abort();
	memcpy(k, msg, size);
	k->msgh_size = (mach_msg_size_t)size;
	rbits = MACH_MSGH_BITS_REMOTE(msg->msgh_bits);
	lbits = MACH_MSGH_BITS_LOCAL(msg->msgh_bits);
	k->msgh_bits = MACH_MSGH_BITS_OTHER(msg->msgh_bits) |
		MACH_MSGH_BITS(rt_received_name(lbits), rt_received_name(rbits));
	k->msgh_remote_port_do_not_use = 0;
	k->msgh_protected_payload = 0;
	k->msgh_remote_port = msg->msgh_local_port;
	k->msgh_local_port = msg->msgh_remote_port;

	if (!(k->msgh_bits & MACH_MSGH_BITS_COMPLEX))
		return k;
	m = (uint8_t *)k;
	for (off = sizeof(mach_msg_header_t); off < size; off += d.span) {
		void *src, *dst = NULL;

		if (!rt_desc_at(m, size, off, &d))
			break;	/* the receiver must cope: left as sent */
		if (rt_is_right(d.name))
			rt_put32(m + off, (rt_get32(m + off) & ~0xffu) |
				 rt_received_name(d.name));
		if (d.is_inline)
			continue;
		memcpy(&src, m + off + 8, sizeof src);
		if (d.bytes != 0 && src != NULL) {
			if (d.bytes > (64u << 20)) {
				mig_rt_fail("%s: %llu bytes out of line", who,
					    (unsigned long long)d.bytes);
				dst = NULL;
			} else {
				dst = mig_rt_alloc(d.bytes);
				memcpy(dst, src, d.bytes);
			}
		}
		if (d.dealloc && src != NULL)
			rt_release(src, d.bytes, "deallocate bit");
		memcpy(m + off + 8, &dst, sizeof dst);
	}
	return k;
}

mach_msg_return_t mach_msg(mach_msg_header_t *msg, mach_msg_option_t option,
			   mach_msg_size_t send_size, mach_msg_size_t rcv_size,
			   mach_port_name_t rcv_name, mach_msg_timeout_t timeout,
			   mach_port_name_t notify)
{
	mach_msg_header_t *k, *reply, *r;
	mig_reply_header_t *rh;
	mach_msg_return_t mr = MACH_MSG_SUCCESS;
	kern_return_t rc;

	(void)timeout;
	(void)notify;
	if (!(option & MACH_SEND_MSG)) {
		mig_rt_fail("mach_msg: receive without a send (option %#x)", (unsigned)option);
		return MACH_RCV_TIMED_OUT;
	}
	if (rt.demux == NULL) {
		mig_rt_fail("mach_msg: no server");
		return MACH_SEND_INVALID_DEST;
	}
	k = rt_copyin(msg, send_size, "request", &mr);
	if (k == NULL)
		return mr;
	if (rt.cap_buf != NULL) {
		size_t n = k->msgh_size < rt.cap_size ? k->msgh_size : rt.cap_size;

		memcpy(rt.cap_buf, k, n);
		*rt.cap_len = n;
		rt.cap_buf = NULL;
		free(k);
		return MACH_SEND_INVALID_DEST;
	}
	k->msgh_seqno = ++rt.seqno;
	rt.reply_port_seen = k->msgh_remote_port;

	reply = malloc(MIG_RT_REPLY_MAX);
	if (reply == NULL)
		abort();
	memset(reply, 0xcd, MIG_RT_REPLY_MAX);
	(void)rt.demux(k, reply);

	/* mach_msg_server(): on an error the request is destroyed. */
	rh = (mig_reply_header_t *)reply;
	rc = rh->RetCode;
	if (rc != KERN_SUCCESS && rc != MIG_NO_REPLY)
		rt_destroy_body(k, k->msgh_size);
	free(k);

	if (rc == MIG_NO_REPLY || reply->msgh_remote_port == MACH_PORT_NULL) {
		if (option & MACH_RCV_MSG)
			mig_rt_fail("mach_msg: the server sent no reply (RetCode %d)", (int)rc);
		if (rc == KERN_SUCCESS && reply->msgh_size <= MIG_RT_REPLY_MAX)
			rt_destroy_body(reply, reply->msgh_size);
		free(reply);
		return (option & MACH_RCV_MSG) ? MACH_RCV_TIMED_OUT : MACH_MSG_SUCCESS;
	}
	if (reply->msgh_size > MIG_RT_REPLY_MAX || reply->msgh_size < sizeof(mig_reply_header_t)) {
		mig_rt_fail("mach_msg: reply of %u bytes", (unsigned)reply->msgh_size);
		free(reply);
		return MACH_RCV_TIMED_OUT;
	}
	r = rt_copyin(reply, reply->msgh_size, "reply", &mr);
	free(reply);
	if (r == NULL)
		return MACH_RCV_TIMED_OUT;
	if (!(option & MACH_RCV_MSG)) {
		rt_destroy_body(r, r->msgh_size);
		free(r);
		return MACH_MSG_SUCCESS;
	}
	if (rt.reply_hook != NULL) {
		mach_msg_header_t *big = malloc(MIG_RT_REPLY_MAX);
		size_t size = r->msgh_size;

		if (big == NULL)
			abort();
		memset(big, 0, MIG_RT_REPLY_MAX);
		memcpy(big, r, size);
		free(r);
		rt.reply_hook(big, &size);
		if (size > MIG_RT_REPLY_MAX)
			size = MIG_RT_REPLY_MAX;
		r = malloc(size);
		if (r == NULL)
			abort();
		memcpy(r, big, size);
		r->msgh_size = (mach_msg_size_t)size;
		free(big);
	}
	if (r->msgh_local_port != rcv_name)
		mig_rt_fail("mach_msg: reply went to %#x, receiving on %#x",
			    (unsigned)r->msgh_local_port, (unsigned)rcv_name);
	if (r->msgh_size > rcv_size) {
		rt_destroy_body(r, r->msgh_size);
		free(r);
		return MACH_RCV_TOO_LARGE;
	}
	memcpy(msg, r, r->msgh_size);
	free(r);
	return MACH_MSG_SUCCESS;
}

boolean_t mig_rt_deliver_raw(const void *msg, size_t size, mach_msg_header_t *reply)
{
	mach_msg_header_t *k;
	boolean_t ok;

	k = malloc(size ? size : 1);
	if (k == NULL)
		abort();
	memcpy(k, msg, size);
	if (size >= sizeof(mach_msg_header_t)) {
		k->msgh_seqno = ++rt.seqno;
		rt.reply_port_seen = k->msgh_remote_port;
	}
	memset(reply, 0xcd, MIG_RT_REPLY_MAX);
	ok = rt.demux(k, reply);
	free(k);
	return ok;
}

void mig_rt_capture(void *buf, size_t size, size_t *len)
{
	rt.cap_buf = buf;
	rt.cap_size = size;
	rt.cap_len = len;
	*len = 0;
}

void mig_rt_set_reply_hook(mig_rt_reply_hook_t hook)
{
	rt.reply_hook = hook;
}

/* A mark is a one-byte region of its own: newer regions sit before it. */
void *mig_rt_mark(void)
{
	return mig_rt_alloc(1);
}

void mig_rt_release_since(void *mark)
{
	while (rt.regions != NULL) {
		struct rt_region *r = rt.regions;
		bool last = r->addr == mark;

		rt.regions = r->next;
		rt.nregions--;
		free(r->addr);
		free(r);
		if (last)
			break;
	}
}
