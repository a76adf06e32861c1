/* SPDX-License-Identifier: MIT */
/*
 * neg.c - negative tests of the generated server stubs (neg.defs).
 *
 * Each well-formed request is made by the user stub itself (captured by
 * the transport as the server would receive it) and first delivered as it
 * is: the server function (from the generated round-trip program, built
 * with MIG_RTEST_NO_MAIN) must accept it.  Then copies, malformed at the
 * offsets ABI.md defines, are delivered one by one, each in a buffer of
 * exactly its size (so AddressSanitizer sees any read past it).  Each must
 * be answered with its MIG_* code and a 48-byte reply, without calling the
 * server function, and without allocating or deallocating any region.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the user stubs were compiled renamed (rtu_*): see mig -rtest */
#define MIG_RTEST_RENAMES_USER
#include "neg_rt.c"
#undef MIG_RTEST_RENAMES_USER
#include "neg.h"
#include "mig_rt.h"
#include <mach/notify.h>

extern boolean_t neg_server(mach_msg_header_t *, mach_msg_header_t *);

#define HDR 32u
#define NEG_BASE 5200

/* Routine indexes in neg.defs (the round-trip program's numbering). */
enum { R_INT, R_ARRAY, R_OOL, R_STRING, R_VSTRING, R_PORT, R_TWO, R_COUNT };

static const char *const rname[R_COUNT] = {
	"neg_int", "neg_array", "neg_ool", "neg_string", "neg_vstring",
	"neg_port", "neg_two",
};

static const char *rname_out(unsigned r)
{
	static const char *const names[] = {
		"neg_out_int", "neg_out_array", "neg_out_ool", "neg_out_vstring",
	};

	if (r < R_COUNT)
		return rname[r];
	if (r < R_COUNT + 4)
		return names[r - R_COUNT];
	return "?";
}

struct msg {
	uint8_t *b;
	size_t len;
};

static struct msg valid[R_COUNT];
static mach_msg_header_t *reply;

static uint32_t get32(const struct msg *m, size_t off)
{
	uint32_t v;

	memcpy(&v, m->b + off, 4);
	return v;
}

static void put32(struct msg *m, size_t off, uint32_t v)
{
	memcpy(m->b + off, &v, 4);
}

static struct msg copy(const struct msg *from, size_t len)
{
	struct msg m;

	m.len = len;
	m.b = calloc(1, len + 8);
	memcpy(m.b, from->b, from->len < len ? from->len : len);
	put32(&m, 4, (uint32_t)len);		/* msgh_size, as the kernel sets it */
	return m;
}

static mach_port_t server_port(unsigned r)
{
	return mig_rt_port(mig_rt_seed(r, 0, 0));
}

/* Make the well-formed request of each routine with the user stub. */
static int capture(void)
{
	uint8_t buf[4096];
	size_t len;
	unsigned r;

	for (r = 0; r < R_COUNT; r++) {
		mig_rt_capture(buf, sizeof buf, &len);
		switch (r) {
		case R_INT: {
			int a;
			mig_rt_fill(&a, sizeof a, mig_rt_seed(r, 1, 0));
			(void)neg_int(server_port(r), a);
			break;
		}
		case R_ARRAY: {
			int a[16];
			mig_rt_fill(a, sizeof a, mig_rt_seed(r, 1, 0));
			(void)neg_array(server_port(r), a, 16);
			break;
		}
		case R_OOL: {
			char *a = mig_rt_alloc(300);
			mig_rt_fill(a, 300, mig_rt_seed(r, 1, 0));
			(void)neg_ool(server_port(r), a, 300);
			mig_rt_free(a, 300);
			break;
		}
		case R_STRING: {
			char a[32];
			mig_rt_fill_str(a, 31, mig_rt_seed(r, 1, 0));
			(void)neg_string(server_port(r), a);
			break;
		}
		case R_VSTRING: {
			char a[32];
			mig_rt_fill_str(a, 31, mig_rt_seed(r, 1, 0));
			(void)neg_vstring(server_port(r), a);
			break;
		}
		case R_PORT: {
			mach_port_t p;
			memset(&p, 0, sizeof p);
			mig_rt_fill(&p, sizeof p, mig_rt_seed(r, 1, 0));
			(void)neg_port(server_port(r), p);
			break;
		}
		case R_TWO: {
			int a, c, b[16];
			mig_rt_fill(&a, sizeof a, mig_rt_seed(r, 1, 0));
			mig_rt_fill(b, sizeof b, mig_rt_seed(r, 2, 0));
			mig_rt_fill(&c, sizeof c, mig_rt_seed(r, 4, 0));
			(void)neg_two(server_port(r), a, b, 16, c);
			break;
		}
		}
		if (len < HDR) {
			mig_rt_begin("capture");
			mig_rt_fail("%s: the stub sent no request", rname[r]);
			mig_rt_end();
			return -1;
		}
		valid[r].b = malloc(len);
		memcpy(valid[r].b, buf, len);
		valid[r].len = len;
	}
	return 0;
}

