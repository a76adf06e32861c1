/* SPDX-License-Identifier: MIT */
/*
 * sig.c - C parameter lists of user stubs and server functions (sig.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "printer.h"
#include "sig.h"

const struct mig_type *
mig_type_resolved(const struct mig_type *t)
{
	unsigned guard = 0;

	while (t && t->kind == MIG_TYPE_ALIAS && t->base && guard++ < 1000)
		t = t->base;
	return t;
}

bool
mig_type_is_string(const struct mig_type *t)
{
	const struct mig_type *r = mig_type_resolved(t);

	if (t->is_string || (r && r->kind == MIG_TYPE_CSTRING))
		return true;
	return !t->is_port && !t->polymorphic && t->in_name == MIG_TN_STRING
	       && t->is_inline;
}

bool
mig_type_is_c_array(const struct mig_type *t)
{
	const struct mig_type *r = mig_type_resolved(t);

	if (!t->is_inline)
		return false;
	if (mig_type_is_string(t))
		return true;
	if (r == NULL)
		return false;
	return r->kind == MIG_TYPE_ARRAY || t->variable;
}

bool
mig_arg_user_sends(const struct mig_arg *arg)
{
	switch (arg->kind) {
	case MIG_ARG_REQUEST_PORT:
	case MIG_ARG_REPLY_PORT:
	case MIG_ARG_UREPLY_PORT:
	case MIG_ARG_IN:
	case MIG_ARG_INOUT:
		return true;
	default:
		return false;
	}
}

bool
mig_arg_user_receives(const struct mig_arg *arg)
{
	return arg->kind == MIG_ARG_OUT || arg->kind == MIG_ARG_INOUT;
}

/* Does ARG (declared) appear on SIDE at all? */
static bool
declared_on_side(const struct mig_arg *a, enum mig_side side)
{
	switch (a->kind) {
	case MIG_ARG_REQUEST_PORT:
	case MIG_ARG_REPLY_PORT:
	case MIG_ARG_IN:
	case MIG_ARG_OUT:
	case MIG_ARG_INOUT:
		return true;
	case MIG_ARG_UREPLY_PORT:
	case MIG_ARG_WAITTIME:
	case MIG_ARG_MSGOPTION:
		return side == MIG_SIDE_USER;
	case MIG_ARG_SREPLY_PORT:
	case MIG_ARG_MSGSEQNO:
		return side == MIG_SIDE_SERVER;
	default:
		return false;
	}
}

/* Does SIDE send ARG (declared) / receive it? */
static bool
side_sends(const struct mig_arg *a, enum mig_side side)
{
	if (side == MIG_SIDE_USER)
		return mig_arg_user_sends(a);
	return a->kind == MIG_ARG_OUT || a->kind == MIG_ARG_INOUT;
}

static bool
side_receives(const struct mig_arg *a, enum mig_side side)
{
	if (side == MIG_SIDE_USER)
		return mig_arg_user_receives(a);
	switch (a->kind) {
	case MIG_ARG_IN:
	case MIG_ARG_INOUT:
	case MIG_ARG_REPLY_PORT:
	case MIG_ARG_SREPLY_PORT:
		return true;
	default:
		return false;
	}
}

static bool
is_identifier(const char *s)
{
	if (!(isalpha((unsigned char)*s) || *s == '_'))
		return false;
	for (; *s; s++)
		if (!(isalnum((unsigned char)*s) || *s == '_'))
			return false;
	return true;
}

/* The C type of a declared arg on SIDE (before const/pointer). */
static const char *
side_ctype(const struct mig_arg *a, enum mig_side side)
{
	const struct mig_type *t = a->type;

	if (side == MIG_SIDE_USER)
		return t->user_ctype;
	if (t->intran.func && t->intran.to_type)
		return t->intran.to_type;
	if (t->outtran.func && t->outtran.from_type)
		return t->outtran.from_type;
	if (t->trans_ctype)
		return t->trans_ctype;
	return t->server_ctype;
}

static int
set_ctype(struct mig_param *p, const char *prefix, const char *ctype)
{
	int n = snprintf(p->ctype, sizeof p->ctype, "%s%s", prefix, ctype);

	return (n < 0 || (size_t)n >= sizeof p->ctype) ? -1 : 0;
}

/* Fill P for a declared argument.  Returns 0, or -1 when the type text
 * does not fit. */
