/* SPDX-License-Identifier: MIT */
/*
 * layout.c - request and reply layouts (see layout.h).
 */
#include <stdlib.h>
#include <string.h>

#include "printer.h"
#include "layout.h"
#include "sig.h"

bool
mig_arg_count_in_request(const struct mig_arg *count)
{
	const struct mig_arg *parent;

	if (count == NULL || count->kind != MIG_ARG_COUNT || count->parent == NULL)
		return false;
	parent = count->parent;
	if (parent->kind != MIG_ARG_OUT)
		return false;
	return ((count->flags | parent->flags) & MIG_FL_COUNTINOUT) != 0;
}

uint32_t
mig_type_mult(const struct mig_type *t)
{
	const struct mig_type *rt = mig_type_resolved(t);
	const struct mig_type *e;

	if (rt == NULL || rt->element == NULL)
		return 1;
	e = mig_type_resolved(rt->element);
	if (e && !e->variable && e->number > 1)
		return e->number;
	return 1;
}

static uint64_t
desc_word(int name, unsigned size_bits, uint32_t number, bool is_inline,
	  bool longform, bool dealloc)
{
	uint64_t w = (uint64_t)((unsigned)name & 0xffu);

	w |= (uint64_t)(size_bits & 0xffffu) << 8;
	if (is_inline)
		w |= MIG_DESC_INLINE;
	if (longform)
		w |= MIG_DESC_LONGFORM;
	if (dealloc)
		w |= MIG_DESC_DEALLOC;
	w |= (uint64_t)number << 32;
	return w;
}

static const char *
raw_elem_ctype(unsigned bits)
{
	switch (bits) {
	case 8: return "uint8_t";
	case 16: return "uint16_t";
	case 32: return "uint32_t";
	case 64: return "uint64_t";
	default: return "uint8_t";
	}
}

/* Fill one item from an argument; returns -1 after a diagnostic. */
static int
make_item(struct mig_ctx *ctx, const struct mig_arg *arg, struct mig_item *it)
{
	const struct mig_type *t = arg->type;
	const struct mig_type *rt = mig_type_resolved(t);

	memset(it, 0, sizeof *it);
	it->arg = arg;
	it->type = t;
	it->field = arg->name;
	it->send_name = t->in_name;
	it->recv_name = t->out_name;
	it->size_bits = t->size_bits;
	it->number = t->number;
	it->variable = t->variable;
	it->is_inline = t->is_inline;
	it->longform = arg->longform;
	it->is_port = t->is_port;
	it->is_string = mig_type_is_string(t);
	it->polymorphic = t->polymorphic;
	it->dealloc = arg->dealloc;

	if (t->size_bits == 0 || t->size_bits % 8 != 0) {
		mig_diag(ctx, MIG_ERROR, arg->loc, "M0901",
			 "argument '%s': element size of %u bits cannot be laid out "
			 "(whole bytes needed)", arg->name, t->size_bits);
		return -1;
	}
	if (t->size_bits > 0xffff) {
		mig_diag(ctx, MIG_ERROR, arg->loc, "M0902",
			 "argument '%s': element size of %u bits does not fit msgt_size",
			 arg->name, t->size_bits);
		return -1;
	}
	if (t->variable && t->is_inline && t->number == 0) {
		mig_diag(ctx, MIG_ERROR, arg->loc, "M0903",
			 "argument '%s': an inline variable array needs a maximum size",
			 arg->name);
		return -1;
	}

	if (!t->is_inline) {
		it->storage = MIG_ST_OOL;
		it->elem_bytes = t->is_port ? 4 : t->size_bits / 8;
		it->max_bytes = 8;
	} else if (t->is_port) {
		it->elem_bytes = 8;
		it->storage = (t->number == 1 && !t->variable) ? MIG_ST_PORT : MIG_ST_PORT_ARRAY;
		it->max_bytes = 8ull * t->number;
	} else {
		it->elem_bytes = t->size_bits / 8;
		it->max_bytes = (uint64_t)it->elem_bytes * t->number;
		if (it->is_string) {
			it->storage = MIG_ST_ARRAY;
			it->elem_ctype = "char";
		} else if (t->variable || rt->kind == MIG_TYPE_ARRAY) {
			it->storage = MIG_ST_ARRAY;
			it->elem_ctype = raw_elem_ctype(t->size_bits);
		} else {
			it->storage = MIG_ST_SCALAR;
		}
	}
	it->slot_bytes = mig_round8(it->max_bytes);
	it->mult = t->variable ? mig_type_mult(t) : 1;
	if (it->max_bytes > MIG_MSG_SIZE_LIMIT) {
		mig_diag(ctx, MIG_ERROR, arg->loc, "M0904",
			 "argument '%s': %llu bytes do not fit in a message",
			 arg->name, (unsigned long long)it->max_bytes);
		return -1;
	}
	{
		bool dealloc = !t->is_inline && arg->dealloc == MIG_DEALLOC_ALWAYS;
		int sn = it->send_name == MIG_TN_POLYMORPHIC ? 0 : it->send_name;
		int rn = it->recv_name == MIG_TN_POLYMORPHIC ? 0 : it->recv_name;

		it->send_desc = desc_word(sn, t->size_bits, t->number, t->is_inline,
					  arg->longform, dealloc);
		it->recv_desc = desc_word(rn, t->size_bits, t->number, t->is_inline,
					  arg->longform, false);
	}
	return 0;
}