/* Deliver M (freed here) and expect WANT; NAME names the case. */
static void expect(const char *name, struct msg m, kern_return_t want)
{
	unsigned calls = mig_rt_server_calls, regions = mig_rt_regions();
	mig_reply_header_t *rh = (mig_reply_header_t *)reply;
	int32_t id = (int32_t)get32(&m, 28);
	boolean_t ok;

	mig_rt_begin(name);
	ok = mig_rt_deliver_raw(m.b, m.len, reply);
	free(m.b);
	if (want == KERN_SUCCESS) {
		MIG_RT_CHECK(ok, "demux returned FALSE");
		MIG_RT_CHECK(rh->RetCode == KERN_SUCCESS, "RetCode %d", (int)rh->RetCode);
		MIG_RT_CHECK(mig_rt_server_calls == calls + 1,
			     "server function ran %u times", mig_rt_server_calls - calls);
	} else {
		MIG_RT_CHECK(rh->RetCode == want, "RetCode %d, wanted %d",
			     (int)rh->RetCode, (int)want);
		MIG_RT_CHECK(mig_rt_server_calls == calls,
			     "the server function ran on a malformed request");
		MIG_RT_CHECK(mig_rt_regions() == regions,
			     "regions %u before, %u after", regions, mig_rt_regions());
		MIG_RT_CHECK(reply->msgh_size == sizeof(mig_reply_header_t),
			     "reply of %u bytes", (unsigned)reply->msgh_size);
		MIG_RT_CHECK(reply->msgh_id == (mach_msg_id_t)((uint32_t)id + 100u),
			     "reply id %d for request id %d", (int)reply->msgh_id, (int)id);
		if (want == MIG_BAD_ID)
			MIG_RT_CHECK(!ok, "demux returned TRUE for an unknown id");
	}
	mig_rt_end();
}

static void cases_common(unsigned r)
{
	const struct msg *v = &valid[r];
	char name[128];
	struct msg m;
	uint32_t w;

#define NAME(what) (snprintf(name, sizeof name, "%s: %s", rname[r], what), name)
	expect(NAME("well-formed request accepted"), copy(v, v->len), KERN_SUCCESS);
	if (v->len - 8 >= HDR)
		expect(NAME("short by 8 bytes"), copy(v, v->len - 8), MIG_BAD_ARGUMENTS);
	if (v->len > HDR)
		expect(NAME("header only"), copy(v, HDR), MIG_BAD_ARGUMENTS);
	expect(NAME("long by 8 bytes"), copy(v, v->len + 8), MIG_BAD_ARGUMENTS);
	expect(NAME("long by 4 KiB"), copy(v, v->len + 4096), MIG_BAD_ARGUMENTS);

	w = get32(v, HDR);
	m = copy(v, v->len);
	put32(&m, HDR, (w & ~0xffu) | ((w & 0xff) == MACH_MSG_TYPE_INTEGER_16
					? MACH_MSG_TYPE_INTEGER_32 : MACH_MSG_TYPE_INTEGER_16));
	expect(NAME("first descriptor: wrong msgt_name"), m, MIG_BAD_ARGUMENTS);
	m = copy(v, v->len);
	put32(&m, HDR, w ^ (8u << 8));
	expect(NAME("first descriptor: wrong msgt_size"), m, MIG_BAD_ARGUMENTS);
	m = copy(v, v->len);
	put32(&m, HDR, w ^ (1u << 29));
	expect(NAME("first descriptor: msgt_inline flipped"), m, MIG_BAD_ARGUMENTS);
	m = copy(v, v->len);
	put32(&m, HDR, w | (1u << 24));
	expect(NAME("first descriptor: unused bit set"), m, MIG_BAD_ARGUMENTS);
#undef NAME
}

