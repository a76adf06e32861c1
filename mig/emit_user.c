/* SPDX-License-Identifier: MIT */
/*
 * emit_user.c - the client stubs (<sub>User.c).
 *
 * Each stub builds its request in a buffer on its stack (segment structs
 * from layout.c: constants for every fixed offset, one pointer per
 * variable datum), sends it with one mach_msg() that also receives the
 * reply on the reply port (mig_get_reply_port() unless the routine names
 * one), checks the whole reply (id, size, COMPLEX bit, every descriptor
 * word, counts, NULs) and copies the out arguments to the caller.
 */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "printer.h"
#include "sig.h"

struct uctx {
	struct mig_ctx *ctx;
	const struct mig_subsystem *ss;
	struct mig_printer *p;
	const struct mig_routine *rt;
	struct mig_sig *sig;
	struct mig_layout lay;
	bool kernel;
};

/* The C expression of a user parameter's value (dereferenced when the
 * caller passes it by pointer). */
static void
value_of(const struct uctx *u, const struct mig_arg *a, char *buf, size_t n)
{
	const struct mig_param *pp = a ? mig_sig_find(u->sig, a) : NULL;

	if (pp == NULL)
		snprintf(buf, n, "0");
	else if (pp->by_ref)
		snprintf(buf, n, "(*%s)", pp->name);
	else
		snprintf(buf, n, "%s", pp->name);
}

static const char *
disposition(const struct uctx *u, const struct mig_arg *a, char *buf, size_t n)
{
	if (a->type->in_name == MIG_TN_POLYMORPHIC && a->poly && mig_sig_find(u->sig, a->poly)) {
		value_of(u, a->poly, buf, n);
		return buf;
	}
	snprintf(buf, n, "%s", mig_type_name_symbol(a->type->in_name)
		 ? mig_type_name_symbol(a->type->in_name) : "0");
	return buf;
}

/* The user's reply port argument (replyport/ureplyport), or NULL. */
static const struct mig_arg *
user_reply_arg(const struct mig_routine *rt)
{
	const struct mig_arg *a = rt->reply_port;

	if (a && (a->kind == MIG_ARG_REPLY_PORT || a->kind == MIG_ARG_UREPLY_PORT))
		return a;
	return NULL;
}