/* The Cnt of a countinout array, sent as an INTEGER_32 datum. */
static void
make_count_item(const struct mig_arg *cnt, struct mig_item *it)
{
	memset(it, 0, sizeof *it);
	it->arg = cnt;
	it->type = cnt->type;
	it->field = cnt->name;
	it->storage = MIG_ST_SCALAR;
	it->send_name = it->recv_name = MIG_TN_INTEGER_32;
	it->size_bits = 32;
	it->number = 1;
	it->is_inline = true;
	it->elem_bytes = 4;
	it->max_bytes = 4;
	it->slot_bytes = 8;
	it->mult = 1;
	it->send_desc = it->recv_desc = desc_word(MIG_TN_INTEGER_32, 32, 1, true, false, false);
}

static bool
arg_in_msg(const struct mig_arg *a, bool reply)
{
	switch (a->kind) {
	case MIG_ARG_IN:
		return !reply;
	case MIG_ARG_OUT:
		return reply;
	case MIG_ARG_INOUT:
		return true;
	case MIG_ARG_COUNT:
		return !reply && mig_arg_count_in_request(a);
	default:
		return false;
	}
}

static int
layout_msg(struct mig_ctx *ctx, const struct mig_routine *rt, bool reply,
	   struct mig_msg *m)
{
	const struct mig_arg *a;
	unsigned n = 0, i, seg;
	uint64_t cur, total_max, total_min;

	memset(m, 0, sizeof *m);
	m->is_reply = reply;
	for (a = rt->args; a; a = a->next)
		if (arg_in_msg(a, reply))
			n++;
	m->items = calloc(n ? n : 1, sizeof *m->items);
	m->segments = calloc(n + 1, sizeof *m->segments);
	if (m->items == NULL || m->segments == NULL) {
		mig_diag(ctx, MIG_FATAL, rt->loc, "M0900", "out of memory");
		return -1;
	}
	i = 0;
	for (a = rt->args; a; a = a->next) {
		if (!arg_in_msg(a, reply))
			continue;
		if (a->kind == MIG_ARG_COUNT)
			make_count_item(a, &m->items[i]);
		else if (make_item(ctx, a, &m->items[i]) != 0)
			return -1;
		i++;
	}
	m->nitems = n;

