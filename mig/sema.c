/* SPDX-License-Identifier: MIT */
/*
 * sema.c - the semantic pass: checks the raw tree of ast.h and builds the
 * resolved IR of ir.h (ctx->subsystem).
 *
 * Types are resolved by sema_types.c.  Routines are numbered base +
 * index (skips included), get their implicit arguments (Poly, Cnt,
 * Dealloc, SCopy, RetCode) and the prefixes, waittime and msgoption in
 * effect where they are declared.  Every error is reported at its node and
 * the pass goes on, so one run reports them all.
 */
#include <stdlib.h>
#include <string.h>

#include "sema.h"

/* ------------------------------------------------------------------ */
/* Routines                                                            */
/* ------------------------------------------------------------------ */

static const char *const flag_names[] = {
	[AST_FL_DEALLOC] = "dealloc", [AST_FL_NOTDEALLOC] = "notdealloc",
	[AST_FL_SERVERCOPY] = "servercopy", [AST_FL_COUNTINOUT] = "countinout",
	[AST_FL_ISLONG] = "islong", [AST_FL_ISNOTLONG] = "isnotlong",
	[AST_FL_RETCODE] = "retcode",
};

static const char *const dir_names[] = {
	[AST_DIR_NONE] = "in", [AST_DIR_IN] = "in", [AST_DIR_OUT] = "out",
	[AST_DIR_INOUT] = "inout", [AST_DIR_REQUESTPORT] = "requestport",
	[AST_DIR_REPLYPORT] = "replyport", [AST_DIR_SREPLYPORT] = "sreplyport",
	[AST_DIR_UREPLYPORT] = "ureplyport", [AST_DIR_WAITTIME] = "waittime",
	[AST_DIR_MSGOPTION] = "msgoption", [AST_DIR_MSGSEQNO] = "msgseqno",
};

struct rstate {
	struct mig_routine *r;
	struct pmap names;		/* argument name -> mig_arg */
	struct mig_arg **tail;
};

static bool
claim_name(struct sema *s, struct rstate *rs, struct mig_arg *a)
{
	struct mig_arg *prev = sema_pmap_get(&rs->names, a->name);

	if (prev != NULL) {
		if (a->parent != NULL)
			mig_diag(s->ctx, MIG_ERROR, a->loc, "M0040",
				 "implicit argument '%s' of '%s' clashes with another argument",
				 a->name, a->parent->name);
		else
			mig_diag(s->ctx, MIG_ERROR, a->loc, "M0040",
				 "duplicate argument '%s' in routine '%s'",
				 a->name, rs->r->name);
		sema_note_prev(s, prev->loc, "previous declaration is here");
		return false;
	}
	sema_pmap_put(&rs->names, a->name, a);
	return true;
}

static struct mig_arg *
implicit(struct sema *s, struct rstate *rs, struct mig_arg *parent,
	 enum mig_arg_kind kind, const char *suffix, struct mig_type *type)
{
	struct mig_arg *a = MIG_NEW(s->ctx, struct mig_arg);

	a->name = mig_intern_str(s->ctx,
				 mig_printf(s->ctx, "%s%s", parent->name, suffix));
	a->loc = parent->loc;
	a->kind = kind;
	a->type = type;
	a->parent = parent;
	a->in_request = parent->in_request;
	a->in_reply = parent->in_reply;
	a->longform = type->longform;
	claim_name(s, rs, a);
	*rs->tail = a;
	rs->tail = &a->next;
	return a;
}