static void cases_ids(void)
{
	static const int32_t ids[] = {
		NEG_BASE + R_COUNT + 4, NEG_BASE - 1, NEG_BASE + 100, 0, -1,
		INT32_MAX, INT32_MIN, INT32_MAX - 99, INT32_MIN + 50,
	};
	char name[96];
	unsigned i;

	for (i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		struct msg m = copy(&valid[R_INT], valid[R_INT].len);

		put32(&m, 28, (uint32_t)ids[i]);
		snprintf(name, sizeof name, "unknown id %d", (int)ids[i]);
		expect(name, m, MIG_BAD_ID);
	}
}

/* Set the count of the variable array whose descriptor is at OFF. */
static void cases_count(unsigned r, size_t off, uint32_t max)
{
	static const uint32_t counts[] = { 1u << 30, 0xffffffffu, 0x80000000u, 0x40000001u };
	const struct msg *v = &valid[r];
	char name[128];
	struct msg m;
	unsigned i;

	for (i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		m = copy(v, v->len);
		put32(&m, off + 4, counts[i]);
		snprintf(name, sizeof name, "%s: count %#x in a %zu-byte message",
			 rname[r], counts[i], v->len);
		expect(name, m, MIG_BAD_ARGUMENTS);
	}
	/* one more than the bound, the message grown to hold it */
	m = copy(v, v->len + 8);
	put32(&m, off + 4, max + 1);
	snprintf(name, sizeof name, "%s: count %u over the bound %u", rname[r], max + 1, max);
	expect(name, m, MIG_BAD_ARGUMENTS);
	/* a count two smaller than the data sent (the size disagrees) */
	m = copy(v, v->len);
	put32(&m, off + 4, get32(v, off + 4) - 2);
	snprintf(name, sizeof name, "%s: count smaller than the data", rname[r]);
	expect(name, m, MIG_BAD_ARGUMENTS);
}

static void cases_specific(void)
{
	struct msg m;
	void *bogus = (void *)(uintptr_t)0x10;
	size_t i;

	/* neg_int: a fixed datum with a wrong count */
	m = copy(&valid[R_INT], valid[R_INT].len);
	put32(&m, HDR + 4, 2);
	expect("neg_int: msgt_number 2 for one int", m, MIG_BAD_ARGUMENTS);
	m = copy(&valid[R_INT], valid[R_INT].len);
	put32(&m, HDR + 4, 0);
	expect("neg_int: msgt_number 0", m, MIG_BAD_ARGUMENTS);

	cases_count(R_ARRAY, HDR, 16);
	cases_count(R_TWO, HDR + 16, 16);

	/* neg_two: the descriptor after the array is wrong */
	m = copy(&valid[R_TWO], valid[R_TWO].len);
	put32(&m, valid[R_TWO].len - 16, (get32(&m, valid[R_TWO].len - 16) & ~0xffu) |
	      MACH_MSG_TYPE_INTEGER_16);
	expect("neg_two: descriptor after the array: wrong msgt_name", m, MIG_BAD_ARGUMENTS);

	/* neg_ool: COMPLEX bit clear with an out-of-line descriptor (and a
	 * pointer that must not be followed) */
	m = copy(&valid[R_OOL], valid[R_OOL].len);
	put32(&m, 0, get32(&m, 0) & ~MACH_MSGH_BITS_COMPLEX);
	memcpy(m.b + HDR + 8, &bogus, sizeof bogus);
	expect("neg_ool: COMPLEX bit clear with an out-of-line descriptor", m, MIG_BAD_ARGUMENTS);
	m = copy(&valid[R_OOL], valid[R_OOL].len);
	put32(&m, 0, get32(&m, 0) & ~MACH_MSGH_BITS_COMPLEX);
	expect("neg_ool: COMPLEX bit clear, pointer intact", m, MIG_BAD_ARGUMENTS);

	/* neg_port: COMPLEX clear with a port right; a port passed as data */
	m = copy(&valid[R_PORT], valid[R_PORT].len);
	put32(&m, 0, get32(&m, 0) & ~MACH_MSGH_BITS_COMPLEX);
	expect("neg_port: COMPLEX bit clear with a port right", m, MIG_BAD_ARGUMENTS);
	m = copy(&valid[R_PORT], valid[R_PORT].len);
	put32(&m, HDR, (get32(&m, HDR) & ~0xffffffu) | MACH_MSG_TYPE_INTEGER_32 | (32u << 8));
	expect("neg_port: an integer where a port right goes", m, MIG_BAD_ARGUMENTS);

	/* neg_string: no NUL in the fixed 32 bytes */
	m = copy(&valid[R_STRING], valid[R_STRING].len);
	for (i = 0; i < 32 && HDR + 8 + i < m.len; i++)
		m.b[HDR + 8 + i] = 'x';
	expect("neg_string: c_string[32] without a NUL", m, MIG_BAD_ARGUMENTS);

	/* neg_vstring: no NUL within the count; count over the bound */
	m = copy(&valid[R_VSTRING], valid[R_VSTRING].len);
	{
		uint32_t n = get32(&m, HDR + 4);

		for (i = 0; i < n && HDR + 8 + i < m.len; i++)
			m.b[HDR + 8 + i] = 'x';
	}
	expect("neg_vstring: c_string[*:32] without a NUL", m, MIG_BAD_ARGUMENTS);
	m = copy(&valid[R_VSTRING], valid[R_VSTRING].len + 8);
	put32(&m, HDR + 4, 40);
	for (i = 0; i < 39; i++)
		m.b[HDR + 8 + i] = 'y';
	m.b[HDR + 8 + 39] = '\0';
	expect("neg_vstring: 40 bytes for c_string[*:32]", m, MIG_BAD_ARGUMENTS);
	cases_count(R_VSTRING, HDR, 32);
}