	/* Segments. */
	seg = 0;
	cur = reply ? MIG_REPLY_HEADER_SIZE : MIG_HEADER_SIZE;
	m->segments[0].offset = 0;
	m->segments[0].first_item = 0;
	total_max = 0;
	total_min = 0;
	for (i = 0; i < n; i++) {
		struct mig_item *it = &m->items[i];

		it->segment = seg;
		it->desc_offset = cur;
		it->data_offset = cur + MIG_DESC_SIZE;
		cur += MIG_DESC_SIZE + it->slot_bytes;
		m->segments[seg].nitems++;
		if (it->storage == MIG_ST_OOL)
			m->has_ool = true;
		/* a polymorphic port always carries a right: complex too */
		if (it->is_port && it->storage != MIG_ST_OOL)
			m->has_ports = true;
		if (it->polymorphic && !it->is_port)
			m->has_poly = true;
		if (it->variable && it->is_inline) {
			it->ends_segment = true;
			m->segments[seg].size = cur;
			m->segments[seg].fixed_size = cur - it->slot_bytes;
			total_max += cur;
			total_min += cur - it->slot_bytes;
			seg++;
			m->segments[seg].offset = total_max;
			m->segments[seg].first_item = i + 1;
			cur = 0;
		}
	}
	m->segments[seg].size = cur;
	m->segments[seg].fixed_size = cur;
	total_max += cur;
	total_min += cur;
	m->nsegments = seg + 1;
	/* A trailing empty segment (the message ends with a variable datum)
	 * is kept: it has size 0 and no items. */
	m->min_size = total_min;
	m->max_size = total_max;
	m->fixed = (seg == 0);
	m->always_complex = m->has_ool || m->has_ports;
	if (total_max > MIG_MSG_SIZE_LIMIT) {
		mig_diag(ctx, MIG_ERROR, rt->loc, "M0905",
			 "routine '%s': its %s can reach %llu bytes, more than mig lays out",
			 rt->name, reply ? "reply" : "request",
			 (unsigned long long)total_max);
		return -1;
	}
	return 0;
}

int
mig_layout_routine(struct mig_ctx *ctx, const struct mig_routine *routine,
		   struct mig_layout *out)
{
	memset(out, 0, sizeof *out);
	out->routine = routine;
	if (layout_msg(ctx, routine, false, &out->request) != 0)
		return -1;
	if (routine->kind == MIG_ROUTINE) {
		if (layout_msg(ctx, routine, true, &out->reply) != 0)
			return -1;
	}
	return 0;
}

void
mig_layout_free(struct mig_layout *layout)
{
	free(layout->request.items);
	free(layout->request.segments);
	free(layout->reply.items);
	free(layout->reply.segments);
	memset(layout, 0, sizeof *layout);
}

unsigned
mig_item_array_len(const struct mig_item *it)
{
	unsigned w = 1;

	if (it->storage == MIG_ST_PORT_ARRAY)
		return it->number;
	if (it->elem_ctype && strcmp(it->elem_ctype, "uint16_t") == 0)
		w = 2;
	else if (it->elem_ctype && strcmp(it->elem_ctype, "uint32_t") == 0)
		w = 4;
	else if (it->elem_ctype && strcmp(it->elem_ctype, "uint64_t") == 0)
		w = 8;
	return (unsigned)(it->max_bytes / w);
}

static const char *
scalar_ctype(const struct mig_item *it, bool server)
{
	if (it->arg->kind == MIG_ARG_COUNT)
		return "mach_msg_type_number_t";
	if (server && it->type->intran.func && it->type->intran.from_type)
		return it->type->intran.from_type;
	if (server && it->type->outtran.func && it->type->outtran.to_type)
		return it->type->outtran.to_type;
	return server ? it->type->server_ctype : it->type->user_ctype;
}

void
mig_layout_print_structs(struct mig_printer *p, const struct mig_msg *m,
			 const char *base, bool server)
{
	unsigned s, i;

	for (s = 0; s < m->nsegments; s++) {
		const struct mig_segment *sg = &m->segments[s];

		if (s > 0 && sg->nitems == 0)
			continue;
		mp_open(p, "typedef struct {");
		if (s == 0) {
			mp_line(p, "mach_msg_header_t Head;");
			if (m->is_reply) {
				mp_line(p, "uint64_t RetCodeType;");
				mp_line(p, "kern_return_t RetCode;");
			}
		}
		for (i = sg->first_item; i < sg->first_item + sg->nitems; i++) {
			const struct mig_item *it = &m->items[i];

			mp_line(p, "uint64_t %sType;", it->field);
			switch (it->storage) {
			case MIG_ST_SCALAR:
				mp_line(p, "%s %s;", scalar_ctype(it, server), it->field);
				break;
			case MIG_ST_ARRAY:
				mp_line(p, "%s %s[%u];", it->elem_ctype, it->field,
					mig_item_array_len(it));
				break;
			case MIG_ST_PORT:
			case MIG_ST_OOL:
				mp_line(p, "uint64_t %s;", it->field);
				break;
			case MIG_ST_PORT_ARRAY:
				mp_line(p, "uint64_t %s[%u];", it->field, it->number);
				break;
			}
		}
		if (s == 0)
			mp_close(p, "} %s;", base);
		else
			mp_close(p, "} %s%u;", base, s);
		mp_line(p, "_Static_assert(sizeof(%s%.0u) == %llu, \"%s%.0u layout\");",
			base, s, (unsigned long long)sg->size, base, s);
	}
}

