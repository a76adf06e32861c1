/* SPDX-License-Identifier: MIT */
/*
 * bench_rt.c - a lean in-process transport for the round-trip benchmark,
 * built once per message format: the project's (ABI.md: 8-byte
 * descriptors, data padded to 8) and, with -DBENCH_OLD_ABI against
 * gnumach-dev's headers, the old one GNU MIG's stubs speak (4-byte
 * descriptors, 12-byte long form, data padded to 4).
 *
 * mach_msg() does what a kernel does for one RPC: copy the request in
 * (ports swapped, out-of-line data copied to a fresh region), run the
 * server's demultiplexer, and copy the reply out.  The copying is done in
 * bk_copyin()/bk_destroy() (and vm_deallocate()), which the benchmark
 * leaves out of the instruction counts (callgrind --toggle-collect), so the
 * counts are those of the generated stubs, the demultiplexer and the
 * server function, the same work on both sides.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <mach/std_types.h>
#include <mach/message.h>
#include <mach/mig_errors.h>

#include "bench_rt.h"

kern_return_t vm_deallocate(mach_port_t task, vm_address_t addr, vm_size_t size);
mach_port_t mach_task_self(void);
mach_port_t mig_get_reply_port(void);
void mig_dealloc_reply_port(mach_port_t port);
void mig_put_reply_port(mach_port_t port);

#define BK_REPLY_PORT	((mach_port_t) 0x77)
#define BK_MAX		(64 * 1024)

static bench_demux_t bk_demux;
static uint64_t bk_kmsg[BK_MAX / 8];
static uint64_t bk_reply[BK_MAX / 8];

void bench_rt_init(bench_demux_t demux)
{
	bk_demux = demux;
}

static unsigned bk_received(unsigned name)
{
	switch (name) {
	case 19: case 20: return 17;	/* COPY_SEND, MAKE_SEND -> PORT_SEND */
	case 21: return 18;		/* MAKE_SEND_ONCE -> PORT_SEND_ONCE */
	default: return name;
	}
}

static uint32_t get32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

/*
 * Walk the body of M (SIZE bytes); for each out-of-line datum call FN with
 * the address of its pointer and its byte count.  Port dispositions in
 * descriptors are converted when CONVERT.
 */
static void bk_walk(uint8_t *m, size_t size, int convert,
		    void (*fn)(uint8_t *ptr, uint64_t bytes, int dealloc))
{
	size_t off = sizeof(mach_msg_header_t);

	while (off < size) {
		uint32_t w = get32(m + off);
		unsigned name, bits;
		uint64_t number, bytes;
		int is_inline, dealloc;
		size_t dlen;

#ifdef BENCH_OLD_ABI
		name = w & 0xff;
		bits = (w >> 8) & 0xff;
		number = (w >> 16) & 0xfff;
		is_inline = (w >> 28) & 1;
		dealloc = (w >> 30) & 1;
		dlen = 4;
		if ((w >> 29) & 1) {	/* long form */
			name = m[off + 4] | (unsigned)m[off + 5] << 8;
			bits = m[off + 6] | (unsigned)m[off + 7] << 8;
			number = get32(m + off + 8);
			dlen = 12;
		} else if (convert && name >= 16 && name <= 21) {
			w = (w & ~0xffu) | bk_received(name);
			memcpy(m + off, &w, 4);
		}
		if (convert && dlen == 12 && name >= 16 && name <= 21) {
			uint16_t n = (uint16_t)bk_received(name);
			memcpy(m + off + 4, &n, 2);
		}
		bytes = (bits * number + 7) / 8;
		if (is_inline)
			off += dlen + ((bytes + 3) & ~(uint64_t)3);
		else {
			if (fn)
				fn(m + off + dlen, bytes, dealloc);
			off += dlen + 8;
		}
#else
		name = w & 0xff;
		bits = (w >> 8) & 0xffff;
		number = get32(m + off + 4);
		is_inline = (w >> 29) & 1;
		dealloc = (w >> 31) & 1;
		dlen = 8;
		if (convert && name >= 16 && name <= 21) {
			w = (w & ~0xffu) | bk_received(name);
			memcpy(m + off, &w, 4);
		}
		if (is_inline) {
			bytes = (bits * number + 7) / 8;
			off += dlen + ((bytes + 7) & ~(uint64_t)7);
		} else {
			bytes = (name >= 15 && name <= 21) ? number * 4 : (bits * number + 7) / 8;
			if (fn)
				fn(m + off + dlen, bytes, dealloc);
			off += dlen + 8;
		}
#endif
	}
}

