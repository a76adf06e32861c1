/* SPDX-License-Identifier: MIT */
/*
 * emit_server.c - the server stubs and the demultiplexer (<sub>Server.c).
 *
 * A server stub trusts nothing: it checks the whole request (size before
 * anything past the header, the COMPLEX bit before any out-of-line pointer,
 * every descriptor word, counts against their bounds, NUL termination)
 * and rejects with MIG_BAD_ARGUMENTS without reading past the message and
 * without touching what arrived (the server loop destroys a request whose
 * RetCode is an error, as with GNU MIG).  Then it translates (intran),
 * calls the server function with pointers into the request for in data
 * and into the reply for out data, runs destructors, and lays out the
 * reply.  The demultiplexer computes the routine index in unsigned
 * arithmetic, so any msgh_id is safe.
 */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "printer.h"
#include "sig.h"

struct sctx {
	struct mig_ctx *ctx;
	const struct mig_subsystem *ss;
	struct mig_printer *p;
	const struct mig_routine *rt;
	struct mig_sig *sig;
	struct mig_layout lay;
};

static const struct mig_item *
find_item(const struct mig_msg *m, const struct mig_arg *a)
{
	unsigned i;

	for (i = 0; i < m->nitems; i++)
		if (m->items[i].arg == a)
			return &m->items[i];
	return NULL;
}

/* A reply item whose descriptor is a constant: written before the call
 * (nothing to keep in a register across it). */
static bool
static_desc(const struct mig_item *it)
{
	return !it->variable && !(it->polymorphic && it->send_name == MIG_TN_POLYMORPHIC) &&
	       !(!it->is_inline && it->dealloc == MIG_DEALLOC_MAYBE);
}

/* An out port or out-of-line pointer the server function stores straight
 * into the reply (no translation, not inout). */
static bool
direct_slot(const struct mig_item *it)
{
	const struct mig_type *t = it->type;

	return (it->storage == MIG_ST_PORT || it->storage == MIG_ST_OOL) &&
	       it->arg->kind == MIG_ARG_OUT && !t->outtran.func && !t->intran.func;
}

/* The element type of an array parameter, whatever its C type is (an
 * array typedef or a pointer typedef): the type of (*(T *)0)[0]. */
static void
param_elem_type(const struct mig_param *pp, char *buf, size_t n)
{
	const char *ct = pp->ctype;

	if (strncmp(ct, "const ", 6) == 0)
		ct += 6;
	snprintf(buf, n, "__typeof__((*(%s *)0)[0])", ct);
}

/* The expression of a received (request) datum, before translation. */
static void
request_value(const struct mig_item *it, char *buf, size_t n, const char *ctype)
{
	switch (it->storage) {
	case MIG_ST_SCALAR:
		snprintf(buf, n, "In%uP->%s", it->segment, it->field);
		break;
	case MIG_ST_PORT:
	case MIG_ST_OOL:
		snprintf(buf, n, "(%s)(uintptr_t)In%uP->%s", ctype, it->segment, it->field);
		break;
	case MIG_ST_ARRAY:
		snprintf(buf, n, "(void *)In%uP->%s", it->segment, it->field);
		break;
	case MIG_ST_PORT_ARRAY:
		snprintf(buf, n, "mig_a_%s", it->field);
		break;
	}
}