const char *
mig_desc_hex(uint64_t w, char buf[24])
{
	snprintf(buf, 24, "0x%016llxULL", (unsigned long long)w);
	return buf;
}

const char *
mig_layout_size_cond(const struct mig_msg *m, const char *size, const char *bits,
		     const char *hw, char *buf, size_t n)
{
	int k;

	if (m->fixed && hw) {
		/* msgh_bits and msgh_size are one little-endian 64-bit word:
		 * the size and the COMPLEX bit in one compare */
		uint64_t want = (uint64_t)m->min_size << 32;
		uint64_t mask = 0xffffffff80000000ull;

		if (m->always_complex)
			want |= 0x80000000ull;
		else if (m->has_poly)
			mask = 0xffffffff00000000ull;
		snprintf(buf, n, "(%s & 0x%016llxULL) != 0x%016llxULL", hw,
			 (unsigned long long)mask, (unsigned long long)want);
		return buf;
	}
	if (m->fixed)
		k = snprintf(buf, n, "%s != %llu", size, (unsigned long long)m->min_size);
	else
		/* enough for the fixed part; the walk over the variable data
		 * then checks each segment fits and the end is exact */
		k = snprintf(buf, n, "%s < %llu", size, (unsigned long long)m->min_size);
	if (k < 0 || (size_t)k >= n)
		return buf;
	if (m->always_complex)
		snprintf(buf + k, n - (size_t)k, " || !(%s & MACH_MSGH_BITS_COMPLEX)", bits);
	else if (!m->has_poly)
		snprintf(buf + k, n - (size_t)k, " || (%s & MACH_MSGH_BITS_COMPLEX)", bits);
	return buf;
}