static unsigned
collect_flags(struct sema *s, const struct ast_arg *aa)
{
	const struct ast_flag *f;
	unsigned fl = 0, bit;

	for (f = aa->flags; f != NULL; f = f->next) {
		switch (f->kind) {
		case AST_FL_DEALLOC:
			bit = f->brackets ? MIG_FL_DEALLOC_MAYBE : MIG_FL_DEALLOC;
			break;
		case AST_FL_NOTDEALLOC: bit = MIG_FL_NOTDEALLOC; break;
		case AST_FL_SERVERCOPY: bit = MIG_FL_SERVERCOPY; break;
		case AST_FL_COUNTINOUT: bit = MIG_FL_COUNTINOUT; break;
		case AST_FL_ISLONG: bit = MIG_FL_ISLONG; break;
		case AST_FL_ISNOTLONG: bit = MIG_FL_ISNOTLONG; break;
		default: bit = MIG_FL_RETCODE; break;
		}
		if (f->brackets && f->kind != AST_FL_DEALLOC) {
			mig_diag(s->ctx, MIG_ERROR, f->loc, "M0041",
				 "'[]' is only allowed after 'dealloc'");
			continue;
		}
		if (fl & bit) {
			mig_diag(s->ctx, MIG_WARNING, f->loc, "M0055",
				 "flag '%s%s' given twice", flag_names[f->kind],
				 f->brackets ? "[]" : "");
			continue;
		}
		if (((bit & (MIG_FL_DEALLOC | MIG_FL_DEALLOC_MAYBE |
			     MIG_FL_NOTDEALLOC)) &&
		     (fl & (MIG_FL_DEALLOC | MIG_FL_DEALLOC_MAYBE |
			    MIG_FL_NOTDEALLOC)))) {
			mig_diag(s->ctx, MIG_ERROR, f->loc, "M0041",
				 "conflicting flags: only one of dealloc, dealloc[] and notdealloc");
			continue;
		}
		if ((bit & (MIG_FL_ISLONG | MIG_FL_ISNOTLONG)) &&
		    (fl & (MIG_FL_ISLONG | MIG_FL_ISNOTLONG))) {
			mig_diag(s->ctx, MIG_ERROR, f->loc, "M0058",
				 "conflicting flags: islong and isnotlong");
			continue;
		}
		fl |= bit;
	}
	return fl;
}

static const struct ast_flag *
find_flag(const struct ast_arg *aa, unsigned bit)
{
	const struct ast_flag *f;

	for (f = aa->flags; f != NULL; f = f->next) {
		unsigned b;

		switch (f->kind) {
		case AST_FL_DEALLOC:
			b = f->brackets ? MIG_FL_DEALLOC_MAYBE : MIG_FL_DEALLOC;
			break;
		case AST_FL_NOTDEALLOC: b = MIG_FL_NOTDEALLOC; break;
		case AST_FL_SERVERCOPY: b = MIG_FL_SERVERCOPY; break;
		case AST_FL_COUNTINOUT: b = MIG_FL_COUNTINOUT; break;
		case AST_FL_ISLONG: b = MIG_FL_ISLONG; break;
		case AST_FL_ISNOTLONG: b = MIG_FL_ISNOTLONG; break;
		default: b = MIG_FL_RETCODE; break;
		}
		if (b == bit)
			return f;
	}
	return NULL;
}

static bool
is_single_port(const struct mig_type *t)
{
	return t->is_port && t->is_inline && !t->variable && t->number == 1;
}

static bool
is_scalar_int(const struct mig_type *t)
{
	return !t->is_port && !t->polymorphic && !t->is_string &&
	       t->is_inline && !t->variable && t->number == 1 &&
	       t->in_name != MIG_TN_PORT_NAME && t->size_bits >= 8 &&
	       t->size_bits <= 64;
}

/* Check flags against type and direction; report each problem at its
 * flag. */
