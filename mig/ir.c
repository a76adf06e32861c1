/* SPDX-License-Identifier: MIT */
/*
 * ir.c - helpers over the IR of ir.h, and the readable dump printed by
 * `mig --dump-ir' (used by tests to check the front end).
 */
#include <inttypes.h>

#include "ast.h"

const char *
mig_type_name_symbol(int code)
{
	switch (code) {
	case MIG_TN_BOOLEAN: return "MACH_MSG_TYPE_BOOLEAN";
	case MIG_TN_INTEGER_16: return "MACH_MSG_TYPE_INTEGER_16";
	case MIG_TN_INTEGER_32: return "MACH_MSG_TYPE_INTEGER_32";
	case MIG_TN_CHAR: return "MACH_MSG_TYPE_CHAR";
	case MIG_TN_BYTE: return "MACH_MSG_TYPE_BYTE";
	case MIG_TN_REAL: return "MACH_MSG_TYPE_REAL";
	case MIG_TN_INTEGER_64: return "MACH_MSG_TYPE_INTEGER_64";
	case MIG_TN_STRING: return "MACH_MSG_TYPE_STRING";
	case MIG_TN_PORT_NAME: return "MACH_MSG_TYPE_PORT_NAME";
	case MIG_TN_MOVE_RECEIVE: return "MACH_MSG_TYPE_MOVE_RECEIVE";
	case MIG_TN_MOVE_SEND: return "MACH_MSG_TYPE_MOVE_SEND";
	case MIG_TN_MOVE_SEND_ONCE: return "MACH_MSG_TYPE_MOVE_SEND_ONCE";
	case MIG_TN_COPY_SEND: return "MACH_MSG_TYPE_COPY_SEND";
	case MIG_TN_MAKE_SEND: return "MACH_MSG_TYPE_MAKE_SEND";
	case MIG_TN_MAKE_SEND_ONCE: return "MACH_MSG_TYPE_MAKE_SEND_ONCE";
	case MIG_TN_POLYMORPHIC: return "MACH_MSG_TYPE_POLYMORPHIC";
	default: return NULL;
	}
}

bool
mig_type_name_is_port(int code)
{
	return code >= MIG_TN_MOVE_RECEIVE && code <= MIG_TN_MAKE_SEND_ONCE;
}

static const char *const kind_names[] = {
	[MIG_TYPE_BASIC] = "basic", [MIG_TYPE_ARRAY] = "array",
	[MIG_TYPE_STRUCT] = "struct", [MIG_TYPE_CSTRUCT] = "cstruct",
	[MIG_TYPE_CSTRING] = "cstring", [MIG_TYPE_ALIAS] = "alias",
};

static const char *const dealloc_names[] = {
	[MIG_DEALLOC_NEVER] = "never", [MIG_DEALLOC_ALWAYS] = "always",
	[MIG_DEALLOC_MAYBE] = "maybe",
};

static const char *const arg_kind_names[] = {
	[MIG_ARG_REQUEST_PORT] = "requestport", [MIG_ARG_REPLY_PORT] = "replyport",
	[MIG_ARG_SREPLY_PORT] = "sreplyport", [MIG_ARG_UREPLY_PORT] = "ureplyport",
	[MIG_ARG_WAITTIME] = "waittime", [MIG_ARG_MSGOPTION] = "msgoption",
	[MIG_ARG_MSGSEQNO] = "msgseqno", [MIG_ARG_IN] = "in",
	[MIG_ARG_OUT] = "out", [MIG_ARG_INOUT] = "inout",
	[MIG_ARG_RETCODE] = "retcode", [MIG_ARG_COUNT] = "count",
	[MIG_ARG_POLY] = "poly", [MIG_ARG_DEALLOC] = "dealloc",
	[MIG_ARG_SCOPY] = "scopy",
};

static void
dump_name(int code, FILE *out)
{
	const char *s = mig_type_name_symbol(code);

	if (s != NULL)
		fputs(s + 14, out);	/* without MACH_MSG_TYPE_ */
	else
		fprintf(out, "%d", code);
}

static void
dump_wire(const struct mig_type *t, FILE *out)
{
	dump_name(t->in_name, out);
	if (t->out_name != t->in_name) {
		fputc('|', out);
		dump_name(t->out_name, out);
	}
	fprintf(out, " size=%u number=%" PRIu32 "%s%s%s%s%s%s%s bytes=%" PRIu64,
		t->size_bits, t->number, t->variable ? " variable" : "",
		t->is_inline ? "" : " ool", t->indefinite ? " indefinite" : "",
		t->longform ? " long" : "", t->is_string ? " string" : "",
		t->is_port ? " port" : "", t->polymorphic ? " poly" : "",
		t->inline_bytes);
	if (t->dealloc != MIG_DEALLOC_NEVER)
		fprintf(out, " dealloc=%s", dealloc_names[t->dealloc]);
}