static int
param_declared(struct mig_param *p, const struct mig_arg *a, enum mig_side side)
{
	const char *ct = side_ctype(a, side);
	bool sends = side_sends(a, side);
	bool c_array = mig_type_is_c_array(a->type);
	bool string = mig_type_is_string(a->type) && a->type->is_inline;
	bool translated = side == MIG_SIDE_SERVER &&
			  (a->type->intran.func || a->type->outtran.func);

	p->name = a->name;
	switch (a->kind) {
	case MIG_ARG_REQUEST_PORT:
		p->role = MIG_PR_REQUEST_PORT;
		break;
	case MIG_ARG_REPLY_PORT:
	case MIG_ARG_SREPLY_PORT:
	case MIG_ARG_UREPLY_PORT:
		p->role = MIG_PR_REPLY_PORT;
		break;
	case MIG_ARG_WAITTIME:
		p->role = MIG_PR_WAITTIME;
		break;
	case MIG_ARG_MSGOPTION:
		p->role = MIG_PR_MSGOPTION;
		break;
	case MIG_ARG_MSGSEQNO:
		p->role = MIG_PR_MSGSEQNO;
		break;
	default:
		p->role = MIG_PR_DATA;
		break;
	}

	if (a->kind == MIG_ARG_IN || a->kind == MIG_ARG_OUT || a->kind == MIG_ARG_INOUT) {
		bool out_side = (side == MIG_SIDE_USER) ? mig_arg_user_receives(a)
							: (a->kind != MIG_ARG_IN);

		if (translated) {
			/* a translated value: by value in, by pointer out */
			p->by_ref = out_side;
			p->input = !out_side || a->kind == MIG_ARG_INOUT;
			p->output = out_side;
			return set_ctype(p, "", ct);
		}
		if (c_array) {
			p->array = true;
			p->input = sends || a->kind == MIG_ARG_INOUT;
			p->output = out_side;
			if (!out_side) {
				/* sent only: const */
				if (string && is_identifier(ct))
					return set_ctype(p, "const_", ct);
				return set_ctype(p, "const ", ct);
			}
			return set_ctype(p, "", ct);
		}
		p->by_ref = out_side;
		p->input = sends || a->kind == MIG_ARG_INOUT;
		p->output = out_side;
		return set_ctype(p, "", ct);
	}
	/* ports and controls: by value */
	p->input = true;
	return set_ctype(p, "", ct);
}

static bool
implicit_on_side(const struct mig_arg *a, enum mig_side side, bool *by_ref)
{
	const struct mig_arg *par = a->parent;

	*by_ref = false;
	if (par == NULL)
		return false;
	switch (a->kind) {
	case MIG_ARG_POLY:
		if (!declared_on_side(par, side))
			return false;
		if (side == MIG_SIDE_SERVER && par->kind == MIG_ARG_REQUEST_PORT)
			return false;
		if (side_sends(par, side) && par->type->in_name == MIG_TN_POLYMORPHIC) {
			*by_ref = (side == MIG_SIDE_SERVER);	/* server: out, by pointer */
			return true;
		}
		if (side_receives(par, side) && par->type->out_name == MIG_TN_POLYMORPHIC) {
			*by_ref = (side == MIG_SIDE_USER);	/* user: received out */
			return true;
		}
		return false;
	case MIG_ARG_COUNT:
		if (!declared_on_side(par, side))
			return false;
		*by_ref = (side == MIG_SIDE_USER) ? mig_arg_user_receives(par)
						  : (par->kind != MIG_ARG_IN);
		return true;
	case MIG_ARG_DEALLOC:
		if (!declared_on_side(par, side))
			return false;
		/* the server decides for its out data: an output */
		*by_ref = (side == MIG_SIDE_SERVER);
		return side_sends(par, side);
	case MIG_ARG_SCOPY:
		return side == MIG_SIDE_SERVER && side_receives(par, side);
	default:
		return false;
	}
}

