/* SPDX-License-Identifier: MIT */
/*
 * emit_rtest.c - the round-trip test program of a .defs (hidden option
 * -rtest FILE).
 *
 * For every routine the program defines the server function (named as the
 * server stub calls it, with the parameter list of sig.h) and a client case
 * that calls the user stub.  Values are deterministic patterns of (routine,
 * argument, call): the server function checks that every datum it receives
 * arrived intact and fills every datum it sends; the client checks the
 * return code, that the server function ran exactly once, every datum it
 * got back and the fate of its out-of-line regions.  Each routine runs three
 * calls: full sizes, small sizes, and one where the server function returns
 * an error code the client must get back.
 *
 * The program links with the user stubs (generated with a -prefix, so stub
 * and server function names differ), the server stubs and
 * testsuite/mig.run/mig_rt.c, the in-process transport.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"
#include "printer.h"
#include "sig.h"

/* How a datum is held in C (the same on both sides). */
enum rt_shape {
	RT_SCALAR,	/* a value: scalar, struct, one port */
	RT_FIXARRAY,	/* a fixed inline array: T is a C array type */
	RT_STRING,	/* an inline string (fixed or variable) */
	RT_VARARRAY,	/* a variable inline array, with a Cnt */
	RT_OOL,		/* out of line: T holds an address */
};

/* Elements of an unbounded out-of-line array at the full-size call. */
#define RT_UNBOUNDED_CAP 300u
/* Largest count the test uses for an out-of-line array. */
#define RT_OOL_CAP_MAX 4096u

struct rt_arg {
	const struct mig_arg *a;
	unsigned ai;			/* index in the routine's arg list */
	enum rt_shape shape;
	const struct mig_param *up;	/* user side parameter, or NULL */
	const struct mig_param *sp;	/* server side parameter, or NULL */
	char elem[MIG_SIG_TYPE_MAX];	/* element C type (arrays, OOL) */
	char cap[MIG_SIG_TYPE_MAX + 64];/* capacity in elements (C text) */
	char plain[MIG_SIG_TYPE_MAX];	/* user C type without "const " */
	uint64_t wire_bytes;		/* scalar: bytes of the datum on the wire */
	bool countinout;
};

struct rt_routine {
	const struct mig_routine *r;
	unsigned ri;
	struct mig_sig *us, *ss;
	struct rt_arg *args;
	unsigned nargs;
	const char *skip;		/* why the routine is not exercised */
};

static const char *
base_name(const char *path)
{
	const char *s = path ? strrchr(path, '/') : NULL;

	return s ? s + 1 : path;
}

static void
strip_const(char *dst, size_t size, const char *ctype)
{
	if (strncmp(ctype, "const ", 6) == 0)
		ctype += 6;
	snprintf(dst, size, "%s", ctype);
}

static enum rt_shape
shape_of(const struct mig_type *t)
{
	if (!t->is_inline)
		return RT_OOL;
	if (mig_type_is_string(t))
		return RT_STRING;
	if (t->variable)
		return RT_VARARRAY;
	if (mig_type_is_c_array(t))
		return RT_FIXARRAY;
	return RT_SCALAR;
}

static bool
type_translated(const struct mig_type *t)
{
	return t->intran.func || t->outtran.func || t->destructor.func ||
	       t->intranpayload.func;
}

/* The receiver's view of a port disposition (what the kernel turns it into). */
static int
received_name(int name)
{
	switch (name) {
	case MIG_TN_COPY_SEND:
	case MIG_TN_MAKE_SEND:
		return MIG_TN_MOVE_SEND;
	case MIG_TN_MAKE_SEND_ONCE:
		return MIG_TN_MOVE_SEND_ONCE;
	default:
		return name;
	}
}

/* Fill R's per-argument table; sets r->skip for what cannot be exercised. */
static int
prepare(struct mig_ctx *ctx, struct rt_routine *rr)
{
	const struct mig_routine *r = rr->r;
	const struct mig_arg *a;
	unsigned n = 0, i = 0;

	rr->us = mig_sig_build(ctx, r, MIG_SIDE_USER);
	rr->ss = mig_sig_build(ctx, r, MIG_SIDE_SERVER);
	if (rr->us == NULL || rr->ss == NULL)
		return -1;
	for (a = r->args; a; a = a->next)
		n++;
	rr->args = calloc(n ? n : 1, sizeof *rr->args);
	if (rr->args == NULL)
		return -1;
	rr->nargs = n;
	for (a = r->args; a; a = a->next, i++) {
		struct rt_arg *x = &rr->args[i];
		const struct mig_type *t = a->type;
		const struct mig_type *res = mig_type_resolved(t);
		const char *elem = "char";

		x->a = a;
		x->ai = i;
		x->up = mig_sig_find(rr->us, a);
		x->sp = mig_sig_find(rr->ss, a);
		x->shape = shape_of(t);
		x->wire_bytes = t->inline_bytes;
		x->countinout = (a->flags & MIG_FL_COUNTINOUT) ||
				(a->count && (a->count->flags & MIG_FL_COUNTINOUT));
		strip_const(x->plain, sizeof x->plain,
			    x->up ? x->up->ctype : t->user_ctype);
		if (type_translated(t))
			rr->skip = "translated types (intran/outtran/destructor)";
		if (t->polymorphic && !t->is_port)
			rr->skip = "polymorphic data that is not a port";
		if (res && res->element && res->element->user_ctype)
			elem = res->element->user_ctype;
		snprintf(x->elem, sizeof x->elem, "%s", elem);
		switch (x->shape) {
		case RT_VARARRAY:
			if (t->is_port)
				snprintf(x->cap, sizeof x->cap, "%uu", (unsigned)t->number);
			else
				snprintf(x->cap, sizeof x->cap, "(%lluu / sizeof(%s))",
					 (unsigned long long)t->inline_bytes, x->elem);
			break;
		case RT_STRING:
			snprintf(x->cap, sizeof x->cap, "%lluu",
				 (unsigned long long)t->inline_bytes);
			break;
		case RT_OOL:
			if (!t->variable) {
				/* a fixed out-of-line array: its bytes */
				unsigned long long b = t->is_port
					? (unsigned long long)t->number * 4
					: ((unsigned long long)t->size_bits * t->number + 7) / 8;
				snprintf(x->elem, sizeof x->elem, "char");
				snprintf(x->cap, sizeof x->cap, "%lluu", b);
			} else {
				unsigned c = t->number == 0 ? RT_UNBOUNDED_CAP
					: t->number > RT_OOL_CAP_MAX ? RT_OOL_CAP_MAX
					: t->number;
				snprintf(x->cap, sizeof x->cap, "%uu", c);
			}
			break;
		default:
			break;
		}
	}
	return 0;
}