/* Write one request item. */
static void
fill_item(struct uctx *u, const struct mig_msg *m, unsigned idx)
{
	struct mig_printer *p = u->p;
	const struct mig_item *it = &m->items[idx];
	const struct mig_arg *a = it->arg;
	char seg[32], val[300], cnt[300], desc[600];
	const char *f = it->field;

	snprintf(seg, sizeof seg, "In%uP", it->segment);
	value_of(u, a, val, sizeof val);

	if (a->kind == MIG_ARG_COUNT) {
		/* countinout: the caller's capacity, at most the maximum */
		const struct mig_type *pt = a->parent->type;

		mp_line(p, "mig_put_desc(&%s->%sType, 0x%08xu, 1u);", seg, f,
			(unsigned)(it->send_desc & MIG_DESC_WORD0_MASK));
		if (pt->number != 0)
			mp_line(p, "%s->%s = %s < %u ? %s : %u;", seg, f, val,
				pt->number / mig_type_mult(pt), val, pt->number / mig_type_mult(pt));
		else
			mp_line(p, "%s->%s = %s;", seg, f, val);
		return;
	}

	/* the count of a variable datum */
	cnt[0] = '\0';
	if (it->variable) {
		if (a->count)
			value_of(u, a->count, cnt, sizeof cnt);
		else
			snprintf(cnt, sizeof cnt, "mig_n_%s", f);
		if (a->count && it->mult > 1) {
			/* the caller counts C elements; the message, basic ones */
			if (it->number != 0) {
				mp_open(p, "if (mig_unlikely(%s > %u))", cnt, it->number / it->mult);
				mp_line(p, "return MIG_ARRAY_TOO_LARGE;");
				mp_outdent(p);
			}
			mp_line(p, "mach_msg_type_number_t mig_n_%s = %s * %u;", f, cnt, it->mult);
			snprintf(cnt, sizeof cnt, "mig_n_%s", f);
		}
	}

	/* the descriptor: its first word, then the count */
	snprintf(desc, sizeof desc, "0x%08xu", (unsigned)(it->send_desc & MIG_DESC_WORD0_MASK));
	if (it->polymorphic && it->send_name == MIG_TN_POLYMORPHIC && a->poly) {
		char pv[300];

		value_of(u, a->poly, pv, sizeof pv);
		snprintf(desc + strlen(desc), sizeof desc - strlen(desc),
			 " | (uint8_t)%s", pv);
	}
	if (!it->is_inline && it->dealloc == MIG_DEALLOC_MAYBE && a->dealloc_arg) {
		char dv[300];

		value_of(u, a->dealloc_arg, dv, sizeof dv);
		snprintf(desc + strlen(desc), sizeof desc - strlen(desc),
			 " | (%s ? 0x80000000u : 0u)", dv);
	}
	if (it->variable)
		snprintf(desc + strlen(desc), sizeof desc - strlen(desc), ", %s", cnt);
	else
		snprintf(desc + strlen(desc), sizeof desc - strlen(desc), ", %uu", it->number);

	switch (it->storage) {
	case MIG_ST_SCALAR:
		mp_line(p, "mig_put_desc(&%s->%sType, %s);", seg, f, desc);
		mp_line(p, "%s->%s = %s;", seg, f, val);
		break;
	case MIG_ST_PORT:
		mp_line(p, "mig_put_desc(&%s->%sType, %s);", seg, f, desc);
		mp_line(p, "%s->%s = (uint64_t)(uintptr_t)%s;", seg, f, val);
		break;
	case MIG_ST_OOL:
		if (it->variable && it->number != 0) {
			mp_open(p, "if (mig_unlikely(%s > %u))", cnt, it->number);
			mp_line(p, "return MIG_ARRAY_TOO_LARGE;");
			mp_outdent(p);
		}
		mp_line(p, "mig_put_desc(&%s->%sType, %s);", seg, f, desc);
		mp_line(p, "%s->%s = (uint64_t)(uintptr_t)%s;", seg, f, val);
		break;
	case MIG_ST_ARRAY:
		if (it->is_string) {
			if (it->variable && !a->count) {
				mp_line(p, "mach_msg_type_number_t mig_n_%s = mig_strcpy_n(%s->%s, %s, %llu);",
					f, seg, f, val, (unsigned long long)it->max_bytes);
				mp_line(p, "mig_put_desc(&%s->%sType, %s);", seg, f, desc);
			} else if (!it->variable) {
				mp_line(p, "mig_put_desc(&%s->%sType, %s);", seg, f, desc);
				mp_line(p, "(void)mig_strcpy_n(%s->%s, %s, %llu);", seg, f, val,
					(unsigned long long)it->max_bytes);
				/* the receiver's NUL test then takes one look */
				mp_line(p, "%s->%s[%llu] = '\\0';", seg, f,
					(unsigned long long)it->max_bytes - 1);
			} else {
				mp_open(p, "if (mig_unlikely(%s > %u))", cnt, it->number);
				mp_line(p, "return MIG_ARRAY_TOO_LARGE;");
				mp_outdent(p);
				mp_line(p, "mig_put_desc(&%s->%sType, %s);", seg, f, desc);
				mp_line(p, "__builtin_memcpy(%s->%s, %s, %s);", seg, f, val, cnt);
			}
			break;
		}
		if (it->variable) {
			mp_open(p, "if (mig_unlikely(%s > %u))", cnt, it->number);
			mp_line(p, "return MIG_ARRAY_TOO_LARGE;");
			mp_outdent(p);
			mp_line(p, "mig_put_desc(&%s->%sType, %s);", seg, f, desc);
			mp_line(p, "__builtin_memcpy(%s->%s, %s, (size_t)%s * %u);", seg, f, val,
				cnt, it->elem_bytes);
		} else {
			mp_line(p, "mig_put_desc(&%s->%sType, %s);", seg, f, desc);
			mp_line(p, "__builtin_memcpy(%s->%s, %s, %llu);", seg, f, val,
				(unsigned long long)it->max_bytes);
		}
		break;
	case MIG_ST_PORT_ARRAY:
		if (it->variable) {
			mp_open(p, "if (mig_unlikely(%s > %u))", cnt, it->number);
			mp_line(p, "return MIG_ARRAY_TOO_LARGE;");
			mp_outdent(p);
		}
		mp_line(p, "mig_put_desc(&%s->%sType, %s);", seg, f, desc);
		{
			char bound[300];

			if (it->variable)
				snprintf(bound, sizeof bound, "%s", cnt);
			else
				snprintf(bound, sizeof bound, "%u", it->number);
			mp_open(p, "for (mach_msg_type_number_t mig_i = 0; mig_i < %s; mig_i++)", bound);
			mp_line(p, "%s->%s[mig_i] = (uint64_t)(uintptr_t)%s[mig_i];", seg, f, val);
			mp_outdent(p);
		}
		break;
	}
	if (it->ends_segment) {
		const struct mig_segment *nx = &m->segments[it->segment + 1];

		if (it->segment > 0)
			mp_line(p, "uint64_t mig_off%u = mig_off%u + %llu + (((uint64_t)%s * %u + 7) & ~(uint64_t)7);",
				it->segment + 1, it->segment,
				(unsigned long long)it->data_offset, cnt, it->elem_bytes);
		else
			mp_line(p, "uint64_t mig_off%u = %llu + (((uint64_t)%s * %u + 7) & ~(uint64_t)7);",
				it->segment + 1,
				(unsigned long long)it->data_offset, cnt, it->elem_bytes);
		if (nx->nitems > 0)
			mp_line(p, "Request%u *In%uP = (Request%u *)((char *)In0P + mig_off%u);",
				it->segment + 1, it->segment + 1, it->segment + 1,
				it->segment + 1);
	}
}