static void
check_flags(struct sema *s, const struct ast_arg *aa, struct mig_arg *a,
	    bool data)
{
	const struct mig_type *t = a->type;
	unsigned fl = a->flags;
	const struct ast_flag *f;

	if (!data) {
		for (f = aa->flags; f != NULL; f = f->next)
			mig_diag(s->ctx, MIG_ERROR, f->loc, "M0047",
				 "flag '%s' is not allowed on a %s argument",
				 flag_names[f->kind], dir_names[aa->dir]);
		a->flags = 0;
		return;
	}
	if ((fl & MIG_FL_DEALLOC) && t->is_inline && !t->is_port) {
		mig_diag(s->ctx, MIG_ERROR, find_flag(aa, MIG_FL_DEALLOC)->loc,
			 "M0042",
			 "'dealloc' on '%s': inline data cannot be deallocated",
			 a->name);
		a->flags &= ~(unsigned)MIG_FL_DEALLOC;
	}
	if ((fl & MIG_FL_DEALLOC_MAYBE) && t->is_inline) {
		mig_diag(s->ctx, MIG_ERROR,
			 find_flag(aa, MIG_FL_DEALLOC_MAYBE)->loc, "M0059",
			 "'dealloc[]' on '%s': only out-of-line data can be deallocated",
			 a->name);
		a->flags &= ~(unsigned)MIG_FL_DEALLOC_MAYBE;
	}
	if (fl & MIG_FL_SERVERCOPY) {
		f = find_flag(aa, MIG_FL_SERVERCOPY);
		if (t->is_inline && !t->indefinite) {
			mig_diag(s->ctx, MIG_ERROR, f->loc, "M0043",
				 "'servercopy' on '%s': only out-of-line data can be copied by the server",
				 a->name);
			a->flags &= ~(unsigned)MIG_FL_SERVERCOPY;
		} else if (a->kind != MIG_ARG_IN) {
			mig_diag(s->ctx, MIG_ERROR, f->loc, "M0046",
				 "'servercopy' on '%s': only an 'in' argument can be copied by the server",
				 a->name);
			a->flags &= ~(unsigned)MIG_FL_SERVERCOPY;
		}
	}
	if (fl & MIG_FL_COUNTINOUT) {
		f = find_flag(aa, MIG_FL_COUNTINOUT);
		if (!t->variable || t->is_string) {
			mig_diag(s->ctx, MIG_ERROR, f->loc, "M0044",
				 "'countinout' on '%s': its type has no count (not a variable-sized array)",
				 a->name);
			a->flags &= ~(unsigned)MIG_FL_COUNTINOUT;
		} else if (a->kind == MIG_ARG_IN) {
			mig_diag(s->ctx, MIG_ERROR, f->loc, "M0045",
				 "'countinout' on '%s': only an 'out' argument has a count to pass in",
				 a->name);
			a->flags &= ~(unsigned)MIG_FL_COUNTINOUT;
		}
	}
}

static void
build_routine(struct sema *s, const struct ast_stmt *st,
	      struct mig_routine *r)
{
	struct rstate rs;
	const struct ast_arg *aa;
	struct mig_arg *first = NULL;
	bool simple = st->kind == AST_SIMPLEROUTINE;