static void
release(struct rt_routine *rr)
{
	mig_sig_free(rr->us);
	mig_sig_free(rr->ss);
	free(rr->args);
}

static struct rt_arg *
arg_of(struct rt_routine *rr, const struct mig_arg *a)
{
	unsigned i;

	for (i = 0; i < rr->nargs; i++)
		if (rr->args[i].a == a)
			return &rr->args[i];
	return NULL;
}

static bool
user_sends_data(const struct mig_arg *a)
{
	return a->kind == MIG_ARG_IN || a->kind == MIG_ARG_INOUT;
}

static bool
server_sends_data(const struct mig_arg *a)
{
	return a->kind == MIG_ARG_OUT || a->kind == MIG_ARG_INOUT;
}

/*
 * C text of the count of X's datum as its sender sends it: REQUEST, the
 * request's (the user's), else the reply's (the server's).  Counts vary
 * with the call (rt_count: full, a third, a half) and differ between the
 * two directions; an inout datum comes back with half the elements, a
 * countinout one with as many as the client offered room for.
 */
static void
count_expr(char *buf, size_t size, const struct rt_arg *x, bool request)
{
	if (x->shape == RT_OOL && !x->a->type->variable)
		snprintf(buf, size, "%s", x->cap);
	else if (request)
		snprintf(buf, size, "rt_count(%s, rt_call)", x->cap);
	else if (x->a->kind == MIG_ARG_INOUT)
		snprintf(buf, size, "(rt_count(%s, rt_call) / 2)", x->cap);
	else if (x->countinout)
		snprintf(buf, size, "rt_count(%s, rt_call + 1)", x->cap);
	else
		snprintf(buf, size, "rt_count(%s, rt_call + 2)", x->cap);
}

/* Seed of X's datum in the request / the reply. */
static void
seed_expr(char *buf, size_t size, struct rt_routine *rr, const struct rt_arg *x, bool request)
{
	snprintf(buf, size, "mig_rt_seed(%uu, %uu, rt_call%s)", rr->ri, x->ai,
		 request ? "" : " + 1000u");
}

/* Bytes compared for a scalar whose C object is OBJ (a C expression of
 * the object, for sizeof). */
static void
scalar_bytes(char *buf, size_t size, const struct rt_arg *x, const char *obj)
{
	if (x->a->type->is_port || x->wire_bytes == 0)
		snprintf(buf, size, "sizeof(%s)", obj);
	else
		snprintf(buf, size, "(sizeof(%s) < %lluu ? sizeof(%s) : %lluu)", obj,
			 (unsigned long long)x->wire_bytes, obj,
			 (unsigned long long)x->wire_bytes);
}

/* Is the out-of-line datum X sends moved (deallocated by the transport)
 * when USER (else the server) sends it?  Returns C text. */
static const char *
ool_moved(struct rt_routine *rr, const struct rt_arg *x, bool user)
{
	const struct mig_param *dp;

	switch (x->a->dealloc) {
	case MIG_DEALLOC_ALWAYS:
		return "1";
	case MIG_DEALLOC_NEVER:
		return "0";
	default:
		if (x->a->dealloc_arg == NULL)
			return "0";
		dp = mig_sig_find(user ? rr->us : rr->ss, x->a->dealloc_arg);
		if (dp == NULL || (!user && !dp->by_ref))
			return "0";
		return "(rt_call % 3u != 1u)";
	}
}

/* ------------------------------------------------------------------ */
/* The server function                                                 */
/* ------------------------------------------------------------------ */