struct mig_sig *
mig_sig_build(struct mig_ctx *ctx, const struct mig_routine *rt, enum mig_side side)
{
	const struct mig_arg *a;
	struct mig_sig *sig;
	unsigned n = 0;

	if (rt == NULL || rt->kind == MIG_SKIP)
		return NULL;
	for (a = rt->args; a; a = a->next)
		n++;
	sig = calloc(1, sizeof *sig + (n ? n : 1) * sizeof sig->params[0]);
	if (sig == NULL) {
		if (ctx)
			mig_diag(ctx, MIG_FATAL, rt->loc, "M0900", "out of memory");
		return NULL;
	}
	sig->routine = rt;
	sig->side = side;
	for (a = rt->args; a; a = a->next) {
		struct mig_param *p = &sig->params[sig->nparams];
		bool by_ref;
		int rc;

		memset(p, 0, sizeof *p);
		p->arg = a;
		p->name = a->name;
		switch (a->kind) {
		case MIG_ARG_POLY:
		case MIG_ARG_COUNT:
		case MIG_ARG_DEALLOC:
		case MIG_ARG_SCOPY:
			if (!implicit_on_side(a, side, &by_ref))
				continue;
			p->by_ref = by_ref;
			p->role = a->kind == MIG_ARG_POLY ? MIG_PR_POLY
				: a->kind == MIG_ARG_COUNT ? MIG_PR_COUNT
				: a->kind == MIG_ARG_DEALLOC ? MIG_PR_DEALLOC
				: MIG_PR_SCOPY;
			if (a->kind == MIG_ARG_COUNT && side == MIG_SIDE_USER && by_ref) {
				/* the capacity in, the count out (inline) or just
				 * the count out (out of line) */
				p->input = a->parent->type->is_inline ||
					   a->parent->kind == MIG_ARG_INOUT ||
					   mig_arg_count_in_request(a);
				p->output = true;
			} else if (a->kind == MIG_ARG_COUNT && side == MIG_SIDE_SERVER && by_ref) {
				p->input = mig_arg_count_in_request(a) ||
					   a->parent->kind == MIG_ARG_INOUT;
				p->output = true;
			} else {
				p->input = !by_ref;
				p->output = by_ref;
			}
			rc = set_ctype(p, "",
				       a->kind == MIG_ARG_POLY ? "mach_msg_type_name_t"
				       : a->kind == MIG_ARG_COUNT ? "mach_msg_type_number_t"
				       : "boolean_t");
			break;
		case MIG_ARG_RETCODE:
			continue;
		default:
			if (!declared_on_side(a, side))
				continue;
			rc = param_declared(p, a, side);
			break;
		}
		if (rc != 0) {
			if (ctx)
				mig_diag(ctx, MIG_ERROR, a->loc, "M0906",
					 "argument '%s': its C type is too long", a->name);
			free(sig);
			return NULL;
		}
		sig->nparams++;
	}
	return sig;
}

void
mig_sig_free(struct mig_sig *sig)
{
	free(sig);
}

int
mig_sig_format_param(const struct mig_param *p, char *buf, size_t size)
{
	return snprintf(buf, size, "%s %s%s", p->ctype, p->by_ref ? "*" : "", p->name);
}

const struct mig_param *
mig_sig_find(const struct mig_sig *sig, const struct mig_arg *arg)
{
	unsigned i;

	for (i = 0; i < sig->nparams; i++)
		if (sig->params[i].arg == arg)
			return &sig->params[i];
	return NULL;
}

void
mig_sig_print(struct mig_printer *p, const struct mig_sig *sig, const char *ret,
	      const char *name, const char *terminator)
{
	char buf[MIG_SIG_TYPE_MAX + 256];
	unsigned i;

	mp_line(p, "%s %s", ret, name);
	if (sig->nparams == 0) {
		mp_line(p, "(void)%s", terminator);
		return;
	}
	mp_line(p, "(");
	mp_indent(p);
	for (i = 0; i < sig->nparams; i++) {
		mig_sig_format_param(&sig->params[i], buf, sizeof buf);
		mp_line(p, "%s%s", buf, i + 1 < sig->nparams ? "," : "");
	}
	mp_outdent(p);
	mp_line(p, ")%s", terminator);
}

void
mig_sig_print_inline(struct mig_printer *p, const struct mig_sig *sig)
{
	char buf[MIG_SIG_TYPE_MAX + 256];
	unsigned i;

	if (sig->nparams == 0) {
		mp_raw(p, "void");
		return;
	}
	for (i = 0; i < sig->nparams; i++) {
		mig_sig_format_param(&sig->params[i], buf, sizeof buf);
		mp_raw(p, "%s%s", i ? ", " : "", buf);
	}
}

const char *
mig_user_stub_name(const struct mig_subsystem *ss, const struct mig_routine *rt,
		   char *buf, size_t size)
{
	/* rt->user_name already holds the prefix in effect (-prefix, then
	 * any userprefix statement), as GNU MIG names the stub */
	(void)ss;
	snprintf(buf, size, "%s", rt->user_name);
	return buf;
}

const char *
mig_server_stub_name(const struct mig_subsystem *ss, const struct mig_routine *rt,
		     char *buf, size_t size)
{
	(void)ss;
	snprintf(buf, size, "_X%s", rt->name);
	return buf;
}