	memset(&rs, 0, sizeof(rs));
	rs.r = r;
	rs.tail = &r->args;
	for (aa = st->args; aa != NULL; aa = aa->next) {
		struct mig_arg *a = MIG_NEW(s->ctx, struct mig_arg);
		struct mig_type *t;
		bool data = false;

		a->name = aa->name;
		a->loc = aa->loc;
		if (aa->decl != NULL)
			t = sema_build_decl(s, aa->decl, 0);
		else
			t = sema_resolve_name(s, aa->type_name, aa->type_loc, 0);
		switch (aa->dir) {
		case AST_DIR_NONE:
		case AST_DIR_IN:
			a->kind = MIG_ARG_IN;
			a->in_request = true;
			data = true;
			break;
		case AST_DIR_OUT:
			a->kind = MIG_ARG_OUT;
			a->in_reply = true;
			data = true;
			break;
		case AST_DIR_INOUT:
			a->kind = MIG_ARG_INOUT;
			a->in_request = a->in_reply = true;
			data = true;
			break;
		case AST_DIR_REQUESTPORT:
			a->kind = MIG_ARG_REQUEST_PORT;
			a->in_request = true;
			break;
		case AST_DIR_REPLYPORT:
			a->kind = MIG_ARG_REPLY_PORT;
			a->in_request = true;
			break;
		case AST_DIR_SREPLYPORT:
			a->kind = MIG_ARG_SREPLY_PORT;
			a->in_request = true;
			break;
		case AST_DIR_UREPLYPORT:
			a->kind = MIG_ARG_UREPLY_PORT;
			a->in_request = true;
			break;
		case AST_DIR_WAITTIME:
			a->kind = MIG_ARG_WAITTIME;
			break;
		case AST_DIR_MSGOPTION:
			a->kind = MIG_ARG_MSGOPTION;
			break;
		case AST_DIR_MSGSEQNO:
			a->kind = MIG_ARG_MSGSEQNO;
			break;
		}
		a->flags = collect_flags(s, aa);
		claim_name(s, &rs, a);
		*rs.tail = a;
		rs.tail = &a->next;
		if (first == NULL)
			first = a;
		if (simple && a->in_reply)
			mig_diag(s->ctx, MIG_ERROR, aa->dir_loc.line ? aa->dir_loc : aa->loc,
				 "M0053",
				 "'%s' argument '%s' in simpleroutine '%s', which has no reply",
				 dir_names[aa->dir], a->name, r->name);
		if (t == NULL) {
			/* reported; a placeholder that later checks skip */
			a->type = s->t_error;
			a->flags = 0;
			continue;
		}
		a->type = t;
		check_flags(s, aa, a, data);

		switch (a->kind) {
		case MIG_ARG_REQUEST_PORT:
			if (r->request_port != NULL &&
			    r->request_port->kind == MIG_ARG_REQUEST_PORT) {
				mig_diag(s->ctx, MIG_ERROR, a->loc, "M0050",
					 "second requestport argument '%s'", a->name);
				sema_note_prev(s, r->request_port->loc,
					  "the first one is here");
			} else {
				r->request_port = a;
			}
			if (!is_single_port(t) && !t->polymorphic)
				mig_diag(s->ctx, MIG_ERROR, aa->type_loc, "M0048",
					 "request port '%s' is not a port (type '%s')",
					 a->name, t->name ? t->name : "anonymous");
			break;
		case MIG_ARG_REPLY_PORT:
		case MIG_ARG_SREPLY_PORT:
		case MIG_ARG_UREPLY_PORT:
			if (r->reply_port != NULL) {
				mig_diag(s->ctx, MIG_ERROR, a->loc, "M0050",
					 "second reply port argument '%s'", a->name);
				sema_note_prev(s, r->reply_port->loc,
					  "the first one is here");
			} else {
				r->reply_port = a;
			}
			if (!is_single_port(t) && !t->polymorphic)
				mig_diag(s->ctx, MIG_ERROR, aa->type_loc, "M0049",
					 "reply port '%s' is not a port (type '%s')",
					 a->name, t->name ? t->name : "anonymous");
			break;
		case MIG_ARG_WAITTIME:
		case MIG_ARG_MSGOPTION:
		case MIG_ARG_MSGSEQNO: {
			struct mig_arg **slot =
				a->kind == MIG_ARG_WAITTIME ? &r->waittime :
				a->kind == MIG_ARG_MSGOPTION ? &r->msgoption :
							       &r->msgseqno;

			if (*slot != NULL) {
				mig_diag(s->ctx, MIG_ERROR, a->loc, "M0050",
					 "second %s argument '%s'",
					 dir_names[aa->dir], a->name);
				sema_note_prev(s, (*slot)->loc, "the first one is here");
			} else {
				*slot = a;
			}
			if (!is_scalar_int(t))
				mig_diag(s->ctx, MIG_ERROR, aa->type_loc, "M0051",
					 "%s argument '%s' must be an inline integer",
					 dir_names[aa->dir], a->name);
			break;
		}
		default:
			break;
		}

		a->longform = (a->flags & MIG_FL_ISLONG) ? true :
			      (a->flags & MIG_FL_ISNOTLONG) ? false : t->longform;
		a->dealloc = (a->flags & MIG_FL_DEALLOC) ? MIG_DEALLOC_ALWAYS :
			     (a->flags & MIG_FL_DEALLOC_MAYBE) ? MIG_DEALLOC_MAYBE :
			     (a->flags & MIG_FL_NOTDEALLOC) ? MIG_DEALLOC_NEVER :
			     t->dealloc;
		if (data && a->dealloc == MIG_DEALLOC_ALWAYS && t->is_inline &&
		    !t->is_port && !(a->flags & MIG_FL_DEALLOC))
			mig_diag(s->ctx, MIG_ERROR, aa->type_loc, "M0042",
				 "type '%s' of '%s' is dealloc, but inline data cannot be deallocated",
				 t->name ? t->name : "anonymous", a->name);
		/* ports (data, request and reply ports alike) whose right is
		 * chosen at run time carry a Poly */
		if (t->polymorphic && a->kind != MIG_ARG_WAITTIME &&
		    a->kind != MIG_ARG_MSGOPTION && a->kind != MIG_ARG_MSGSEQNO)
			a->poly = implicit(s, &rs, a, MIG_ARG_POLY, "Poly",
					   s->t_poly);
		if (!data)
			continue;
		if (t->variable && !t->is_string) {
			a->count = implicit(s, &rs, a, MIG_ARG_COUNT, "Cnt",
					    s->t_count);
			if (a->flags & MIG_FL_COUNTINOUT)
				a->count->in_request = true;
		}
		if (a->flags & MIG_FL_DEALLOC_MAYBE)
			a->dealloc_arg = implicit(s, &rs, a, MIG_ARG_DEALLOC,
						  "Dealloc", s->t_bool);
		if (a->flags & MIG_FL_SERVERCOPY) {
			a->scopy = implicit(s, &rs, a, MIG_ARG_SCOPY, "SCopy",
					    s->t_bool);
			a->scopy->in_reply = false;
		}
	}