static void
server_check_data(struct mig_printer *p, struct rt_routine *rr, struct rt_arg *x)
{
	const struct mig_param *sp = x->sp;
	const char *nm = sp->name;
	char seed[128], cnt[MIG_SIG_TYPE_MAX + 128], bytes[MIG_SIG_TYPE_MAX * 2 + 128];
	const char *what = x->a->name;

	seed_expr(seed, sizeof seed, rr, x, true);
	switch (x->shape) {
	case RT_SCALAR:
		if (sp->by_ref) {
			char obj[MIG_SIG_TYPE_MAX + 8];
			snprintf(obj, sizeof obj, "*%s", nm);
			scalar_bytes(bytes, sizeof bytes, x, obj);
			mp_line(p, "MIG_RT_CHECK(mig_rt_same(%s, %s, %s), \"server: %s arrived changed\");",
				nm, bytes, seed, what);
		} else {
			scalar_bytes(bytes, sizeof bytes, x, nm);
			mp_line(p, "MIG_RT_CHECK(mig_rt_same(&%s, %s, %s), \"server: %s arrived changed\");",
				nm, bytes, seed, what);
		}
		break;
	case RT_FIXARRAY:
		mp_line(p, "MIG_RT_CHECK(mig_rt_same((const void *)%s, sizeof(%s), %s), \"server: %s arrived changed\");",
			nm, x->plain, seed, what);
		break;
	case RT_STRING:
		mp_line(p, "MIG_RT_CHECK(mig_rt_same_str((const char *)%s, rt_count(%s - 1u, rt_call), %s), \"server: string %s arrived changed\");",
			nm, x->cap, seed, what);
		break;
	case RT_VARARRAY:
	case RT_OOL: {
		const struct mig_param *cp = x->a->count ? mig_sig_find(rr->ss, x->a->count) : NULL;
		const char *cv = "rt_n";

		count_expr(cnt, sizeof cnt, x, true);
		mp_open(p, "{");
		mp_line(p, "const mach_msg_type_number_t rt_n = %s;", cnt);
		if (cp) {
			mp_line(p, "MIG_RT_CHECK(%s%s == rt_n, \"server: %s is %%u, sent %%u\", (unsigned)%s%s, (unsigned)rt_n);",
				cp->by_ref ? "*" : "", cp->name, cp->name,
				cp->by_ref ? "*" : "", cp->name);
			mp_line(p, "const mach_msg_type_number_t rt_got = %s%s;",
				cp->by_ref ? "*" : "", cp->name);
			cv = "(rt_got < rt_n ? rt_got : rt_n)";
		}
		if (x->shape == RT_OOL) {
			mp_line(p, "const void *rt_q = (const void *)(uintptr_t)%s%s;",
				sp->by_ref ? "*" : "", nm);
			mp_line(p, "const size_t rt_b = (size_t)%s * sizeof(%s);", cv, x->elem);
			mp_line(p, "MIG_RT_CHECK(rt_b == 0 || mig_rt_region_size(rt_q) >= rt_b, \"server: out-of-line %s: %%zu bytes arrived, %%zu expected\", mig_rt_region_size(rt_q), rt_b);",
				what);
			mp_line(p, "MIG_RT_CHECK(rt_b > mig_rt_region_size(rt_q) || mig_rt_same(rt_q, rt_b, %s), \"server: out-of-line %s arrived changed\");",
				seed, what);
		} else {
			mp_line(p, "MIG_RT_CHECK(mig_rt_same((const void *)%s, %s * sizeof(%s), %s), \"server: %s arrived changed\");",
				nm, cv, x->elem, seed, what);
		}
		mp_close(p, "}");
		break;
	}
	}
}

static void
server_free_data(struct mig_printer *p, struct rt_routine *rr, struct rt_arg *x)
{
	const struct mig_param *sp = x->sp;
	const struct mig_param *cp = x->a->count ? mig_sig_find(rr->ss, x->a->count) : NULL;

	(void)rr;
	if (x->shape != RT_OOL)
		return;
	/* the server owns what it received: it gives it back */
	mp_open(p, "{");
	mp_line(p, "void *rt_q = (void *)(uintptr_t)%s%s;", sp->by_ref ? "*" : "", sp->name);
	(void)cp;
	mp_line(p, "if (rt_q != NULL && mig_rt_is_region(rt_q)) mig_rt_free(rt_q, mig_rt_region_size(rt_q));");
	mp_close(p, "}");
}

static void
server_fill_data(struct mig_printer *p, struct rt_routine *rr, struct rt_arg *x)
{
	const struct mig_param *sp = x->sp;
	const char *nm = sp->name;
	char seed[128], cnt[MIG_SIG_TYPE_MAX + 128], bytes[MIG_SIG_TYPE_MAX * 2 + 128];
	const struct mig_param *cp = x->a->count ? mig_sig_find(rr->ss, x->a->count) : NULL;

	seed_expr(seed, sizeof seed, rr, x, false);
	switch (x->shape) {
	case RT_SCALAR: {
		char obj[MIG_SIG_TYPE_MAX + 8];

		snprintf(obj, sizeof obj, "*%s", nm);
		scalar_bytes(bytes, sizeof bytes, x, obj);
		mp_line(p, "memset(%s, 0, sizeof(*%s));", nm, nm);
		mp_line(p, "mig_rt_fill(%s, %s, %s);", nm, bytes, seed);
		break;
	}
	case RT_FIXARRAY:
		mp_line(p, "mig_rt_fill((void *)%s, sizeof(%s), %s);", nm, x->plain, seed);
		break;
	case RT_STRING:
		mp_line(p, "mig_rt_fill_str((char *)%s, rt_count(%s - 1u, rt_call + 1u), %s);",
			nm, x->cap, seed);
		break;
	case RT_VARARRAY:
		count_expr(cnt, sizeof cnt, x, false);
		mp_open(p, "{");
		mp_line(p, "const mach_msg_type_number_t rt_n = %s;", cnt);
		mp_line(p, "mig_rt_fill((void *)%s, rt_n * sizeof(%s), %s);", nm, x->elem, seed);
		if (cp && cp->by_ref)
			mp_line(p, "*%s = rt_n;", cp->name);
		mp_close(p, "}");
		break;
	case RT_OOL: {
		const char *moved = ool_moved(rr, x, false);
		const struct mig_param *dp = x->a->dealloc_arg
			? mig_sig_find(rr->ss, x->a->dealloc_arg) : NULL;

		count_expr(cnt, sizeof cnt, x, false);
		mp_open(p, "{");
		mp_line(p, "static %s rt_keep[%s];", x->elem, x->cap);
		mp_line(p, "const mach_msg_type_number_t rt_n = %s;", cnt);
		mp_line(p, "void *rt_q = rt_n == 0 ? NULL : %s ? mig_rt_alloc(rt_n * sizeof(%s)) : (void *)rt_keep;",
			moved, x->elem);
		mp_line(p, "mig_rt_fill(rt_q, rt_n * sizeof(%s), %s);", x->elem, seed);
		mp_line(p, "*%s = (%s)(uintptr_t)rt_q;", nm, sp->ctype);
		if (cp && cp->by_ref)
			mp_line(p, "*%s = rt_n;", cp->name);
		if (dp && dp->by_ref)
			mp_line(p, "*%s = %s;", dp->name, moved);
		mp_close(p, "}");
		break;
	}
	}
}