/* Copy one reply item out to the caller.  Returns nothing; may print a
 * "return MIG_ARRAY_TOO_LARGE". */
static void
extract_item(struct uctx *u, const struct mig_msg *m, unsigned idx)
{
	struct mig_printer *p = u->p;
	const struct mig_item *it = &m->items[idx];
	const struct mig_arg *a = it->arg;
	const struct mig_param *pp = mig_sig_find(u->sig, a);
	const struct mig_param *cp = a->count ? mig_sig_find(u->sig, a->count) : NULL;
	const struct mig_param *polyp = a->poly ? mig_sig_find(u->sig, a->poly) : NULL;
	const char *f = it->field;
	char seg[32], cn[128];

	(void)m;
	if (pp == NULL)
		return;
	snprintf(seg, sizeof seg, "Out%uP", it->segment);
	if (it->mult > 1)
		snprintf(cn, sizeof cn, "(mig_rn_%s / %u)", f, it->mult);
	else
		snprintf(cn, sizeof cn, "mig_rn_%s", f);
	if (polyp && polyp->by_ref)
		mp_line(p, "*%s = (mach_msg_type_name_t)(%s->%sType & 0xff);", polyp->name, seg, f);

	switch (it->storage) {
	case MIG_ST_SCALAR:
		mp_line(p, "*%s = %s->%s;", pp->name, seg, f);
		break;
	case MIG_ST_PORT:
	case MIG_ST_OOL:
		mp_line(p, "*%s = (%s)(uintptr_t)%s->%s;", pp->name, pp->ctype, seg, f);
		if (it->variable && cp)
			mp_line(p, "*%s = %s;", cp->name, cn);
		break;
	case MIG_ST_ARRAY:
		if (!it->variable) {
			mp_line(p, "__builtin_memcpy(%s, %s->%s, %llu);", pp->name, seg, f,
				(unsigned long long)it->max_bytes);
		} else if (cp == NULL) {
			/* a variable string: fits the caller's string type */
			mp_line(p, "__builtin_memcpy(%s, %s->%s, mig_rn_%s);", pp->name, seg, f, f);
		} else {
			mp_open(p, "if (mig_unlikely(%s > *%s)) {", cn, cp->name);
			mp_line(p, "__builtin_memcpy(%s, %s->%s, (size_t)*%s * %u);", pp->name, seg,
				f, cp->name, it->elem_bytes * it->mult);
			mp_line(p, "*%s = %s;", cp->name, cn);
			mp_line(p, "return MIG_ARRAY_TOO_LARGE;");
			mp_close(p, "}");
			mp_line(p, "__builtin_memcpy(%s, %s->%s, (size_t)mig_rn_%s * %u);", pp->name,
				seg, f, f, it->elem_bytes);
			mp_line(p, "*%s = %s;", cp->name, cn);
		}
		break;
	case MIG_ST_PORT_ARRAY: {
		char bound[64];
		const struct mig_type *et = it->type->element ? it->type->element : it->type;

		if (it->variable && cp) {
			mp_open(p, "if (mig_unlikely(mig_rn_%s > *%s)) {", f, cp->name);
			mp_line(p, "*%s = mig_rn_%s;", cp->name, f);
			mp_line(p, "return MIG_ARRAY_TOO_LARGE;");
			mp_close(p, "}");
			snprintf(bound, sizeof bound, "mig_rn_%s", f);
		} else {
			snprintf(bound, sizeof bound, "%u", it->number);
		}
		mp_open(p, "for (mach_msg_type_number_t mig_i = 0; mig_i < %s; mig_i++)", bound);
		mp_line(p, "%s[mig_i] = (%s)(uintptr_t)%s->%s[mig_i];", pp->name,
			mig_type_resolved(et)->user_ctype, seg, f);
		mp_outdent(p);
		if (it->variable && cp)
			mp_line(p, "*%s = mig_rn_%s;", cp->name, f);
		break;
	}
	}
}