	/* The request port: an explicit one, else the first argument. */
	if (r->request_port == NULL) {
		if (first == NULL) {
			mig_diag(s->ctx, MIG_ERROR, r->loc, "M0052",
				 "routine '%s' has no arguments, so no request port",
				 r->name);
		} else if (first->kind != MIG_ARG_IN) {
			mig_diag(s->ctx, MIG_ERROR, first->loc, "M0052",
				 "the first argument '%s' of '%s' must be the request port (an 'in' port)",
				 first->name, r->name);
		} else {
			if (first->type != s->t_error &&
			    !is_single_port(first->type) && !first->type->polymorphic)
				mig_diag(s->ctx, MIG_ERROR, first->loc, "M0048",
					 "argument '%s' is not a port, so it cannot be the request port of '%s'",
					 first->name, r->name);
			first->kind = MIG_ARG_REQUEST_PORT;
			r->request_port = first;
		}
	}
	if (r->request_port == NULL)
		r->request_port = first;	/* only after an error */
	sema_pmap_clear(&rs.names);

	if (!simple) {
		struct mig_arg *rc = MIG_NEW(s->ctx, struct mig_arg);

		rc->name = mig_intern_str(s->ctx, "RetCode");
		rc->loc = r->loc;
		rc->kind = MIG_ARG_RETCODE;
		rc->type = s->t_retcode;
		rc->in_reply = true;
		r->retcode = rc;
	}
}