static void
emit_server_function(struct mig_printer *p, struct rt_routine *rr)
{
	const struct mig_routine *r = rr->r;
	char decl[MIG_SIG_TYPE_MAX * 2];
	unsigned i;

	mp_raw(p, "/* %s %s: the server function */\n",
	       r->kind == MIG_SIMPLEROUTINE ? "simpleroutine" : "routine", r->name);
	mp_raw(p, "kern_return_t %s(", r->server_name);
	if (rr->ss->nparams == 0)
		mp_raw(p, "void");
	for (i = 0; i < rr->ss->nparams; i++) {
		mig_sig_format_param(&rr->ss->params[i], decl, sizeof decl);
		mp_raw(p, "%s%s", i ? ", " : "", decl);
	}
	mp_raw(p, ")\n");
	mp_open(p, "{");
	for (i = 0; i < rr->ss->nparams; i++)
		mp_line(p, "(void)%s;", rr->ss->params[i].name);
	mp_line(p, "mig_rt_server_calls++;");
	if (rr->skip) {
		mp_line(p, "return KERN_FAILURE;");
		mp_close(p, "}");
		mp_blank(p);
		return;
	}

	/* what arrived */
	for (i = 0; i < rr->ss->nparams; i++) {
		const struct mig_param *sp = &rr->ss->params[i];
		struct rt_arg *x = arg_of(rr, sp->arg);
		char seed[128];

		seed_expr(seed, sizeof seed, rr, x, true);
		switch (sp->role) {
		case MIG_PR_REQUEST_PORT:
			mp_line(p, "MIG_RT_CHECK(%s == mig_rt_port(%s), \"server: request port %%#x\", (unsigned)%s);",
				sp->name, seed, sp->name);
			break;
		case MIG_PR_REPLY_PORT:
			if (x->a->kind == MIG_ARG_REPLY_PORT)
				mp_line(p, "MIG_RT_CHECK(%s == mig_rt_port(%s), \"server: reply port %%#x\", (unsigned)%s);",
					sp->name, seed, sp->name);
			else
				mp_line(p, "MIG_RT_CHECK(%s == mig_rt_current_reply_port(), \"server: reply port %%#x\", (unsigned)%s);",
					sp->name, sp->name);
			break;
		case MIG_PR_MSGSEQNO:
			mp_line(p, "MIG_RT_CHECK(%s == mig_rt_current_seqno(), \"server: seqno %%u\", (unsigned)%s);",
				sp->name, sp->name);
			break;
		case MIG_PR_DATA:
			if (user_sends_data(x->a))
				server_check_data(p, rr, x);
			break;
		case MIG_PR_POLY:
			if (!server_sends_data(x->a->parent) ||
			    x->a->parent->kind == MIG_ARG_INOUT) {
				const struct mig_type *pt = x->a->parent->type;
				int sent = pt->in_name == MIG_TN_POLYMORPHIC
					? MIG_TN_COPY_SEND : pt->in_name;

				mp_line(p, "MIG_RT_CHECK(%s%s == %du, \"server: %s is %%u\", (unsigned)%s%s);",
					sp->by_ref ? "*" : "", sp->name, received_name(sent),
					sp->name, sp->by_ref ? "*" : "", sp->name);
			}
			break;
		case MIG_PR_COUNT:
			/* countinout: the capacity the client offered */
			if (x->a->parent->kind == MIG_ARG_OUT && sp->input &&
			    arg_of(rr, x->a->parent)->countinout) {
				struct rt_arg *px = arg_of(rr, x->a->parent);

				mp_line(p, "MIG_RT_CHECK(*%s == rt_count(%s, rt_call + 1), \"server: %s is %%u\", (unsigned)*%s);",
					sp->name, px->cap, sp->name, sp->name);
			}
			break;
		default:
			break;
		}
	}
	mp_line(p, "if (rt_answer != KERN_SUCCESS)");
	mp_line(p, "\treturn rt_answer;	/* the request is destroyed: nothing consumed */");

	/* what goes back */
	for (i = 0; i < rr->ss->nparams; i++) {
		const struct mig_param *sp = &rr->ss->params[i];
		struct rt_arg *x = arg_of(rr, sp->arg);

		if (sp->role == MIG_PR_DATA && server_sends_data(x->a)) {
			if (x->a->kind == MIG_ARG_INOUT)
				server_free_data(p, rr, x);
			server_fill_data(p, rr, x);
		} else if (sp->role == MIG_PR_DATA && user_sends_data(x->a))
			server_free_data(p, rr, x);
		else if (sp->role == MIG_PR_POLY && sp->by_ref &&
			 server_sends_data(x->a->parent))
			mp_line(p, "*%s = MACH_MSG_TYPE_COPY_SEND;", sp->name);
	}
	mp_line(p, "return KERN_SUCCESS;");
	mp_close(p, "}");
	mp_blank(p);
}