/* ------------------------------------------------------------------ */
/* Replies the client stub must refuse                                 */
/* ------------------------------------------------------------------ */

enum { R_OUT_INT = R_COUNT, R_OUT_ARRAY, R_OUT_OOL, R_OUT_VSTRING };

/* What the hook does to the reply (offsets per ABI.md: RetCode's
 * descriptor at 32, RetCode at 40, the first datum's descriptor at 48). */
enum mutation {
	M_NONE, M_ID, M_SEND_ONCE, M_SHORT, M_LONG, M_RETCODE_DESC, M_DESC_NAME,
	M_ERROR_LONG, M_ERROR_SHORT, M_COUNT_HUGE, M_COUNT_OVER, M_COMPLEX_CLEAR,
	M_INLINE_SET, M_NO_NUL,
};

static enum mutation mutation;

static void put32h(mach_msg_header_t *h, size_t off, uint32_t v)
{
	memcpy((uint8_t *)h + off, &v, 4);
}

static uint32_t get32h(const mach_msg_header_t *h, size_t off)
{
	uint32_t v;

	memcpy(&v, (const uint8_t *)h + off, 4);
	return v;
}

static void corrupt(mach_msg_header_t *h, size_t *size)
{
	uint32_t n;
	size_t i;

	switch (mutation) {
	case M_NONE:
		break;
	case M_ID:
		h->msgh_id += 1;
		break;
	case M_SEND_ONCE:
		h->msgh_id = MACH_NOTIFY_SEND_ONCE;
		break;
	case M_SHORT:
		*size -= 8;
		break;
	case M_LONG:
		*size += 8;
		break;
	case M_RETCODE_DESC:
		put32h(h, 32, (get32h(h, 32) & ~0xffu) | MACH_MSG_TYPE_INTEGER_16);
		break;
	case M_DESC_NAME:
		put32h(h, 48, (get32h(h, 48) & ~0xffu) |
		       ((get32h(h, 48) & 0xff) == MACH_MSG_TYPE_INTEGER_16
			? MACH_MSG_TYPE_INTEGER_32 : MACH_MSG_TYPE_INTEGER_16));
		break;
	case M_ERROR_LONG:
		put32h(h, 40, KERN_FAILURE);
		break;
	case M_ERROR_SHORT:
		put32h(h, 40, KERN_FAILURE);
		*size = sizeof(mig_reply_header_t);
		h->msgh_bits &= ~MACH_MSGH_BITS_COMPLEX;
		break;
	case M_COUNT_HUGE:
		put32h(h, 52, 1u << 30);
		break;
	case M_COUNT_OVER:
		n = get32h(h, 52);
		put32h(h, 52, 40);	/* over both bounds (16 ints, 32 chars) */
		for (i = 56 + n; i < 56 + 40 * 4 && i < MIG_RT_REPLY_MAX; i++)
			((uint8_t *)h)[i] = 'y';
		*size = 56 + ((get32h(h, 48) >> 8 & 0xffff) == 8 ? 40 : 160);
		break;
	case M_COMPLEX_CLEAR: {
		void *bogus = (void *)(uintptr_t)0x10;

		h->msgh_bits &= ~MACH_MSGH_BITS_COMPLEX;
		memcpy((uint8_t *)h + 56, &bogus, sizeof bogus);
		break;
	}
	case M_INLINE_SET:
		put32h(h, 48, get32h(h, 48) | (1u << 29));
		break;
	case M_NO_NUL:
		n = get32h(h, 52);
		for (i = 0; i < n; i++)
			((uint8_t *)h)[56 + i] = 'x';
		break;
	}
}