static void bk_ool_copy(uint8_t *ptr, uint64_t bytes, int dealloc)
{
	void *src, *dst = NULL;

	memcpy(&src, ptr, sizeof src);
	if (bytes && src) {
		dst = malloc(bytes);
		memcpy(dst, src, bytes);
	}
	if (dealloc && src)
		free(src);
	memcpy(ptr, &dst, sizeof dst);
}

static void bk_ool_free(uint8_t *ptr, uint64_t bytes, int dealloc)
{
	void *p;

	(void)bytes;
	(void)dealloc;
	memcpy(&p, ptr, sizeof p);
	free(p);
}

/* The kernel's copy of a message: the receiver's view of it. */
__attribute__((noinline))
void bk_copyin(const mach_msg_header_t *msg, size_t size, mach_msg_header_t *to)
{
	unsigned r = MACH_MSGH_BITS_REMOTE(msg->msgh_bits);
	unsigned l = MACH_MSGH_BITS_LOCAL(msg->msgh_bits);
	mach_port_t remote = msg->msgh_remote_port, local = msg->msgh_local_port;

	memcpy(to, msg, size);
	to->msgh_size = (mach_msg_size_t)size;
	to->msgh_bits = (msg->msgh_bits & ~0xffffu) |
		MACH_MSGH_BITS(bk_received(l), bk_received(r));
	to->msgh_remote_port = local;
	to->msgh_local_port = remote;
	if (msg->msgh_bits & MACH_MSGH_BITS_COMPLEX)
		bk_walk((uint8_t *)to, size, 1, bk_ool_copy);
}

__attribute__((noinline))
void bk_destroy(mach_msg_header_t *msg)
{
	if (msg->msgh_bits & MACH_MSGH_BITS_COMPLEX)
		bk_walk((uint8_t *)msg, msg->msgh_size, 0, bk_ool_free);
}

mach_msg_return_t mach_msg(mach_msg_header_t *msg, mach_msg_option_t option,
			   mach_msg_size_t send_size, mach_msg_size_t rcv_size,
			   mach_port_name_t rcv_name, mach_msg_timeout_t timeout,
			   mach_port_name_t notify)
{
	mach_msg_header_t *k = (mach_msg_header_t *)bk_kmsg;
	mach_msg_header_t *reply = (mach_msg_header_t *)bk_reply;
	kern_return_t rc;

	(void)rcv_name;
	(void)timeout;
	(void)notify;
	if (!(option & MACH_SEND_MSG) || send_size > BK_MAX)
		return MACH_SEND_MSG_TOO_SMALL;
	bk_copyin(msg, send_size, k);
	bk_demux(k, reply);
	rc = ((mig_reply_header_t *)reply)->RetCode;
	if (rc != KERN_SUCCESS && rc != MIG_NO_REPLY)
		bk_destroy(k);
	if (!(option & MACH_RCV_MSG) || rc == MIG_NO_REPLY ||
	    reply->msgh_remote_port == MACH_PORT_NULL)
		return MACH_MSG_SUCCESS;
	if (reply->msgh_size > rcv_size)
		return MACH_RCV_TOO_LARGE;
	bk_copyin(reply, reply->msgh_size, msg);
	return MACH_MSG_SUCCESS;
}

__attribute__((noinline))
kern_return_t vm_deallocate(mach_port_t task, vm_address_t addr, vm_size_t size)
{
	(void)task;
	(void)size;
	free((void *)addr);
	return KERN_SUCCESS;
}

mach_port_t mach_task_self(void)
{
	return 1;
}

mach_port_t mig_get_reply_port(void)
{
	return BK_REPLY_PORT;
}

void mig_dealloc_reply_port(mach_port_t port)
{
	(void)port;
}

void mig_put_reply_port(mach_port_t port)
{
	(void)port;
}

void mig_allocate(vm_address_t *addr, vm_size_t size)
{
	*addr = (vm_address_t)malloc(size ? size : 1);
}

void mig_deallocate(vm_address_t addr, vm_size_t size)
{
	(void)size;
	free((void *)addr);
}

/* GNU MIG's strings use it; as glibc's (a vectorised stpncpy there): copy
 * up to LEN bytes, stop at the NUL, return the length copied. */
int mig_strncpy(char *dst, const char *src, int len)
{
	size_t n;

	if (len <= 0)
		return 0;
	n = strnlen(src, (size_t)len - 1);
	memcpy(dst, src, n);
	dst[n] = '\0';
	return (int)n;
}