/* ------------------------------------------------------------------ */
/* The client case                                                     */
/* ------------------------------------------------------------------ */

static void
client_declare(struct mig_printer *p, struct rt_routine *rr, struct rt_arg *x)
{
	const struct mig_arg *a = x->a;
	const struct mig_param *up = x->up;
	char seed[128], cnt[MIG_SIG_TYPE_MAX + 128], bytes[MIG_SIG_TYPE_MAX * 2 + 128];
	unsigned ai = x->ai;
	bool sends = user_sends_data(a);

	seed_expr(seed, sizeof seed, rr, x, true);
	switch (up->role) {
	case MIG_PR_REQUEST_PORT:
	case MIG_PR_REPLY_PORT:
		mp_line(p, "%s v%u = (%s)mig_rt_port(%s);", x->plain, ai, x->plain, seed);
		return;
	case MIG_PR_WAITTIME:
	case MIG_PR_MSGOPTION:
		mp_line(p, "%s v%u = 0;", x->plain, ai);
		return;
	case MIG_PR_COUNT: {
		struct rt_arg *px = arg_of(rr, a->parent);

		if (user_sends_data(a->parent) && !(px->shape == RT_OOL && !px->a->type->variable))
			count_expr(cnt, sizeof cnt, px, true);
		else if (px->countinout)
			snprintf(cnt, sizeof cnt, "rt_count(%s, rt_call + 1)", px->cap);
		else if (up->input)
			snprintf(cnt, sizeof cnt, "%s", px->cap);	/* capacity */
		else
			snprintf(cnt, sizeof cnt, "0");
		mp_line(p, "mach_msg_type_number_t v%u = %s;", ai, cnt);
		return;
	}
	case MIG_PR_POLY:
		mp_line(p, "mach_msg_type_name_t v%u = %s;", ai,
			up->by_ref ? "0" : "MACH_MSG_TYPE_COPY_SEND");
		return;
	case MIG_PR_DEALLOC:
		mp_line(p, "boolean_t v%u = (rt_call %% 3u != 1u);", ai);
		return;
	case MIG_PR_SCOPY:
	case MIG_PR_MSGSEQNO:
		return;
	case MIG_PR_DATA:
		break;
	}

	switch (x->shape) {
	case RT_SCALAR:
		mp_line(p, "%s v%u;", x->plain, ai);
		if (sends) {
			char obj[32];

			snprintf(obj, sizeof obj, "v%u", ai);
			scalar_bytes(bytes, sizeof bytes, x, obj);
			mp_line(p, "memset(&v%u, 0, sizeof v%u);", ai, ai);
			mp_line(p, "mig_rt_fill(&v%u, %s, %s);", ai, bytes, seed);
		} else {
			mp_line(p, "memset(&v%u, 0x5a, sizeof v%u);", ai, ai);
		}
		break;
	case RT_FIXARRAY:
		mp_line(p, "%s v%u;", x->plain, ai);
		if (sends)
			mp_line(p, "mig_rt_fill((void *)v%u, sizeof(%s), %s);", ai, x->plain, seed);
		else
			mp_line(p, "memset((void *)v%u, 0x5a, sizeof(%s));", ai, x->plain);
		break;
	case RT_STRING:
		mp_line(p, "char v%u[%s];", ai, x->cap);
		if (sends)
			mp_line(p, "mig_rt_fill_str(v%u, rt_count(%s - 1u, rt_call), %s);",
				ai, x->cap, seed);
		else
			mp_line(p, "memset(v%u, 0x5a, sizeof v%u);", ai, ai);
		break;
	case RT_VARARRAY:
		mp_line(p, "static %s v%u[%s];", x->elem, ai, x->cap);
		if (sends) {
			count_expr(cnt, sizeof cnt, x, true);
			mp_line(p, "mig_rt_fill(v%u, (%s) * sizeof(%s), %s);", ai, cnt, x->elem, seed);
		} else {
			mp_line(p, "memset(v%u, 0x5a, sizeof v%u);", ai, ai);
		}
		break;
	case RT_OOL:
		if (sends) {
			count_expr(cnt, sizeof cnt, x, true);
			mp_line(p, "const size_t b%u = (size_t)(%s) * sizeof(%s);", ai, cnt, x->elem);
			mp_line(p, "void *p%u = b%u ? mig_rt_alloc(b%u) : NULL;", ai, ai, ai);
			mp_line(p, "mig_rt_fill(p%u, b%u, %s);", ai, ai, seed);
			if (a->kind == MIG_ARG_INOUT)
				mp_line(p, "%s v%u = (%s)(uintptr_t)p%u;", x->plain, ai, x->plain, ai);
		} else {
			mp_line(p, "%s v%u;", x->plain, ai);
			mp_line(p, "memset(&v%u, 0, sizeof v%u);", ai, ai);
		}
		break;
	}
}