/* Call routine R through its user stub with the reply mutated by M;
 * expect one of WANT / WANT2. */
static void reply_case(unsigned r, enum mutation m, const char *what,
		       kern_return_t want, kern_return_t want2, unsigned capacity)
{
	char name[128];
	kern_return_t kr = KERN_SUCCESS;
	void *mark = mig_rt_mark();
	mach_port_t port = server_port(r);

	snprintf(name, sizeof name, "%s: reply %s", rname_out(r), what);
	mig_rt_begin(name);
	mutation = m;
	mig_rt_set_reply_hook(corrupt);
	switch (r) {
	case R_OUT_INT: {
		int a = 0;
		kr = neg_out_int(port, &a);
		if (kr == KERN_SUCCESS)
			MIG_RT_CHECK(mig_rt_same(&a, sizeof a, mig_rt_seed(r, 1, 1000)),
				     "the int came back changed");
		break;
	}
	case R_OUT_ARRAY: {
		/* a buffer of exactly CAPACITY ints: writing past it is caught */
		int *a = malloc(capacity * sizeof *a);
		mach_msg_type_number_t n = capacity;

		kr = neg_out_array(port, a, &n);
		if (kr == KERN_SUCCESS) {
			MIG_RT_CHECK(n == 8, "count %u", (unsigned)n);
			MIG_RT_CHECK(n <= capacity && mig_rt_same(a, n * sizeof *a,
				     mig_rt_seed(r, 1, 1000)), "the array came back changed");
		}
		free(a);
		break;
	}
	case R_OUT_OOL: {
		neg_bytes_t a = NULL;
		mach_msg_type_number_t n = 0;

		kr = neg_out_ool(port, &a, &n);
		if (kr == KERN_SUCCESS) {
			MIG_RT_CHECK(n == 150, "count %u", (unsigned)n);
			MIG_RT_CHECK(mig_rt_region_size(a) >= n &&
				     mig_rt_same(a, n, mig_rt_seed(r, 1, 1000)),
				     "the out-of-line data came back changed");
		}
		break;
	}
	case R_OUT_VSTRING: {
		char *a = malloc(32);	/* neg_vname_t, exactly */

		kr = neg_out_vstring(port, a);
		if (kr == KERN_SUCCESS)
			MIG_RT_CHECK(mig_rt_same_str(a, 11, mig_rt_seed(r, 1, 1000)),
				     "the string came back changed");
		free(a);
		break;
	}
	}
	mig_rt_set_reply_hook(NULL);
	MIG_RT_CHECK(kr == want || kr == want2, "returned %d, wanted %d", (int)kr, (int)want);
	mig_rt_end();
	mig_rt_release_since(mark);
}