void
mig_layout_print_check(struct mig_printer *p, const struct mig_msg *m,
		       const struct mig_check_opts *o)
{
	char h1[24], h2[24];
	unsigned s, i;

	/* Size first: nothing past the header is read before it. */
	if (!o->skip_size) {
		char cond[512];

		mp_open(p, "if (mig_unlikely(%s))",
			mig_layout_size_cond(m, o->size, o->bits, o->hw, cond, sizeof cond));
		mp_line(p, "%s", o->fail);
		mp_outdent(p);
	}

	for (s = 0; s < m->nsegments; s++) {
		const struct mig_segment *sg = &m->segments[s];

		for (i = sg->first_item; i < sg->first_item + sg->nitems; i++) {
			const struct mig_item *it = &m->items[i];
			char d[300];

			snprintf(d, sizeof d, "%s%uP->%sType", o->ptr, s, it->field);
			if (it->polymorphic) {
				/* the name comes at run time: compare the rest */
				uint64_t mask = it->variable ? (MIG_DESC_WORD0_MASK & ~MIG_DESC_NAME_MASK)
							     : ~MIG_DESC_NAME_MASK;
				if (!it->is_inline)
					mask &= ~MIG_DESC_DEALLOC;
				mp_open(p, "if (mig_unlikely((%s & %s) != %s ||", d,
					mig_desc_hex(mask, h1), mig_desc_hex(it->recv_desc & mask, h2));
				if (it->is_port)
					mp_line(p, "!MACH_MSG_TYPE_PORT_ANY(%s & 0xff)))", d);
				else
					mp_line(p, "MACH_MSG_TYPE_PORT_ANY(%s & 0xff)))", d);
				mp_line(p, "%s", o->fail);
				mp_outdent(p);
				if (!it->variable)
					continue;
			} else if (!it->variable) {
				if (it->is_inline)
					mp_open(p, "if (mig_unlikely(%s != %s))", d,
						mig_desc_hex(it->recv_desc, h1));
				else
					mp_open(p, "if (mig_unlikely((%s & ~MIG_DESC_DEALLOC_BIT) != %s))",
						d, mig_desc_hex(it->recv_desc, h1));
				mp_line(p, "%s", o->fail);
				mp_outdent(p);
			} else {
				uint64_t mask = MIG_DESC_WORD0_MASK;

				if (!it->is_inline)
					mask &= ~MIG_DESC_DEALLOC;
				if (it->number != 0 && it->mult > 1)
					mp_open(p, "if (mig_unlikely((%s & %s) != %s || (%s >> 32) > %u || (%s >> 32) %% %u != 0))",
						d, mig_desc_hex(mask, h1),
						mig_desc_hex(it->recv_desc & mask, h2), d, it->number,
						d, it->mult);
				else if (it->number != 0)
					mp_open(p, "if (mig_unlikely((%s & %s) != %s || (%s >> 32) > %u))",
						d, mig_desc_hex(mask, h1),
						mig_desc_hex(it->recv_desc & mask, h2), d, it->number);
				else if (it->mult > 1)
					mp_open(p, "if (mig_unlikely((%s & %s) != %s || (%s >> 32) %% %u != 0))",
						d, mig_desc_hex(mask, h1),
						mig_desc_hex(it->recv_desc & mask, h2), d, it->mult);
				else
					mp_open(p, "if (mig_unlikely((%s & %s) != %s))",
						d, mig_desc_hex(mask, h1),
						mig_desc_hex(it->recv_desc & mask, h2));
				mp_line(p, "%s", o->fail);
				mp_outdent(p);
			}
			if (it->variable)
				mp_line(p, "mach_msg_type_number_t %sn_%s = (mach_msg_type_number_t)(%s >> 32);",
					o->var, it->field, d);
			if (it->ends_segment) {
				const struct mig_segment *nx = &m->segments[s + 1];
				bool last = (s + 1 == m->nsegments - 1);

				/* where the next segment starts, and that it fits */
				if (s > 0)
					mp_line(p, "uint64_t %soff%u = %soff%u + %llu +", o->var, s + 1,
						o->var, s, (unsigned long long)it->data_offset);
				else
					mp_line(p, "uint64_t %soff%u = %llu +", o->var, s + 1,
						(unsigned long long)it->data_offset);
				mp_line(p, "\t(((uint64_t)%sn_%s * %u + 7) & ~(uint64_t)7);",
					o->var, it->field, it->elem_bytes);
				if (last && nx->size == 0)
					mp_open(p, "if (mig_unlikely(%soff%u != %s))", o->var, s + 1, o->size);
				else if (last)
					mp_open(p, "if (mig_unlikely(%soff%u + %llu != %s))", o->var, s + 1,
						(unsigned long long)nx->size, o->size);
				else
					mp_open(p, "if (mig_unlikely(%soff%u + %llu > %s))", o->var, s + 1,
						(unsigned long long)nx->fixed_size, o->size);
				mp_line(p, "%s", o->fail);
				mp_outdent(p);
				if (nx->nitems > 0)
					mp_line(p, "%s%u *%s%uP = (%s%u *)((char *)%s0P + %soff%u);",
						o->base, s + 1, o->ptr, s + 1, o->base, s + 1,
						o->ptr, o->var, s + 1);
			}
			if (it->is_string && it->is_inline) {
				if (it->variable) {
					mp_open(p, "if (mig_unlikely(%sn_%s == 0 || %s%uP->%s[%sn_%s - 1] != '\\0'))",
						o->var, it->field, o->ptr, s, it->field, o->var, it->field);
				} else {
					mp_open(p, "if (mig_unlikely(!mig_has_nul(%s%uP->%s, %llu)))",
						o->ptr, s, it->field,
						(unsigned long long)it->max_bytes);
				}
				mp_line(p, "%s", o->fail);
				mp_outdent(p);
			}
		}
	}
}