/* The argument expression of parameter UP in the call of the stub. */
static void
client_arg(struct mig_printer *p, struct rt_arg *x, bool first)
{
	const struct mig_param *up = x->up;
	unsigned ai = x->ai;
	const char *sep = first ? "" : ", ";

	if (up->role == MIG_PR_DATA && x->shape == RT_OOL) {
		if (up->by_ref)
			mp_raw(p, "%s&v%u", sep, ai);
		else
			mp_raw(p, "%s(%s)(uintptr_t)p%u", sep, up->ctype, ai);
		return;
	}
	if (up->role == MIG_PR_DATA && (x->shape == RT_VARARRAY || x->shape == RT_FIXARRAY ||
					x->shape == RT_STRING) && !up->by_ref) {
		mp_raw(p, "%s(void *)v%u", sep, ai);
		return;
	}
	mp_raw(p, "%s%sv%u", sep, up->by_ref ? "&" : "", ai);
}

static void
client_check(struct mig_printer *p, struct rt_routine *rr, struct rt_arg *x)
{
	const struct mig_arg *a = x->a;
	const struct mig_param *up = x->up;
	char seed[128], cnt[MIG_SIG_TYPE_MAX + 128], bytes[MIG_SIG_TYPE_MAX * 2 + 128];
	unsigned ai = x->ai;
	const char *what = a->name;

	seed_expr(seed, sizeof seed, rr, x, false);
	if (up->role == MIG_PR_POLY && up->by_ref) {
		const struct mig_type *pt = a->parent->type;
		int sent = pt->in_name == MIG_TN_POLYMORPHIC ? MIG_TN_COPY_SEND : pt->in_name;

		mp_line(p, "MIG_RT_CHECK(v%u == %du, \"client: %s is %%u\", (unsigned)v%u);",
			ai, received_name(sent), what, ai);
		return;
	}
	if (up->role != MIG_PR_DATA || !server_sends_data(a))
		return;
	switch (x->shape) {
	case RT_SCALAR: {
		char obj[32];

		snprintf(obj, sizeof obj, "v%u", ai);
		scalar_bytes(bytes, sizeof bytes, x, obj);
		mp_line(p, "MIG_RT_CHECK(mig_rt_same(&v%u, %s, %s), \"client: %s came back changed\");",
			ai, bytes, seed, what);
		break;
	}
	case RT_FIXARRAY:
		mp_line(p, "MIG_RT_CHECK(mig_rt_same((const void *)v%u, sizeof(%s), %s), \"client: %s came back changed\");",
			ai, x->plain, seed, what);
		break;
	case RT_STRING:
		mp_line(p, "MIG_RT_CHECK(mig_rt_same_str(v%u, rt_count(%s - 1u, rt_call + 1u), %s), \"client: string %s came back changed\");",
			ai, x->cap, seed, what);
		break;
	case RT_VARARRAY:
	case RT_OOL: {
		const struct rt_arg *cx = a->count ? arg_of(rr, a->count) : NULL;
		const char *cv = "rt_n";

		count_expr(cnt, sizeof cnt, x, false);
		mp_open(p, "{");
		mp_line(p, "const mach_msg_type_number_t rt_n = %s;", cnt);
		if (cx && cx->up) {
			mp_line(p, "MIG_RT_CHECK(v%u == rt_n, \"client: %s is %%u, sent %%u\", (unsigned)v%u, (unsigned)rt_n);",
				cx->ai, a->count->name, cx->ai);
			mp_line(p, "const mach_msg_type_number_t rt_got = v%u;", cx->ai);
			cv = "(rt_got < rt_n ? rt_got : rt_n)";
		}
		if (x->shape == RT_OOL) {
			mp_line(p, "void *rt_q = (void *)(uintptr_t)v%u;", ai);
			mp_line(p, "const size_t rt_b = (size_t)%s * sizeof(%s);", cv, x->elem);
			mp_line(p, "MIG_RT_CHECK(rt_b == 0 || mig_rt_region_size(rt_q) >= rt_b, \"client: out-of-line %s: %%zu bytes came, %%zu expected\", mig_rt_region_size(rt_q), rt_b);",
				what);
			mp_line(p, "MIG_RT_CHECK(rt_b > mig_rt_region_size(rt_q) || mig_rt_same(rt_q, rt_b, %s), \"client: out-of-line %s came back changed\");",
				seed, what);
			mp_line(p, "if (rt_q != NULL && mig_rt_is_region(rt_q)) mig_rt_free(rt_q, mig_rt_region_size(rt_q));");
		} else {
			mp_line(p, "MIG_RT_CHECK(mig_rt_same(v%u, %s * sizeof(%s), %s), \"client: %s came back changed\");",
				ai, cv, x->elem, seed, what);
		}
		mp_close(p, "}");
		break;
	}
	}
}