static void cases_replies(void)
{
	unsigned r;

	for (r = R_OUT_INT; r <= R_OUT_VSTRING; r++) {
		reply_case(r, M_NONE, "well-formed", KERN_SUCCESS, KERN_SUCCESS, 16);
		reply_case(r, M_ID, "with the wrong id", MIG_REPLY_MISMATCH, MIG_REPLY_MISMATCH, 16);
		reply_case(r, M_SEND_ONCE, "is a send-once notification", MIG_SERVER_DIED,
			   MIG_SERVER_DIED, 16);
		reply_case(r, M_SHORT, "short by 8 bytes", MIG_TYPE_ERROR, MIG_TYPE_ERROR, 16);
		/* the stub's buffer may be just large enough: the kernel's
		 * MACH_RCV_TOO_LARGE is then the answer */
		reply_case(r, M_LONG, "long by 8 bytes", MIG_TYPE_ERROR, MACH_RCV_TOO_LARGE, 16);
		reply_case(r, M_RETCODE_DESC, "RetCode descriptor wrong", MIG_TYPE_ERROR,
			   MIG_TYPE_ERROR, 16);
		reply_case(r, M_DESC_NAME, "datum descriptor wrong", MIG_TYPE_ERROR,
			   MIG_TYPE_ERROR, 16);
		/* GNU MIG's stubs return such a code as it is: either way */
		reply_case(r, M_ERROR_LONG, "error code in a full-size reply", MIG_TYPE_ERROR,
			   KERN_FAILURE, 16);
		reply_case(r, M_ERROR_SHORT, "error code alone", KERN_FAILURE, KERN_FAILURE, 16);
	}
	reply_case(R_OUT_ARRAY, M_COUNT_HUGE, "count 2^30", MIG_TYPE_ERROR,
		   MIG_ARRAY_TOO_LARGE, 16);
	reply_case(R_OUT_ARRAY, M_COUNT_OVER, "count 40 for array[*:16]", MIG_TYPE_ERROR,
		   MACH_RCV_TOO_LARGE, 16);
	reply_case(R_OUT_ARRAY, M_NONE, "8 ints for a caller's buffer of 4",
		   MIG_ARRAY_TOO_LARGE, MIG_TYPE_ERROR, 4);
	reply_case(R_OUT_OOL, M_COMPLEX_CLEAR, "COMPLEX bit clear with out-of-line data",
		   MIG_TYPE_ERROR, MIG_TYPE_ERROR, 16);
	reply_case(R_OUT_OOL, M_INLINE_SET, "msgt_inline set on a pointer", MIG_TYPE_ERROR,
		   MIG_TYPE_ERROR, 16);
	reply_case(R_OUT_VSTRING, M_NO_NUL, "string without a NUL", MIG_TYPE_ERROR,
		   MIG_TYPE_ERROR, 16);
	reply_case(R_OUT_VSTRING, M_COUNT_HUGE, "string count 2^30", MIG_TYPE_ERROR,
		   MIG_TYPE_ERROR, 16);
	reply_case(R_OUT_VSTRING, M_COUNT_OVER, "string of 40 bytes for c_string[*:32]",
		   MIG_TYPE_ERROR, MACH_RCV_TOO_LARGE, 16);
}

int main(void)
{
	unsigned r;
	void *ool_region = NULL;

	mig_rt_init("neg", neg_server);
	reply = malloc(MIG_RT_REPLY_MAX);
	mig_rt_set_strict(true);
	if (capture() != 0)
		return mig_rt_finish();
	/* the request's out-of-line region (the receiver's copy) */
	memcpy(&ool_region, valid[R_OOL].b + HDR + 8, sizeof ool_region);

	for (r = 0; r < R_COUNT; r++) {
		if (r == R_OOL) {
			/* accepted once: the server function frees its copy,
			 * so give the later cases a region of their own */
			struct msg m = copy(&valid[r], valid[r].len);
			void *again = mig_rt_alloc(300);

			memcpy(again, ool_region, 300);
			expect("neg_ool: well-formed request accepted", m, KERN_SUCCESS);
			memcpy(valid[r].b + HDR + 8, &again, sizeof again);
			ool_region = again;
			continue;
		}
		cases_common(r);
	}
	/* malformed copies of the out-of-line request (the region must stay) */
	{
		const struct msg *v = &valid[R_OOL];

		expect("neg_ool: short by 8 bytes", copy(v, v->len - 8), MIG_BAD_ARGUMENTS);
		expect("neg_ool: long by 8 bytes", copy(v, v->len + 8), MIG_BAD_ARGUMENTS);
		struct msg m = copy(v, v->len);
		put32(&m, HDR, get32(&m, HDR) ^ (1u << 29));
		expect("neg_ool: msgt_inline set on a pointer", m, MIG_BAD_ARGUMENTS);
		m = copy(v, v->len);
		put32(&m, HDR, (get32(&m, HDR) & ~0xffu) | MACH_MSG_TYPE_INTEGER_32);
		expect("neg_ool: wrong msgt_name", m, MIG_BAD_ARGUMENTS);
	}
	cases_ids();
	cases_specific();
	cases_replies();

	mig_rt_begin("neg_ool: the request's region survived every rejection");
	MIG_RT_CHECK(mig_rt_is_region(ool_region), "the region was deallocated");
	mig_rt_end();
	if (mig_rt_is_region(ool_region))
		mig_rt_free(ool_region, 300);
	for (r = 0; r < R_COUNT; r++)
		free(valid[r].b);
	free(reply);
	return mig_rt_finish();
}