static void
emit_stub(struct sctx *s)
{
	struct mig_printer *p = s->p;
	const struct mig_routine *rt = s->rt;
	const struct mig_msg *rq = &s->lay.request, *rp = &s->lay.reply;
	bool routine = rt->kind == MIG_ROUTINE;
	/* one argument text per parameter of the server function */
	char (*args)[1200];
	unsigned nargs = 0, i, k;
	char h[24], h2[512];

	mp_line(p, "/* %s %s */", routine ? "Routine" : "SimpleRoutine", rt->name);
	mp_line(p, "static void");
	mp_line(p, "%s(mach_msg_header_t *InHeadP, mach_msg_header_t *OutHeadP)",
		mig_server_stub_name(s->ss, rt, h2, sizeof h2));
	mp_open(p, "{");
	mig_layout_print_structs(p, rq, "Request", true);
	if (routine)
		mig_layout_print_structs(p, rp, "Reply", true);
	else
		mp_line(p, "typedef mig_reply_header_t Reply;");
	mp_line(p, "Request *In0P = (Request *)InHeadP;");
	mp_line(p, "Reply *Out0P = (Reply *)OutHeadP;");
	if (rq->fixed) {
		mp_line(p, "uint64_t mig_hw;");
		mp_line(p, "__builtin_memcpy(&mig_hw, InHeadP, 8);");
	} else {
		mp_line(p, "mach_msg_size_t mig_size = InHeadP->msgh_size;");
		mp_line(p, "mach_msg_bits_t mig_bits = InHeadP->msgh_bits;");
	}
	mp_blank(p);
	{
		struct mig_check_opts o = {
			.base = "Request", .ptr = "In",
			.fail = "{ Out0P->RetCode = MIG_BAD_ARGUMENTS; return; }",
			.size = "mig_size", .bits = "mig_bits", .var = "mig_",
			.hw = "mig_hw",
		};
		mig_layout_print_check(p, rq, &o);
	}
	if (routine) {
		for (k = 1; k < rp->nsegments; k++)
			if (rp->segments[k].nitems > 0)
				mp_line(p, "Reply%u *Out%uP = (Reply%u *)((char *)Out0P + %llu);",
					k, k, k, (unsigned long long)rp->segments[k].offset);
	}
	mp_blank(p);

	/* arguments of the server function, in its parameter order */
	args = calloc(s->sig->nparams ? s->sig->nparams : 1, sizeof *args);
	if (args == NULL) {
		mig_diag(s->ctx, MIG_FATAL, rt->loc, "M0900", "out of memory");
		return;
	}
	for (i = 0; i < s->sig->nparams; i++) {
		const struct mig_param *pp = &s->sig->params[i];
		const struct mig_arg *a = pp->arg;
		const struct mig_type *t = a->type;
		char *out = args[nargs++];
		size_t n = sizeof args[0];
		const struct mig_item *it;

		switch (pp->role) {
		case MIG_PR_REQUEST_PORT: {
			char raw[200];

			snprintf(raw, sizeof raw, "In0P->Head.msgh_local_port");
			if (t->intran.func || t->intranpayload.func) {
				const char *from = t->intran.from_type ? t->intran.from_type : "mach_port_t";

				if (t->intranpayload.func && t->intran.func)
					mp_line(p, "%s mig_t_%s = MACH_MSGH_BITS_LOCAL(InHeadP->msgh_bits) == MACH_MSG_TYPE_PROTECTED_PAYLOAD ? %s((%s)In0P->Head.msgh_protected_payload) : %s((%s)(uintptr_t)%s);",
						pp->ctype, a->name, t->intranpayload.func,
						t->intranpayload.from_type ? t->intranpayload.from_type : "rpc_uintptr_t",
						t->intran.func, from, raw);
				else if (t->intranpayload.func)
					mp_line(p, "%s mig_t_%s = MACH_MSGH_BITS_LOCAL(InHeadP->msgh_bits) == MACH_MSG_TYPE_PROTECTED_PAYLOAD ? %s((%s)In0P->Head.msgh_protected_payload) : (%s)(uintptr_t)%s;",
						pp->ctype, a->name, t->intranpayload.func,
						t->intranpayload.from_type ? t->intranpayload.from_type : "rpc_uintptr_t",
						pp->ctype, raw);
				else
					mp_line(p, "%s mig_t_%s = %s((%s)(uintptr_t)%s);", pp->ctype,
						a->name, t->intran.func, from, raw);
				snprintf(out, n, "mig_t_%s", a->name);
			} else if (t->destructor.func) {
				mp_line(p, "%s mig_t_%s = (%s)(uintptr_t)%s;", pp->ctype, a->name,
					pp->ctype, raw);
				snprintf(out, n, "mig_t_%s", a->name);
			} else {
				snprintf(out, n, "(%s)(uintptr_t)%s", pp->ctype, raw);
			}
			break;
		}
		case MIG_PR_REPLY_PORT:
			if (t->intran.func) {
				mp_line(p, "%s mig_t_%s = %s((%s)(uintptr_t)In0P->Head.msgh_remote_port);",
					pp->ctype, a->name, t->intran.func,
					t->intran.from_type ? t->intran.from_type : "mach_port_t");
				snprintf(out, n, "mig_t_%s", a->name);
			} else {
				snprintf(out, n, "(%s)(uintptr_t)In0P->Head.msgh_remote_port", pp->ctype);
			}
			break;
		case MIG_PR_MSGSEQNO:
			snprintf(out, n, "In0P->Head.msgh_seqno");
			break;
		case MIG_PR_WAITTIME:
		case MIG_PR_MSGOPTION:
			snprintf(out, n, "0");
			break;
		case MIG_PR_POLY: {
			const struct mig_arg *par = a->parent;

			if (par->kind == MIG_ARG_REPLY_PORT || par->kind == MIG_ARG_SREPLY_PORT) {
				snprintf(out, n, "MACH_MSGH_BITS_REMOTE(InHeadP->msgh_bits)");
			} else if (pp->by_ref) {
				mp_line(p, "mach_msg_type_name_t mig_p_%s = 0;", par->name);
				snprintf(out, n, "&mig_p_%s", par->name);
			} else if ((it = find_item(rq, par)) != NULL) {
				snprintf(out, n, "(mach_msg_type_name_t)(In%uP->%sType & 0xff)",
					 it->segment, it->field);
			} else {
				snprintf(out, n, "0");
			}
			break;
		}
		case MIG_PR_SCOPY:
			it = find_item(rq, a->parent);
			if (it)
				snprintf(out, n, "(In%uP->%sType & MIG_DESC_DEALLOC_BIT) ? 0 : 1",
					 it->segment, it->field);
			else
				snprintf(out, n, "0");
			break;
		case MIG_PR_DEALLOC:
			mp_line(p, "boolean_t mig_d_%s = 0;", a->parent->name);
			snprintf(out, n, "&mig_d_%s", a->parent->name);
			break;
		case MIG_PR_COUNT: {
			const struct mig_arg *par = a->parent;
			const struct mig_item *in = find_item(rq, par);
			const struct mig_item *ci = find_item(rq, a);

			const struct mig_item *oi2 = routine ? find_item(rp, par) : NULL;
			unsigned mult = in ? in->mult : oi2 ? oi2->mult : 1;
			unsigned cmax = par->type->number / (mult ? mult : 1);

			if (!pp->by_ref) {
				if (in && in->variable && mult > 1)
					snprintf(out, n, "mig_n_%s / %u", in->field, mult);
				else if (in && in->variable)
					snprintf(out, n, "mig_n_%s", in->field);
				else
					snprintf(out, n, "%u", par->type->number);
				break;
			}
			/* out: the capacity, the server stores the count */
			if (ci && par->type->number != 0)
				mp_line(p, "mach_msg_type_number_t mig_c_%s = In%uP->%s < %u ? In%uP->%s : %u;",
					par->name, ci->segment, ci->field, cmax,
					ci->segment, ci->field, cmax);
			else if (ci)
				mp_line(p, "mach_msg_type_number_t mig_c_%s = In%uP->%s;",
					par->name, ci->segment, ci->field);
			else if (par->kind == MIG_ARG_INOUT && in && in->variable)
				mp_line(p, "mach_msg_type_number_t mig_c_%s = mig_n_%s / %u;", par->name,
					in->field, mult);
			else if (par->type->is_inline)
				mp_line(p, "mach_msg_type_number_t mig_c_%s = %u;", par->name, cmax);
			else
				mp_line(p, "mach_msg_type_number_t mig_c_%s = 0;", par->name);
			snprintf(out, n, "&mig_c_%s", par->name);
			break;
		}
		case MIG_PR_DATA: {
			const struct mig_item *ri = find_item(rq, a);	/* in request */
			const struct mig_item *oi = routine ? find_item(rp, a) : NULL;

			if (a->kind == MIG_ARG_IN && ri) {
				char raw[400];
				const char *from = t->intran.func && t->intran.from_type
						   ? t->intran.from_type : pp->ctype;

				if (ri->storage == MIG_ST_PORT_ARRAY) {
					char et[MIG_SIG_TYPE_MAX + 64];

					param_elem_type(pp, et, sizeof et);
					mp_line(p, "typedef %s mig_e_%s_t;", et, ri->field);
					snprintf(et, sizeof et, "mig_e_%s_t", ri->field);
					/* 8-byte rights (kernel pointers) are the slots
					   themselves; 32-bit names are copied out of them */
					mp_line(p, "%s *mig_a_%s = (void *)In%uP->%s;", et, ri->field,
						ri->segment, ri->field);
					mp_line(p, "%s mig_b_%s[sizeof(%s) == 8 ? 1 : %u];", et, ri->field,
						et, ri->number);
					mp_open(p, "if (sizeof(%s) != 8) {", et);
					if (ri->variable)
						mp_open(p, "for (mach_msg_type_number_t mig_i = 0; mig_i < mig_n_%s; mig_i++)",
							ri->field);
					else
						mp_open(p, "for (mach_msg_type_number_t mig_i = 0; mig_i < %u; mig_i++)",
							ri->number);
					mp_line(p, "mig_b_%s[mig_i] = (%s)(uintptr_t)In%uP->%s[mig_i];",
						ri->field, et, ri->segment, ri->field);
					mp_outdent(p);
					mp_line(p, "mig_a_%s = mig_b_%s;", ri->field, ri->field);
					mp_close(p, "}");
				}
				request_value(ri, raw, sizeof raw, from);
				if (t->intran.func || t->destructor.func) {
					mp_line(p, "%s mig_t_%s = %s(%s);", pp->ctype, a->name,
						t->intran.func ? t->intran.func : "", raw);
					snprintf(out, n, "mig_t_%s", a->name);
				} else {
					snprintf(out, n, "%s", raw);
				}
				break;
			}
			if (oi == NULL) {
				snprintf(out, n, "0");
				break;
			}
			/* out or inout */
			switch (oi->storage) {
			case MIG_ST_SCALAR:
				if (t->outtran.func || t->intran.func) {
					if (a->kind == MIG_ARG_INOUT && ri)
						mp_line(p, "%s mig_o_%s = %s(In%uP->%s);", pp->ctype,
							a->name, t->intran.func ? t->intran.func : "",
							ri->segment, ri->field);
					else
						mp_line(p, "%s mig_o_%s;", pp->ctype, a->name);
					snprintf(out, n, "&mig_o_%s", a->name);
				} else {
					if (a->kind == MIG_ARG_INOUT && ri)
						mp_line(p, "Out%uP->%s = In%uP->%s;", oi->segment,
							oi->field, ri->segment, ri->field);
					snprintf(out, n, "&Out%uP->%s", oi->segment, oi->field);
				}
				break;
			case MIG_ST_PORT:
			case MIG_ST_OOL:
				if (a->kind == MIG_ARG_INOUT && ri) {
					char raw[400];

					request_value(ri, raw, sizeof raw,
						      t->intran.func && t->intran.from_type
						      ? t->intran.from_type : pp->ctype);
					if (t->intran.func)
						mp_line(p, "%s mig_o_%s = %s(%s);", pp->ctype, a->name,
							t->intran.func, raw);
					else
						mp_line(p, "%s mig_o_%s = %s;", pp->ctype, a->name, raw);
				} else if (direct_slot(oi)) {
					/* the server function stores into the slot (zeroed:
					   a 32-bit name fills its low half) */
					mp_line(p, "Out%uP->%s = 0;", oi->segment, oi->field);
					snprintf(out, n, "(%s *)&Out%uP->%s", pp->ctype, oi->segment,
						 oi->field);
					break;
				} else {
					mp_line(p, "%s mig_o_%s;", pp->ctype, a->name);
				}
				snprintf(out, n, "&mig_o_%s", a->name);
				break;
			case MIG_ST_ARRAY:
				if (a->kind == MIG_ARG_INOUT && ri)
					mp_line(p, "__builtin_memcpy(Out%uP->%s, In%uP->%s, %s%s%s%llu);",
						oi->segment, oi->field, ri->segment, ri->field,
						ri->variable ? "(size_t)mig_n_" : "",
						ri->variable ? ri->field : "",
						ri->variable ? " * " : "",
						(unsigned long long)(ri->variable ? ri->elem_bytes
								     : ri->max_bytes));
				snprintf(out, n, "(void *)Out%uP->%s", oi->segment, oi->field);
				break;
			case MIG_ST_PORT_ARRAY:
				{
					char et[MIG_SIG_TYPE_MAX + 64];

					param_elem_type(pp, et, sizeof et);
					mp_line(p, "typedef %s mig_e_%s_t;", et, oi->field);
					snprintf(et, sizeof et, "mig_e_%s_t", oi->field);
					mp_line(p, "%s mig_b_%s[sizeof(%s) == 8 ? 1 : %u];", et, oi->field,
						et, oi->number);
					mp_line(p, "%s *mig_a_%s = sizeof(%s) == 8 ? (void *)Out%uP->%s : (void *)mig_b_%s;",
						et, oi->field, et, oi->segment, oi->field, oi->field);
				}
				snprintf(out, n, "mig_a_%s", oi->field);
				break;
			}
			break;
		}
		}
	}

	/* constant reply descriptors (moved with their segment if need be) */
	if (routine) {
		for (i = 0; i < rp->nitems; i++) {
			const struct mig_item *it = &rp->items[i];

			if (static_desc(it))
				mp_line(p, "Out%uP->%sType = %s;", it->segment, it->field,
					mig_desc_hex(it->send_desc, h));
		}
	}

	/* the call */
	{
		unsigned j;

		mp_line(p, "Out0P->RetCode = %s(", rt->server_name);
		mp_indent(p);
		for (j = 0; j < nargs; j++)
			mp_line(p, "%s%s", args[j], j + 1 < nargs ? "," : ");");
		if (nargs == 0)
			mp_line(p, ");");
		mp_outdent(p);
		free(args);
	}
	/* destructors of translated in data */
	for (i = 0; i < s->sig->nparams; i++) {
		const struct mig_param *pp = &s->sig->params[i];
		const struct mig_type *t = pp->arg->type;

		if ((pp->role == MIG_PR_DATA && pp->arg->kind == MIG_ARG_IN) ||
		    pp->role == MIG_PR_REQUEST_PORT || pp->role == MIG_PR_REPLY_PORT) {
			if (t->destructor.func &&
			    (pp->role != MIG_PR_REPLY_PORT || t->intran.func))
				mp_line(p, "%s(mig_t_%s);", t->destructor.func, pp->arg->name);
		}
	}
	if (!routine) {
		mp_close(p, "}");
		mp_blank(p);
		return;
	}
	if (rp->nitems == 0) {
		mp_close(p, "}");
		mp_blank(p);
		return;
	}
	mp_open(p, "if (mig_unlikely(Out0P->RetCode != KERN_SUCCESS))");
	mp_line(p, "return;");
	mp_outdent(p);

	/* counts the server stored: within the buffers it was given */
	for (i = 0; i < rp->nitems; i++) {
		const struct mig_item *it = &rp->items[i];

		if (!it->variable && it->is_string && it->is_inline) {
			/* a fixed string always travels NUL-terminated (a no-op
			   for any string that fits its buffer) */
			mp_line(p, "Out%uP->%s[%llu] = '\\0';", it->segment, it->field,
				(unsigned long long)it->max_bytes - 1);
			continue;
		}
		if (!it->variable)
			continue;
		if (it->is_string && !it->arg->count) {
			mp_line(p, "mach_msg_type_number_t mig_cn_%s = mig_strsize(Out%uP->%s, %llu);",
				it->field, it->segment, it->field,
				(unsigned long long)it->max_bytes);
			continue;
		}
		if (it->number != 0) {
			mp_open(p, "if (mig_unlikely(mig_c_%s > %u)) {", it->arg->name,
				it->number / it->mult);
			mp_line(p, "Out0P->RetCode = MIG_ARRAY_TOO_LARGE;");
			mp_line(p, "return;");
			mp_close(p, "}");
		}
		if (it->mult > 1 && it->number == 0) {
			/* unbounded (out of line): the message count must not wrap */
			mp_open(p, "if (mig_unlikely(mig_c_%s > %uu)) {", it->arg->name,
				0xffffffffu / it->mult);
			mp_line(p, "Out0P->RetCode = MIG_ARRAY_TOO_LARGE;");
			mp_line(p, "return;");
			mp_close(p, "}");
		}
		if (it->mult > 1)
			mp_line(p, "mach_msg_type_number_t mig_cn_%s = mig_c_%s * %u;",
				it->arg->name, it->arg->name, it->mult);
		else
			mp_line(p, "mach_msg_type_number_t mig_cn_%s = mig_c_%s;",
				it->arg->name, it->arg->name);
	}
	/* move the segments after variable data to their places */
	for (k = 1; k < rp->nsegments; k++) {
		const struct mig_item *vi = &rp->items[rp->segments[k].first_item - 1];
		const struct mig_segment *sg = &rp->segments[k];

		if (k == 1)
			mp_line(p, "uint64_t mig_roff1 = %llu + (((uint64_t)mig_cn_%s * %u + 7) & ~(uint64_t)7);",
				(unsigned long long)vi->data_offset, vi->arg->kind == MIG_ARG_COUNT
				? vi->field : vi->arg->name, vi->elem_bytes);
		else
			mp_line(p, "uint64_t mig_roff%u = mig_roff%u + %llu + (((uint64_t)mig_cn_%s * %u + 7) & ~(uint64_t)7);",
				k, k - 1, (unsigned long long)vi->data_offset, vi->arg->name,
				vi->elem_bytes);
		if (sg->nitems > 0) {
			const struct mig_item *last = &rp->items[sg->first_item + sg->nitems - 1];

			mp_open(p, "if (mig_roff%u != %llu) {", k, (unsigned long long)sg->offset);
			if (last->ends_segment)
				mp_line(p, "__builtin_memmove((char *)Out0P + mig_roff%u, Out%uP, %llu + (size_t)mig_cn_%s * %u);",
					k, k, (unsigned long long)sg->fixed_size, last->arg->name,
					last->elem_bytes);
			else
				mp_line(p, "__builtin_memmove((char *)Out0P + mig_roff%u, Out%uP, %llu);",
					k, k, (unsigned long long)sg->fixed_size);
			mp_line(p, "Out%uP = (Reply%u *)((char *)Out0P + mig_roff%u);", k, k, k);
			mp_close(p, "}");
		}
	}

	/* descriptors and the data held in locals */
	for (i = 0; i < rp->nitems; i++) {
		const struct mig_item *it = &rp->items[i];
		const struct mig_arg *a = it->arg;
		const struct mig_type *t = a->type;
		char desc[600];
		const char *f = it->field;

		if (it->variable)
			snprintf(desc, sizeof desc, "%s | (uint64_t)mig_cn_%s << 32",
				 mig_desc_hex(it->send_desc & MIG_DESC_WORD0_MASK, h), a->name);
		else
			snprintf(desc, sizeof desc, "%s", mig_desc_hex(it->send_desc, h));
		if (it->polymorphic && it->send_name == MIG_TN_POLYMORPHIC && a->poly &&
		    mig_sig_find(s->sig, a->poly))
			snprintf(desc + strlen(desc), sizeof desc - strlen(desc),
				 " | (uint64_t)(uint8_t)mig_p_%s", a->name);
		if (!it->is_inline && it->dealloc == MIG_DEALLOC_MAYBE && a->dealloc_arg &&
		    mig_sig_find(s->sig, a->dealloc_arg))
			snprintf(desc + strlen(desc), sizeof desc - strlen(desc),
				 " | (mig_d_%s ? MIG_DESC_DEALLOC_BIT : 0)", a->name);
		if (!static_desc(it))
			mp_line(p, "Out%uP->%sType = %s;", it->segment, f, desc);
		switch (it->storage) {
		case MIG_ST_SCALAR:
			if (t->outtran.func)
				mp_line(p, "Out%uP->%s = %s(mig_o_%s);", it->segment, f,
					t->outtran.func, a->name);
			else if (t->intran.func)
				mp_line(p, "Out%uP->%s = mig_o_%s;", it->segment, f, a->name);
			break;
		case MIG_ST_PORT:
		case MIG_ST_OOL:
			if (direct_slot(it))
				break;
			if (t->outtran.func)
				mp_line(p, "Out%uP->%s = (uint64_t)(uintptr_t)%s(mig_o_%s);",
					it->segment, f, t->outtran.func, a->name);
			else
				mp_line(p, "Out%uP->%s = (uint64_t)(uintptr_t)mig_o_%s;",
					it->segment, f, a->name);
			break;
		case MIG_ST_ARRAY:
			break;
		case MIG_ST_PORT_ARRAY:
			mp_open(p, "if (sizeof(mig_b_%s[0]) != 8)", f);
			if (it->variable)
				mp_open(p, "for (mach_msg_type_number_t mig_i = 0; mig_i < mig_cn_%s; mig_i++)",
					a->name);
			else
				mp_open(p, "for (mach_msg_type_number_t mig_i = 0; mig_i < %u; mig_i++)",
					it->number);
			mp_line(p, "Out%uP->%s[mig_i] = (uint64_t)(uintptr_t)mig_a_%s[mig_i];",
				it->segment, f, f);
			mp_outdent(p);
			mp_outdent(p);
			break;
		}
	}
	/* size and COMPLEX bit */
	if (rp->fixed) {
		if (rp->min_size != MIG_REPLY_HEADER_SIZE)
			mp_line(p, "Out0P->Head.msgh_size = %llu;", (unsigned long long)rp->min_size);
	} else {
		const struct mig_segment *ls = &rp->segments[rp->nsegments - 1];

		if (ls->size == 0)
			mp_line(p, "Out0P->Head.msgh_size = (mach_msg_size_t)mig_roff%u;",
				rp->nsegments - 1);
		else
			mp_line(p, "Out0P->Head.msgh_size = (mach_msg_size_t)(mig_roff%u + %llu);",
				rp->nsegments - 1, (unsigned long long)ls->size);
	}
	if (rp->always_complex)
		mp_line(p, "Out0P->Head.msgh_bits |= MACH_MSGH_BITS_COMPLEX;");
	for (i = 0; i < rp->nitems; i++) {
		const struct mig_item *it = &rp->items[i];

		if (it->polymorphic && !it->is_port && it->send_name == MIG_TN_POLYMORPHIC &&
		    it->arg->poly && mig_sig_find(s->sig, it->arg->poly)) {
			mp_open(p, "if (MACH_MSG_TYPE_PORT_ANY(mig_p_%s))", it->arg->name);
			mp_line(p, "Out0P->Head.msgh_bits |= MACH_MSGH_BITS_COMPLEX;");
			mp_outdent(p);
		}
	}
	mp_close(p, "}");
	mp_blank(p);
}