static void
emit_client_case(struct mig_printer *p, struct rt_routine *rr)
{
	const struct mig_routine *r = rr->r;
	unsigned i;
	bool first = true;

	mp_raw(p, "static void rt_case_%u(void)\n", rr->ri);
	mp_open(p, "{");
	if (rr->skip) {
		mp_line(p, "if (rt_call == 0)");
		mp_line(p, "\tmig_rt_skip(\"%s\", \"%s\");", r->name, rr->skip);
		mp_close(p, "}");
		mp_blank(p);
		return;
	}
	mp_line(p, "char rt_name[96];");
	mp_line(p, "kern_return_t kr, want;");
	mp_line(p, "unsigned calls;");
	mp_line(p, "snprintf(rt_name, sizeof rt_name, \"%s call %%u\", rt_call);", r->name);
	mp_line(p, "mig_rt_begin(rt_name);");
	mp_line(p, "rt_answer = rt_call %% 3u == 2u ? (kern_return_t)(0x4000 + %u) : KERN_SUCCESS;",
		rr->ri);
	mp_line(p, "want = %s;", r->kind == MIG_SIMPLEROUTINE ? "MACH_MSG_SUCCESS" : "rt_answer");
	for (i = 0; i < rr->nargs; i++)
		if (rr->args[i].up)
			client_declare(p, rr, &rr->args[i]);
	mp_line(p, "calls = mig_rt_server_calls;");
	mp_raw(p, "\tkr = %s(", r->user_name);
	for (i = 0; i < rr->us->nparams; i++) {
		client_arg(p, arg_of(rr, rr->us->params[i].arg), first);
		first = false;
	}
	mp_raw(p, ");\n");
	mp_line(p, "MIG_RT_CHECK(kr == want, \"%s returned %%#x, wanted %%#x\", (unsigned)kr, (unsigned)want);",
		r->user_name);
	mp_line(p, "MIG_RT_CHECK(mig_rt_server_calls == calls + 1, \"server function ran %%u times\", mig_rt_server_calls - calls);");
	/* in-OOL regions: moved ones are gone, copied ones stay ours */
	for (i = 0; i < rr->nargs; i++) {
		struct rt_arg *x = &rr->args[i];

		if (!x->up || x->up->role != MIG_PR_DATA || x->shape != RT_OOL ||
		    !user_sends_data(x->a))
			continue;
		mp_open(p, "if (p%u != NULL) {", x->ai);
		mp_line(p, "const int moved = %s;", ool_moved(rr, x, true));
		mp_line(p, "MIG_RT_CHECK(mig_rt_is_region(p%u) == !moved, \"client: sent region of %s %%s\", moved ? \"not deallocated\" : \"deallocated\");",
			x->ai, x->a->name);
		mp_line(p, "if (mig_rt_is_region(p%u)) mig_rt_free(p%u, b%u);", x->ai, x->ai, x->ai);
		mp_close(p, "}");
	}
	if (r->kind == MIG_ROUTINE) {
		mp_open(p, "if (kr == KERN_SUCCESS) {");
		for (i = 0; i < rr->nargs; i++)
			if (rr->args[i].up)
				client_check(p, rr, &rr->args[i]);
		mp_close(p, "}");
	}
	mp_line(p, "mig_rt_end();");
	mp_close(p, "}");
	mp_blank(p);
}

/* ------------------------------------------------------------------ */