int
mig_sema(struct mig_ctx *ctx)
{
	struct sema s;
	struct mig_front *fe = mig_front(ctx);
	struct mig_subsystem *ss = MIG_NEW(ctx, struct mig_subsystem);
	struct ast_typedecl *d;
	struct ast_stmt *st;
	struct mig_type **ttail = &ss->types;
	struct mig_routine **rtail = &ss->routines;
	struct mig_import **itail = &ss->imports;
	struct pmap rnames = { 0 };
	const struct ast_stmt *subsys = NULL, *rcsid = NULL, *demux = NULL;
	const char *uprefix = "", *sprefix = "";
	const char *waittime = NULL, *msgoption = NULL;
	bool warned_order = false, id_overflow = false, too_many = false;
	unsigned before = ctx->nerrors;
	uint64_t index = 0;

	memset(&s, 0, sizeof(s));
	s.ctx = ctx;
	s.fe = fe;
	s.t_count = sema_builtin(&s, "mach_msg_type_number_t", MIG_TN_INTEGER_32, 32);
	s.t_poly = sema_builtin(&s, "mach_msg_type_name_t", MIG_TN_INTEGER_32, 32);
	s.t_retcode = sema_builtin(&s, "kern_return_t", MIG_TN_INTEGER_32, 32);
	s.t_bool = sema_builtin(&s, "boolean_t", MIG_TN_BOOLEAN, 32);
	s.t_error = sema_builtin(&s, "int", MIG_TN_INTEGER_32, 32);
	sema_pmap_put(&s.builtins, mig_intern_str(ctx, "char"),
		      sema_builtin(&s, "char", MIG_TN_CHAR, 8));
	sema_pmap_put(&s.builtins, mig_intern_str(ctx, "short"),
		      sema_builtin(&s, "short", MIG_TN_INTEGER_16, 16));
	sema_pmap_put(&s.builtins, mig_intern_str(ctx, "int"),
		      sema_builtin(&s, "int", MIG_TN_INTEGER_32, 32));

	ss->user_prefix = ctx->opt.prefix ? ctx->opt.prefix : "";
	ss->subr_prefix = ctx->opt.subrprefix ? ctx->opt.subrprefix : "";

	s.types_only = true;
	for (st = fe->stmts; st != NULL; st = st->next)
		if (st->kind == AST_SUBSYSTEM || st->kind == AST_ROUTINE ||
		    st->kind == AST_SIMPLEROUTINE || st->kind == AST_SKIP)
			s.types_only = false;

	/* 1. type names */
	for (d = fe->decls; d != NULL; d = d->next_decl) {
		struct ast_typedecl *prev = sema_pmap_get(&s.types, d->name);

		if (prev != NULL) {
			mig_diag(ctx, MIG_ERROR, d->loc, "M0020",
				 "redefinition of type '%s'", d->name);
			sema_note_prev(&s, prev->loc, "previous definition is here");
			d->state = 2;	/* not resolved, not listed */
			d->resolved = NULL;
			continue;
		}
		sema_pmap_put(&s.types, d->name, d);
	}
	/* 2. resolve every type, in declaration order */
	for (d = fe->decls; d != NULL; d = d->next_decl) {
		struct mig_type *t;

		if (sema_pmap_get(&s.types, d->name) != d)
			continue;
		t = sema_resolve_decl(&s, d, 0);
		if (t != NULL) {
			*ttail = t;
			ttail = &t->next;
		}
	}
	/* 3. statements in order */
	for (st = fe->stmts; st != NULL; st = st->next) {
		switch (st->kind) {
		case AST_SUBSYSTEM: {
			uint64_t base = 0;

			if (subsys != NULL) {
				mig_diag(ctx, MIG_ERROR, st->loc, "M0010",
					 "second subsystem statement");
				sema_note_prev(&s, subsys->loc, "the first one is here");
				break;
			}
			subsys = st;
			ss->name = st->name;
			ss->loc = st->name_loc;
			ss->kernel_user = st->kernel_user;
			ss->kernel_server = st->kernel_server;
			if (sema_eval(&s, st->number, &base) && base > INT32_MAX - 100) {
				mig_diag(ctx, MIG_ERROR, st->number->loc, "M0012",
					 "subsystem base %llu out of range (0..%d)",
					 (unsigned long long)base, INT32_MAX - 100);
				base = 0;
			}
			ss->base = (int32_t)base;
			break;
		}
		case AST_ROUTINE:
		case AST_SIMPLEROUTINE:
		case AST_SKIP: {
			uint64_t count = 1, i;

			if (subsys == NULL && !warned_order) {
				mig_diag(ctx, MIG_ERROR, st->loc, "M0011",
					 "'%s' before any subsystem statement (a file with routines must declare its subsystem first)",
					 st->kind == AST_SKIP ? "skip" : st->kind == AST_ROUTINE ?
					 "routine" : "simpleroutine");
				warned_order = true;
			}
			if (st->kind == AST_SKIP && st->number != NULL) {
				if (!sema_eval(&s, st->number, &count))
					count = 0;
				else if (count == 0 || count > MAX_SKIP) {
					mig_diag(ctx, MIG_ERROR, st->number->loc,
						 "M0016",
						 "skip count %llu out of range (1..%u)",
						 (unsigned long long)count, MAX_SKIP);
					count = 0;
				}
			}
			if (index + count > MAX_ROUTINES) {
				if (!too_many)
					mig_diag(ctx, MIG_ERROR, st->loc, "M0016",
						 "too many routines (more than %u)",
						 MAX_ROUTINES);
				too_many = true;
				break;
			}
			for (i = 0; i < count; i++, index++) {
				struct mig_routine *r = MIG_NEW(ctx, struct mig_routine);
				int64_t id = (int64_t)ss->base + (int64_t)index;

				r->kind = st->kind == AST_ROUTINE ? MIG_ROUTINE :
					  st->kind == AST_SIMPLEROUTINE ?
					  MIG_SIMPLEROUTINE : MIG_SKIP;
				r->loc = st->kind == AST_SKIP ? st->loc : st->name_loc;
				if (id > (int64_t)INT32_MAX - 100) {
					if (!id_overflow)
						mig_diag(ctx, MIG_ERROR, r->loc, "M0013",
							 "message id %lld (base %d + %llu) overflows: reply ids are request ids + 100 and must fit in 32 bits",
							 (long long)id, ss->base,
							 (unsigned long long)index);
					id_overflow = true;
					id = 0;
				}
				r->id = (int32_t)id;
				*rtail = r;
				rtail = &r->next;
				ss->nroutines++;
				if (r->kind == MIG_SKIP)
					continue;
				r->name = st->name;
				r->user_name = mig_intern_str(ctx,
					mig_printf(ctx, "%s%s%s", ss->user_prefix,
						   uprefix, st->name));
				r->server_name = mig_intern_str(ctx,
					mig_printf(ctx, "%s%s%s", ss->user_prefix,
						   sprefix, st->name));
				r->waittime_expr = waittime;
				r->msgoption_expr = msgoption;
				{
					struct mig_routine *prev =
						sema_pmap_get(&rnames, st->name);

					if (prev != NULL) {
						mig_diag(ctx, MIG_ERROR, r->loc, "M0015",
							 "duplicate routine '%s'", st->name);
						sema_note_prev(&s, prev->loc,
							  "previous definition is here");
					} else {
						sema_pmap_put(&rnames, st->name, r);
					}
				}
				build_routine(&s, st, r);
			}
			break;
		}
		case AST_TYPE:
			break;
		case AST_IMPORT:
		case AST_UIMPORT:
		case AST_SIMPORT: {
			struct mig_import *im = MIG_NEW(ctx, struct mig_import);

			im->kind = st->kind == AST_IMPORT ? MIG_IMPORT :
				   st->kind == AST_UIMPORT ? MIG_UIMPORT :
							     MIG_SIMPORT;
			im->text = st->name;
			im->loc = st->name_loc;
			*itail = im;
			itail = &im->next;
			break;
		}
		case AST_RCSID:
			if (rcsid != NULL) {
				mig_diag(ctx, MIG_WARNING, st->loc, "M0017",
					 "second rcsid; the last one is used");
				sema_note_prev(&s, rcsid->loc, "the first one is here");
			}
			rcsid = st;
			ss->rcsid = st->name;
			break;
		case AST_SERVERDEMUX:
			if (demux != NULL) {
				mig_diag(ctx, MIG_WARNING, st->loc, "M0017",
					 "second serverdemux; the last one is used");
				sema_note_prev(&s, demux->loc, "the first one is here");
			}
			demux = st;
			ss->serverdemux = st->name;
			break;
		case AST_SERVERPREFIX:
			sprefix = st->name;
			break;
		case AST_USERPREFIX:
			uprefix = st->name;
			break;
		case AST_WAITTIME:
			waittime = st->name;
			break;
		case AST_NOWAITTIME:
			waittime = NULL;
			break;
		case AST_MSGOPTION:
			msgoption = st->name;
			break;
		}
		if (ctx->fatal)
			break;
	}
	sema_pmap_clear(&rnames);
	sema_pmap_clear(&s.types);
	sema_pmap_clear(&s.builtins);

	/* A request id that is also the reply id (request + 100) of a routine
	 * of this subsystem: legal, but a reply could be taken for a request.
	 * Warn once, at the first. */
	if (ss->nroutines > 100) {
		struct mig_routine *r, *early = ss->routines;
		unsigned i;

		for (r = ss->routines, i = 0; r != NULL; r = r->next, i++) {
			if (i < 100)
				continue;
			if (r->kind != MIG_SKIP && early->kind == MIG_ROUTINE) {
				mig_diag(ctx, MIG_WARNING, r->loc, "M0014",
					 "message id %d of '%s' is also the reply id of '%s' (%d + 100)",
					 r->id, r->name, early->name, early->id);
				break;
			}
			early = early->next;
		}
	}
	/* -prefix names the demultiplexer too (GNU MIG: PREFIXsub_server). */
	if (ss->name != NULL)
		ss->serverdemux = mig_intern_str(ctx, ss->serverdemux != NULL
			? mig_printf(ctx, "%s%s", ss->user_prefix, ss->serverdemux)
			: mig_printf(ctx, "%s%s_server", ss->user_prefix, ss->name));
	ctx->subsystem = ss;
	return ctx->nerrors == before ? 0 : -1;
}
