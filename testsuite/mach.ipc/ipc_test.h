/* SPDX-License-Identifier: MIT */
/*
 * ipc_test.h: helpers shared by the IPC test programs (mach.ipc/,
 * mach.port/, mach.notify/): typed message builders over <mach/message.h>
 * (ABI.md: 8-byte descriptors, data padded to 8, port slots of 8 bytes).
 */
#ifndef _IPC_TEST_H_
#define _IPC_TEST_H_

#include <stdint.h>
#include <string.h>
#include <mach.h>
#include <mach/thread_switch.h>

#include "mt.h"

#ifdef IT_FLIP
/*
 * Built with -DIT_FLIP, every expectation is inverted: each case that
 * passes must then fail (the check that every case can fail).
 */
#undef MT_CHECK
#define MT_CHECK(expr, ...) \
	mt_check(!(expr), __FILE__, __LINE__, "flipped", __VA_ARGS__)
#undef MT_EXPECT_EQ_MSG
#define MT_EXPECT_EQ_MSG(got, want, ...) \
	mt_check((intmax_t)(got) != (intmax_t)(want), __FILE__, __LINE__, \
		 "flipped", __VA_ARGS__)
#undef MT_EXPECT_KR
#define MT_EXPECT_KR(got, want, ...) \
	mt_check((int)(got) != (int)(want), __FILE__, __LINE__, "flipped", \
		 __VA_ARGS__)
#undef MT_PASS
#define MT_PASS(...) mt_fail(__FILE__, __LINE__, "flipped", __VA_ARGS__)
#endif

/* A descriptor as one 64-bit word: name, size in bits, inline, count. */
static inline uint64_t
it_desc(unsigned name, unsigned bits, int is_inline, int dealloc,
	uint32_t number)
{
	uint32_t w = (name & 0xff) | (bits & 0xffff) << 8 |
		     (uint32_t)(is_inline ? 1 : 0) << 29 |
		     (uint32_t)(dealloc ? 1 : 0) << 31;

	return (uint64_t)number << 32 | w;
}

/* Header only. */
typedef struct {
	mach_msg_header_t head;
} it_empty_t;

/* Header + one INTEGER_32. */
typedef struct {
	mach_msg_header_t head;
	uint64_t type;
	uint32_t value;
	uint32_t pad;
} it_int_t;

/* Header + one port right in an 8-byte slot. */
typedef struct {
	mach_msg_header_t head;
	uint64_t type;
	uint64_t port;		/* the name in the low half */
} it_port_t;

/* Header + one out-of-line region. */
typedef struct {
	mach_msg_header_t head;
	uint64_t type;
	uint64_t addr;
} it_ool_t;

/* A receive buffer big enough for every test message. */
typedef union {
	mach_msg_header_t head;
	it_int_t i;
	it_port_t p;
	it_ool_t o;
	uint64_t words[2048 / 8];
} it_buf_t;

static inline void
it_header(mach_msg_header_t *h, unsigned rbits, unsigned lbits,
	  mach_msg_size_t size, mach_port_t dest, mach_port_t reply, int id)
{
	h->msgh_bits = MACH_MSGH_BITS(rbits, lbits);
	h->msgh_size = size;
	h->msgh_remote_port = dest;
	h->msgh_local_port = reply;
	h->msgh_seqno = 0;
	h->msgh_id = id;
}

/* Send a header-only message (dest disposition rbits), no timeout. */
static inline mach_msg_return_t
it_send_empty(mach_port_t dest, unsigned rbits, int id,
	      mach_msg_option_t extra, mach_msg_timeout_t timeout)
{
	it_empty_t m;

	it_header(&m.head, rbits, 0, sizeof m, dest, MACH_PORT_NULL, id);
	return mach_msg(&m.head, MACH_SEND_MSG | extra, sizeof m, 0,
			MACH_PORT_NULL, timeout, MACH_PORT_NULL);
}

/* Send one INTEGER_32. */
static inline mach_msg_return_t
it_send_int(mach_port_t dest, unsigned rbits, int id, uint32_t value)
{
	it_int_t m;

	memset(&m, 0, sizeof m);
	it_header(&m.head, rbits, 0, sizeof m, dest, MACH_PORT_NULL, id);
	m.type = it_desc(MACH_MSG_TYPE_INTEGER_32, 32, 1, 0, 1);
	m.value = value;
	return mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL,
			MACH_MSG_TIMEOUT_NONE, MACH_PORT_NULL);
}