int
mig_emit_rtest(struct mig_ctx *ctx, const struct mig_subsystem *ss, FILE *out)
{
	struct mig_printer pr, *p = &pr;
	const struct mig_routine *r;
	struct rt_routine *rrs;
	unsigned n = 0, i = 0, k;
	int rc = 0;

	mp_init(p, out);
	mp_raw(p, "/* generated by mig from %s - do not edit: round-trip test program */\n",
	       base_name(ctx->opt.input ? ctx->opt.input : "stdin"));
	if (ss == NULL || ss->name == NULL) {
		mp_raw(p, "#error \"no subsystem: nothing to test\"\n");
		return mp_finish(p);
	}
	for (r = ss->routines; r; r = r->next)
		n++;
	rrs = calloc(n ? n : 1, sizeof *rrs);
	if (rrs == NULL)
		return -1;
	for (r = ss->routines; r; r = r->next, i++) {
		rrs[i].r = r;
		rrs[i].ri = i;
		if (r->kind != MIG_SKIP && prepare(ctx, &rrs[i]) != 0)
			rc = -1;
	}
	if (rc != 0)
		goto out;

	/*
	 * One file, used four ways (see the comment it starts with): the
	 * renames -include'd into the user and server stubs, and the two
	 * halves of the program.  Stub and server function of a routine
	 * usually share a name; the renames keep them apart without relying
	 * on -prefix.
	 */
	mp_raw(p, "/*\n * Compile the user stubs with -DMIG_RTEST_RENAMES_USER -include THIS,\n");
	mp_raw(p, " * the server stubs with -DMIG_RTEST_RENAMES_SERVER -include THIS, and\n");
	mp_raw(p, " * this file twice: -DMIG_RTEST_PART_SERVER (the server functions) and\n");
	mp_raw(p, " * -DMIG_RTEST_PART_CLIENT (the calls and main; none with\n");
	mp_raw(p, " * -DMIG_RTEST_NO_MAIN).  Link both with testsuite/mig.run/mig_rt.c.\n */\n");
	mp_raw(p, "#if defined(MIG_RTEST_RENAMES_USER) || defined(MIG_RTEST_PART_CLIENT)\n");
	for (k = 0; k < n; k++)
		if (rrs[k].r->kind != MIG_SKIP)
			mp_raw(p, "#define %s rtu_%s\n", rrs[k].r->user_name, rrs[k].r->user_name);
	mp_raw(p, "#endif\n");
	mp_raw(p, "#if defined(MIG_RTEST_RENAMES_SERVER) || defined(MIG_RTEST_PART_SERVER)\n");
	for (k = 0; k < n; k++)
		if (rrs[k].r->kind != MIG_SKIP)
			mp_raw(p, "#define %s rts_%s\n", rrs[k].r->server_name, rrs[k].r->server_name);
	mp_raw(p, "#endif\n");
	mp_raw(p, "#if !defined(MIG_RTEST_RENAMES_USER) && !defined(MIG_RTEST_RENAMES_SERVER)\n\n");

	mp_raw(p, "#include <stdint.h>\n#include <stdio.h>\n#include <string.h>\n\n");
	/* the user header (GNU MIG's default name when -header is absent) */
	mp_raw(p, "#ifdef MIG_RTEST_PART_CLIENT\n");
	if (ctx->opt.header_file)
		mp_raw(p, "#include \"%s\"\n", base_name(ctx->opt.header_file));
	else
		mp_raw(p, "#include \"%s.h\"\n", ss->name);
	mp_raw(p, "#else\n");
	if (ctx->opt.sheader_file)
		mp_raw(p, "#include \"%s\"\n", base_name(ctx->opt.sheader_file));
	else if (ctx->opt.header_file)
		mp_raw(p, "#include \"%s\"\n", base_name(ctx->opt.header_file));
	else
		mp_raw(p, "#include \"%s.h\"\n", ss->name);
	mp_raw(p, "#endif\n");
	mp_raw(p, "#include \"mig_rt.h\"\n\n");
	mp_raw(p, "extern boolean_t %s(mach_msg_header_t *, mach_msg_header_t *);\n",
	       ss->serverdemux);
	mp_raw(p, "extern uint32_t mig_rtest_call;		/* the call under way */\n");
	mp_raw(p, "extern kern_return_t mig_rtest_answer;	/* what server functions return */\n");
	mp_raw(p, "#define rt_call mig_rtest_call\n#define rt_answer mig_rtest_answer\n\n");
	mp_raw(p, "static mach_msg_type_number_t __attribute__((unused))\nrt_count(mach_msg_type_number_t cap, uint32_t call)\n{\n");
	mp_raw(p, "\tswitch (call %% 3u) {\n\tcase 0: return cap;\n");
	mp_raw(p, "\tcase 1: return cap / 3u + (cap > 0);\n\tdefault: return cap / 2u;\n\t}\n}\n\n");

	mp_raw(p, "#ifdef MIG_RTEST_PART_SERVER\n");
	mp_raw(p, "uint32_t mig_rtest_call;\nkern_return_t mig_rtest_answer;\n\n");
	for (k = 0; k < n; k++)
		if (rrs[k].r->kind != MIG_SKIP)
			emit_server_function(p, &rrs[k]);
	mp_raw(p, "#endif /* MIG_RTEST_PART_SERVER */\n\n");

	mp_raw(p, "#if defined(MIG_RTEST_PART_CLIENT) && !defined(MIG_RTEST_NO_MAIN)\n");
	for (k = 0; k < n; k++)
		if (rrs[k].r->kind != MIG_SKIP)
			emit_client_case(p, &rrs[k]);
	/* the dispatch table: every routine's id has an entry, others none */
	mp_raw(p, "extern mig_routine_t %s_routine(mach_msg_header_t *);\n\n", ss->serverdemux);
	mp_raw(p, "static void rt_case_routine_table(void)\n{\n");
	mp_raw(p, "\tstatic const int32_t ids[] = {");
	for (k = 0; k < n; k++)
		if (rrs[k].r->kind != MIG_SKIP)
			mp_raw(p, " %d,", (int)rrs[k].r->id);
	mp_raw(p, " 0 };\n");
	mp_raw(p, "\tstatic const int32_t bad[] = { %d, %d, %d, -1, 0x7fffffff, -0x7fffffff - 1 };\n",
	       (int)ss->base - 1, (int)ss->base + (int)ss->nroutines,
	       (int)ss->base + (int)ss->nroutines + 100);
	mp_raw(p, "\tmach_msg_header_t h;\n\tunsigned i;\n\n");
	mp_raw(p, "\tmig_rt_begin(\"%s_routine: dispatch table\");\n", ss->serverdemux);
	mp_raw(p, "\tmemset(&h, 0, sizeof h);\n");
	mp_raw(p, "\tfor (i = 0; i + 1 < sizeof ids / sizeof ids[0]; i++) {\n");
	mp_raw(p, "\t\th.msgh_id = ids[i];\n");
	mp_raw(p, "\t\tMIG_RT_CHECK(%s_routine(&h) != NULL, \"no entry for id %%d\", (int)ids[i]);\n\t}\n",
	       ss->serverdemux);
	mp_raw(p, "\tfor (i = 0; i < sizeof bad / sizeof bad[0]; i++) {\n");
	mp_raw(p, "\t\th.msgh_id = bad[i];\n");
	mp_raw(p, "\t\tMIG_RT_CHECK(%s_routine(&h) == NULL, \"an entry for id %%d\", (int)bad[i]);\n\t}\n",
	       ss->serverdemux);
	mp_raw(p, "\tmig_rt_end();\n}\n\n");

	mp_raw(p, "int main(void)\n{\n");
	mp_raw(p, "\tmig_rt_init(\"%s\", %s);\n", ss->name, ss->serverdemux);
	mp_raw(p, "\trt_case_routine_table();\n");
	mp_raw(p, "\tfor (rt_call = 0; rt_call < 3; rt_call++) {\n");
	for (k = 0; k < n; k++)
		if (rrs[k].r->kind != MIG_SKIP)
			mp_raw(p, "\t\trt_case_%u();\n", rrs[k].ri);
	mp_raw(p, "\t}\n\treturn mig_rt_finish();\n}\n");
	mp_raw(p, "#endif /* MIG_RTEST_PART_CLIENT */\n");
	mp_raw(p, "#endif /* !MIG_RTEST_RENAMES_* */\n");
	rc = mp_finish(p);
out:
	for (k = 0; k < n; k++)
		if (rrs[k].r->kind != MIG_SKIP)
			release(&rrs[k]);
	free(rrs);
	return rc;
}