static int
emit_stub(struct uctx *u)
{
	struct mig_printer *p = u->p;
	const struct mig_routine *rt = u->rt;
	const struct mig_msg *rq = &u->lay.request, *rp = &u->lay.reply;
	const struct mig_arg *ra = user_reply_arg(rt);
	bool routine = rt->kind == MIG_ROUTINE;
	uint64_t bufsize = rq->max_size;
	char buf[300], buf2[300], h[24];
	unsigned i;
	const char *reply_port;

	if (routine && rp->max_size > bufsize)
		bufsize = rp->max_size;

	mp_line(p, "/* %s %s */", routine ? "Routine" : "SimpleRoutine", rt->name);
	mig_sig_print(p, u->sig, "mig_external kern_return_t",
		      mig_user_stub_name(u->ss, rt, buf, sizeof buf), "");
	mp_open(p, "{");
	mig_layout_print_structs(p, rq, "Request", false);
	if (routine)
		mig_layout_print_structs(p, rp, "Reply", false);
	mp_open(p, "union {");
	mp_line(p, "mach_msg_header_t Head;");
	mp_line(p, "uint64_t Words[%llu];", (unsigned long long)(mig_round8(bufsize) / 8));
	mp_close(p, "} Mess;");
	mp_line(p, "Request *In0P = (Request *)&Mess;");
	if (routine)
		mp_line(p, "mach_msg_return_t mig_result;");
	mp_blank(p);

	for (i = 0; i < rq->nitems; i++)
		fill_item(u, rq, i);

	/* the header */
	{
		char remote[300], local[300];
		const struct mig_arg *rqa = rt->request_port;
		bool complex_static = rq->always_complex;

		disposition(u, rqa, remote, sizeof remote);
		if (ra)
			disposition(u, ra, local, sizeof local);
		else
			snprintf(local, sizeof local, "%s",
				 routine ? "MACH_MSG_TYPE_MAKE_SEND_ONCE" : "0");
		mp_line(p, "In0P->Head.msgh_bits = MACH_MSGH_BITS(%s, %s)%s;", remote, local,
			complex_static ? " | MACH_MSGH_BITS_COMPLEX" : "");
		for (i = 0; i < rq->nitems; i++) {
			const struct mig_item *it = &rq->items[i];

			if (it->polymorphic && !it->is_port && it->arg->poly &&
			    mig_sig_find(u->sig, it->arg->poly)) {
				value_of(u, it->arg->poly, buf, sizeof buf);
				mp_open(p, "if (MACH_MSG_TYPE_PORT_ANY(%s))", buf);
				mp_line(p, "In0P->Head.msgh_bits |= MACH_MSGH_BITS_COMPLEX;");
				mp_outdent(p);
			}
		}
		if (rq->fixed) {
			mp_line(p, "In0P->Head.msgh_size = %llu;", (unsigned long long)rq->min_size);
		} else {
			const struct mig_segment *ls = &rq->segments[rq->nsegments - 1];

			if (ls->size == 0)
				mp_line(p, "In0P->Head.msgh_size = (mach_msg_size_t)mig_off%u;",
					rq->nsegments - 1);
			else
				mp_line(p, "In0P->Head.msgh_size = (mach_msg_size_t)(mig_off%u + %llu);",
					rq->nsegments - 1, (unsigned long long)ls->size);
		}
		value_of(u, rqa, buf, sizeof buf);
		mp_line(p, "In0P->Head.msgh_remote_port = (mach_port_t)(uintptr_t)%s;", buf);
		if (ra) {
			value_of(u, ra, buf2, sizeof buf2);
			reply_port = "In0P->Head.msgh_local_port";
			mp_line(p, "In0P->Head.msgh_local_port = (mach_port_t)(uintptr_t)%s;", buf2);
		} else if (routine && u->kernel) {
			/* mach_msg_rpc_from_kernel() supplies the reply port */
			reply_port = "MACH_PORT_NULL";
			mp_line(p, "In0P->Head.msgh_local_port = MACH_PORT_NULL;");
		} else if (routine) {
			reply_port = "In0P->Head.msgh_local_port";
			mp_line(p, "mach_port_t mig_reply = %smig_get_reply_port();", u->ss->subr_prefix);
			mp_line(p, "In0P->Head.msgh_local_port = mig_reply;");
			reply_port = "mig_reply";
		} else {
			reply_port = "MACH_PORT_NULL";
			mp_line(p, "In0P->Head.msgh_local_port = MACH_PORT_NULL;");
		}
		mp_line(p, "In0P->Head.msgh_seqno = 0;");
		mp_line(p, "In0P->Head.msgh_id = %d;", (int)rt->id);
	}
	mp_blank(p);

	/* send (and receive) */
	{
		char opt[600], tmo[300], send_size[64];
		const struct mig_arg *wt = rt->waittime, *mo = rt->msgoption;
		bool has_timeout = wt || rt->waittime_expr;

		if (rq->fixed)
			snprintf(send_size, sizeof send_size, "%llu", (unsigned long long)rq->min_size);
		else
			snprintf(send_size, sizeof send_size, "In0P->Head.msgh_size");
		if (wt)
			value_of(u, wt, tmo, sizeof tmo);
		else if (rt->waittime_expr)
			snprintf(tmo, sizeof tmo, "%s", rt->waittime_expr);
		else
			snprintf(tmo, sizeof tmo, "MACH_MSG_TIMEOUT_NONE");
		snprintf(opt, sizeof opt, "%s%s",
			 routine ? "MACH_SEND_MSG|MACH_RCV_MSG" : "MACH_SEND_MSG",
			 has_timeout ? (routine ? "|MACH_RCV_TIMEOUT" : "|MACH_SEND_TIMEOUT") : "");
		if (mo) {
			value_of(u, mo, buf, sizeof buf);
			snprintf(opt + strlen(opt), sizeof opt - strlen(opt), "|(%s)", buf);
		}
		if (rt->msgoption_expr)
			snprintf(opt + strlen(opt), sizeof opt - strlen(opt), "|(%s)",
				 rt->msgoption_expr);

		if (u->kernel) {
			if (routine)
				mp_line(p, "mig_result = mach_msg_rpc_from_kernel(&In0P->Head, %s, sizeof Mess);", send_size);
			else
				mp_line(p, "return mach_msg_send_from_kernel(&In0P->Head, %s);", send_size);
		} else if (routine) {
			mp_line(p, "mig_result = %smach_msg(&In0P->Head, %s, %s,", u->ss->subr_prefix, opt, send_size);
			mp_line(p, "\tsizeof Mess, %s, %s, MACH_PORT_NULL);", reply_port, tmo);
		} else {
			mp_line(p, "return %smach_msg(&In0P->Head, %s, %s,", u->ss->subr_prefix, opt, send_size);
			mp_line(p, "\t0, MACH_PORT_NULL, %s, MACH_PORT_NULL);", tmo);
		}
	}
	if (!routine) {
		mp_close(p, "}");
		mp_blank(p);
		return 0;
	}

	mp_open(p, "if (mig_unlikely(mig_result != MACH_MSG_SUCCESS)) {");
	if (!ra && !u->kernel)
		mp_line(p, "%smig_dealloc_reply_port(mig_reply);", u->ss->subr_prefix);
	mp_line(p, "return mig_result;");
	mp_close(p, "}");
	if (!ra && !u->kernel)
		mp_line(p, "%smig_put_reply_port(mig_reply);", u->ss->subr_prefix);
	mp_blank(p);
	mp_line(p, "Reply *Out0P = (Reply *)&Mess;");
	mp_open(p, "if (mig_unlikely(Out0P->Head.msgh_id != %d)) {", (int)rt->id + 100);
	mp_open(p, "if (Out0P->Head.msgh_id == MACH_NOTIFY_SEND_ONCE)");
	mp_line(p, "return MIG_SERVER_DIED;");
	mp_outdent(p);
	if (!ra && !u->kernel)
		mp_line(p, "%smig_dealloc_reply_port(mig_reply);", u->ss->subr_prefix);
	mp_line(p, "return MIG_REPLY_MISMATCH;");
	mp_close(p, "}");

	if (rp->nitems == 0) {
		mp_open(p, "if (mig_unlikely(Out0P->Head.msgh_size != %u ||", MIG_REPLY_HEADER_SIZE);
		mp_line(p, "(Out0P->Head.msgh_bits & MACH_MSGH_BITS_COMPLEX) ||");
		mp_line(p, "Out0P->RetCodeType != %s))", mig_desc_hex(0x0000000120002002ull, h));
		mp_line(p, "return MIG_TYPE_ERROR;");
		mp_outdent(p);
		mp_line(p, "return Out0P->RetCode;");
		mp_close(p, "}");
		mp_blank(p);
		return 0;
	}

	if (rp->fixed) {
		mp_line(p, "uint64_t mig_hw;");
		mp_line(p, "__builtin_memcpy(&mig_hw, &Out0P->Head, 8);");
	} else {
		mp_line(p, "mach_msg_size_t mig_size = Out0P->Head.msgh_size;");
		mp_line(p, "mach_msg_bits_t mig_bits = Out0P->Head.msgh_bits;");
	}
	{
		char cond[512];

		/* one test for the success path; an error-only reply is the
		 * slow path */
		mp_open(p, "if (mig_unlikely(%s ||",
			mig_layout_size_cond(rp, "mig_size", "mig_bits", "mig_hw", cond,
					     sizeof cond));
		mp_line(p, "Out0P->RetCodeType != %s)) {", mig_desc_hex(0x0000000120002002ull, h));
		mp_open(p, "if (Out0P->Head.msgh_size == %u &&", MIG_REPLY_HEADER_SIZE);
		mp_line(p, "!(Out0P->Head.msgh_bits & MACH_MSGH_BITS_COMPLEX) &&");
		mp_line(p, "Out0P->RetCodeType == %s && Out0P->RetCode != KERN_SUCCESS)",
			mig_desc_hex(0x0000000120002002ull, h));
		mp_line(p, "return Out0P->RetCode;");
		mp_outdent(p);
		mp_line(p, "return MIG_TYPE_ERROR;");
		mp_close(p, "}");
		mp_open(p, "if (mig_unlikely(Out0P->RetCode != KERN_SUCCESS))");
		mp_line(p, "return Out0P->RetCode;");
		mp_outdent(p);
	}
	{
		struct mig_check_opts o = {
			.base = "Reply", .ptr = "Out", .fail = "return MIG_TYPE_ERROR;",
			.size = "mig_size", .bits = "mig_bits", .var = "mig_r",
			.skip_size = true,
		};
		mig_layout_print_check(p, rp, &o);
	}
	mp_blank(p);
	for (i = 0; i < rp->nitems; i++)
		extract_item(u, rp, i);
	mp_line(p, "return KERN_SUCCESS;");
	mp_close(p, "}");
	mp_blank(p);
	return 0;
}