static void
dump_trans(const char *what, const struct mig_trans *tr, FILE *out)
{
	if (tr->func == NULL)
		return;
	fprintf(out, "    %s: %s %s(%s)\n", what, tr->to_type ? tr->to_type : "-",
		tr->func, tr->from_type ? tr->from_type : "-");
}

static void
dump_type(const struct mig_type *t, FILE *out)
{
	const struct mig_field *f;

	fprintf(out, "type %s (%s", t->name ? t->name : "<anon>",
		kind_names[t->kind]);
	if (t->base != NULL)
		fprintf(out, " of %s", t->base->name ? t->base->name : "<anon>");
	if (t->element != NULL)
		fprintf(out, ", element %s",
			t->element->name ? t->element->name : t->element->user_ctype);
	fputs("): ", out);
	dump_wire(t, out);
	fprintf(out, "\n    c: user=%s server=%s trans=%s\n", t->user_ctype,
		t->server_ctype, t->trans_ctype);
	for (f = t->fields; f != NULL; f = f->next)
		fprintf(out, "    field %s: %s\n", f->name,
			f->type->name ? f->type->name : "<anon>");
	dump_trans("intran", &t->intran, out);
	dump_trans("outtran", &t->outtran, out);
	dump_trans("destructor", &t->destructor, out);
	dump_trans("intranpayload", &t->intranpayload, out);
}

static void
dump_arg(const struct mig_arg *a, FILE *out)
{
	fprintf(out, "  %s %s: %s [", arg_kind_names[a->kind], a->name,
		a->type->name ? a->type->name : a->type->user_ctype);
	dump_wire(a->type, out);
	fprintf(out, "]%s%s%s%s", a->in_request ? " request" : "",
		a->in_reply ? " reply" : "", a->longform ? " long" : "",
		a->dealloc == MIG_DEALLOC_ALWAYS ? " dealloc" :
		a->dealloc == MIG_DEALLOC_MAYBE ? " dealloc[]" : "");
	if (a->flags & MIG_FL_SERVERCOPY)
		fputs(" servercopy", out);
	if (a->flags & MIG_FL_COUNTINOUT)
		fputs(" countinout", out);
	if (a->parent != NULL)
		fprintf(out, " (of %s)", a->parent->name);
	fprintf(out, " @%u:%u\n", a->loc.line, a->loc.col);
}

void
mig_dump_ir(const struct mig_subsystem *ss, FILE *out)
{
	const struct mig_type *t;
	const struct mig_routine *r;
	const struct mig_import *im;
	static const char *const ik[] = { "import", "uimport", "simport" };

	if (ss->name != NULL)
		fprintf(out, "subsystem %s%s%s base=%" PRId32 " demux=%s routines=%u\n",
			ss->name, ss->kernel_user ? " KernelUser" : "",
			ss->kernel_server ? " KernelServer" : "", ss->base,
			ss->serverdemux, ss->nroutines);
	else
		fputs("types only\n", out);
	if (ss->rcsid != NULL)
		fprintf(out, "rcsid %s\n", ss->rcsid);
	for (im = ss->imports; im != NULL; im = im->next)
		fprintf(out, "%s %s\n", ik[im->kind], im->text);
	for (t = ss->types; t != NULL; t = t->next)
		dump_type(t, out);
	for (r = ss->routines; r != NULL; r = r->next) {
		const struct mig_arg *a;

		if (r->kind == MIG_SKIP) {
			fprintf(out, "skip %" PRId32 "\n", r->id);
			continue;
		}
		fprintf(out, "%s %s %" PRId32 " user=%s server=%s",
			r->kind == MIG_ROUTINE ? "routine" : "simpleroutine",
			r->name, r->id, r->user_name, r->server_name);
		if (r->waittime_expr)
			fprintf(out, " waittime=%s", r->waittime_expr);
		if (r->msgoption_expr)
			fprintf(out, " msgoption=%s", r->msgoption_expr);
		fprintf(out, " reqport=%s", r->request_port ? r->request_port->name : "-");
		if (r->reply_port)
			fprintf(out, " replyport=%s", r->reply_port->name);
		fputc('\n', out);
		for (a = r->args; a != NULL; a = a->next)
			dump_arg(a, out);
		if (r->retcode)
			dump_arg(r->retcode, out);
	}
}