static void
emit_demux(struct mig_printer *p, const struct mig_subsystem *ss)
{
	const struct mig_routine *rt;
	const char *d = ss->serverdemux;
	char h[24], nm[512];
	bool skips = false;

	for (rt = ss->routines; rt; rt = rt->next)
		if (rt->kind == MIG_SKIP)
			skips = true;

	mp_line(p, "static const mig_routine_t %s_routines[%u] = {", d,
		ss->nroutines ? ss->nroutines : 1);
	mp_indent(p);
	if (ss->nroutines == 0)
		mp_line(p, "0,");
	for (rt = ss->routines; rt; rt = rt->next) {
		if (rt->kind == MIG_SKIP)
			mp_line(p, "0,");
		else
			mp_line(p, "%s,", mig_server_stub_name(ss, rt, nm, sizeof nm));
	}
	mp_close(p, "};");
	mp_blank(p);
	mp_line(p, "mig_external mig_routine_t");
	mp_line(p, "%s_routine(mach_msg_header_t *InHeadP)", d);
	mp_open(p, "{");
	mp_line(p, "/* unsigned: any msgh_id, INT_MAX and negatives included */");
	mp_line(p, "uint32_t mig_index = (uint32_t)InHeadP->msgh_id - %uu;", (uint32_t)ss->base);
	mp_open(p, "if (mig_unlikely(mig_index >= %uu))", ss->nroutines);
	mp_line(p, "return 0;");
	mp_outdent(p);
	mp_line(p, "return %s_routines[mig_index];", d);
	mp_close(p, "}");
	mp_blank(p);
	mp_line(p, "mig_external boolean_t");
	mp_line(p, "%s(mach_msg_header_t *InHeadP, mach_msg_header_t *OutHeadP)", d);
	mp_open(p, "{");
	mp_open(p, "typedef struct {");
	mp_line(p, "mach_msg_header_t Head;");
	mp_line(p, "uint64_t RetCodeType;");
	mp_line(p, "kern_return_t RetCode;");
	mp_close(p, "} Reply;");
	mp_line(p, "Reply *OutP = (Reply *)OutHeadP;");
	mp_line(p, "mig_routine_t routine;");
	mp_blank(p);
	mp_line(p, "mach_msg_id_t mig_id = InHeadP->msgh_id;");
	mp_line(p, "OutP->Head.msgh_bits = MACH_MSGH_BITS(MACH_MSGH_BITS_REMOTE(InHeadP->msgh_bits), 0);");
	mp_line(p, "OutP->Head.msgh_size = %u;", MIG_REPLY_HEADER_SIZE);
	mp_line(p, "OutP->Head.msgh_remote_port = InHeadP->msgh_remote_port;");
	mp_line(p, "OutP->Head.msgh_local_port = MACH_PORT_NULL;");
	mp_line(p, "OutP->Head.msgh_seqno = 0;");
	mp_line(p, "OutP->Head.msgh_id = (mach_msg_id_t)((uint32_t)mig_id + 100u);");
	mp_line(p, "OutP->RetCodeType = %s;", mig_desc_hex(0x0000000120002002ull, h));
	mp_line(p, "uint32_t mig_index = (uint32_t)mig_id - %uu;", (uint32_t)ss->base);
	if (skips)
		mp_open(p, "if (mig_unlikely(mig_index >= %uu || (routine = %s_routines[mig_index]) == 0)) {",
			ss->nroutines, d);
	else
		mp_open(p, "if (mig_unlikely(mig_index >= %uu)) {", ss->nroutines);
	mp_line(p, "OutP->RetCode = MIG_BAD_ID;");
	mp_line(p, "return FALSE;");
	mp_close(p, "}");
	if (!skips)
		mp_line(p, "routine = %s_routines[mig_index];", d);
	mp_line(p, "(*routine)(InHeadP, OutHeadP);");
	mp_line(p, "return TRUE;");
	mp_close(p, "}");
}