int
mig_emit_user(struct mig_ctx *ctx, const struct mig_subsystem *ss, FILE *out)
{
	struct mig_printer pr;
	const struct mig_routine *rt;
	struct uctx u;
	int rc = 0;
	char hdr[512];

	mp_init(&pr, out);
	mp_banner(&pr, ctx);
	mp_blank(&pr);
	if (ctx->opt.header_file)
		snprintf(hdr, sizeof hdr, "\"%s\"", mp_basename(ctx->opt.header_file));
	else
		snprintf(hdr, sizeof hdr, "\"%s.h\"", ss->name ? ss->name : "mig");
	mp_raw(&pr, "#include %s\n", hdr);
	mp_c_includes(&pr, ss, (1u << MIG_IMPORT) | (1u << MIG_UIMPORT));
	mp_blank(&pr);
	mp_c_helpers(&pr);
	mp_blank(&pr);
	if (ss->kernel_user) {
		mp_raw(&pr, "extern mach_msg_return_t mach_msg_send_from_kernel(mach_msg_header_t *, mach_msg_size_t);\n");
		mp_raw(&pr, "extern mach_msg_return_t mach_msg_rpc_from_kernel(mach_msg_header_t *, mach_msg_size_t, mach_msg_size_t);\n");
		mp_blank(&pr);
	}
	for (rt = ss->routines; rt; rt = rt->next) {
		if (rt->kind == MIG_SKIP)
			continue;
		memset(&u, 0, sizeof u);
		u.ctx = ctx;
		u.ss = ss;
		u.p = &pr;
		u.rt = rt;
		u.kernel = ss->kernel_user;
		u.sig = mig_sig_build(ctx, rt, MIG_SIDE_USER);
		if (u.sig == NULL) {
			rc = -1;
			continue;
		}
		if (mig_layout_routine(ctx, rt, &u.lay) != 0) {
			mig_layout_free(&u.lay);
			mig_sig_free(u.sig);
			rc = -1;
			continue;
		}
		emit_stub(&u);
		mig_layout_free(&u.lay);
		mig_sig_free(u.sig);
	}
	if (mp_finish(&pr) != 0)
		rc = -1;
	return rc;
}