/* Send one port right (disposition disp) to dest. */
static inline mach_msg_return_t
it_send_port(mach_port_t dest, unsigned rbits, int id, mach_port_t right,
	     unsigned disp)
{
	it_port_t m;

	memset(&m, 0, sizeof m);
	it_header(&m.head, rbits, 0, sizeof m, dest, MACH_PORT_NULL, id);
	m.head.msgh_bits |= MACH_MSGH_BITS_COMPLEX;
	m.type = it_desc(disp, 64, 1, 0, 1);
	m.port = right;
	return mach_msg(&m.head, MACH_SEND_MSG, sizeof m, 0, MACH_PORT_NULL,
			MACH_MSG_TIMEOUT_NONE, MACH_PORT_NULL);
}

/* Receive into buf without waiting (timeout 0). */
static inline mach_msg_return_t
it_receive(mach_port_t port, it_buf_t *buf, mach_msg_size_t size,
	   mach_msg_option_t extra)
{
	return mach_msg(&buf->head, MACH_RCV_MSG | MACH_RCV_TIMEOUT | extra,
			0, size, port, 0, MACH_PORT_NULL);
}

/* Receive, waiting up to ms milliseconds. */
static inline mach_msg_return_t
it_receive_wait(mach_port_t port, it_buf_t *buf, mach_msg_timeout_t ms)
{
	return mach_msg(&buf->head, MACH_RCV_MSG | MACH_RCV_TIMEOUT, 0,
			sizeof *buf, port, ms, MACH_PORT_NULL);
}

/* Drain every queued message of port; returns how many. */
static inline int
it_drain(mach_port_t port)
{
	it_buf_t buf;
	int n = 0;

	while (it_receive(port, &buf, sizeof buf, 0) == MACH_MSG_SUCCESS)
		n++;
	return n;
}

/* xorshift64 (the fuzz tasks' repeatable generator): the next number of
 * the generator whose state is *s (never 0). */
static inline uint64_t
it_xorshift(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* A decimal (or 0x hexadecimal) number of an argument; 0 if none. */
static inline unsigned long
it_number(const char *s)
{
	unsigned long v = 0;
	int base = 10;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	for (; *s; s++) {
		int d;

		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (base == 16 && *s >= 'a' && *s <= 'f')
			d = *s - 'a' + 10;
		else if (base == 16 && *s >= 'A' && *s <= 'F')
			d = *s - 'A' + 10;
		else
			break;
		v = v * (unsigned long)base + (unsigned long)d;
	}
	return v;
}

/* A name that no task is given: high bits set, never handed out early. */
#define IT_FORGED_NAME ((mach_port_t)0x5a5a5a5aU)

/* An address no user task maps (kernel half) and one in the unmapped
 * first pages. */
#define IT_KERNEL_ADDR ((void *)0xffffffff80100000ULL)
#define IT_LOW_ADDR ((void *)0x1000ULL)


#ifndef IT_NO_THREADS
/*
 * Start a thread of this task running fn(arg) on [stack, stack + size):
 * thread_create, thread_set_state (i386_THREAD_STATE), thread_resume.
 * When fn returns the thread ends with thread_terminate.  Returns the
 * first error, and the new thread's port in *thread.
 */
static void __attribute__((noreturn, used))
it_thread_entry(void (*fn)(void *), void *arg)
{
	fn(arg);
	(void)thread_terminate(mach_thread_self());
	for (;;)
		__asm__ volatile("ud2");
}

static inline kern_return_t
it_thread_start(void (*fn)(void *), void *arg, void *stack, size_t size,
		mach_port_t *thread)
{
	struct i386_thread_state st;
	uint16_t cs, ss;
	kern_return_t kr;

	kr = thread_create(mach_task_self(), thread);
	if (kr != KERN_SUCCESS)
		return kr;
	__asm__("mov %%cs, %0" : "=r"(cs));
	__asm__("mov %%ss, %0" : "=r"(ss));
	memset(&st, 0, sizeof st);
	st.rip = (uint64_t)(uintptr_t)it_thread_entry;
	st.rdi = (uint64_t)(uintptr_t)fn;
	st.rsi = (uint64_t)(uintptr_t)arg;
	/* As after a call: rsp + 8 is 16-byte aligned. */
	st.rsp = (((uint64_t)(uintptr_t)stack + size) & ~15ULL) - 8;
	st.ursp = st.rsp;
	st.rfl = 0x202;
	st.cs = cs;
	st.ss = ss;
	kr = thread_set_state(*thread, i386_THREAD_STATE,
			      (thread_state_t)&st, i386_THREAD_STATE_COUNT);
	if (kr != KERN_SUCCESS)
		return kr;
	return thread_resume(*thread);
}
#endif

#endif /* _IPC_TEST_H_ */