int
mig_emit_server(struct mig_ctx *ctx, const struct mig_subsystem *ss, FILE *out)
{
	struct mig_printer pr;
	const struct mig_routine *rt;
	struct sctx s;
	int rc = 0;

	mp_init(&pr, out);
	mp_banner(&pr, ctx);
	mp_blank(&pr);
	mp_c_includes(&pr, ss, (1u << MIG_IMPORT) | (1u << MIG_SIMPORT));
	mp_blank(&pr);
	mp_c_helpers(&pr);
	mp_blank(&pr);
	if (ss->name == NULL)
		return mp_finish(&pr);
	/* the server functions */
	for (rt = ss->routines; rt; rt = rt->next) {
		struct mig_sig *sig;

		if (rt->kind == MIG_SKIP)
			continue;
		sig = mig_sig_build(ctx, rt, MIG_SIDE_SERVER);
		if (sig == NULL) {
			rc = -1;
			continue;
		}
		mig_sig_print(&pr, sig, "extern kern_return_t", rt->server_name, ";");
		mig_sig_free(sig);
	}
	mp_blank(&pr);
	for (rt = ss->routines; rt; rt = rt->next) {
		if (rt->kind == MIG_SKIP)
			continue;
		memset(&s, 0, sizeof s);
		s.ctx = ctx;
		s.ss = ss;
		s.p = &pr;
		s.rt = rt;
		s.sig = mig_sig_build(ctx, rt, MIG_SIDE_SERVER);
		if (s.sig == NULL) {
			rc = -1;
			continue;
		}
		if (mig_layout_routine(ctx, rt, &s.lay) != 0) {
			rc = -1;
		} else {
			emit_stub(&s);
		}
		mig_layout_free(&s.lay);
		mig_sig_free(s.sig);
	}
	{
		/* the table is indexed by id - base: the IR numbers routines
		   (skips included) consecutively from the base */
		unsigned idx = 0;

		for (rt = ss->routines; rt; rt = rt->next, idx++)
			if (rt->kind != MIG_SKIP &&
			    (uint32_t)rt->id != (uint32_t)ss->base + idx) {
				mig_diag(ctx, MIG_ERROR, rt->loc, "M0907",
					 "routine '%s': message id %d is not base + %u",
					 rt->name, (int)rt->id, idx);
				rc = -1;
			}
	}
	emit_demux(&pr, ss);
	if (mp_finish(&pr) != 0)
		rc = -1;
	return rc;
}
