/* SPDX-License-Identifier: MIT */
/*
 * emit_header.c - the headers: user (<sub>.h), server (-sheader),
 * kernel-internal (-iheader), and the message-id list (-list).
 */
#include <ctype.h>
#include <string.h>

#include "layout.h"
#include "printer.h"
#include "sig.h"

static void
guard_name(const struct mig_subsystem *ss, const char *what, char *buf, size_t n)
{
	size_t i;

	snprintf(buf, n, "_%s_%s_", ss->name ? ss->name : "mig_types", what);
	for (i = 0; buf[i]; i++)
		if (!isalnum((unsigned char)buf[i]))
			buf[i] = '_';
}

static void
open_header(struct mig_printer *p, struct mig_ctx *ctx, const struct mig_subsystem *ss,
	    const char *what, unsigned kinds, bool mig_errors)
{
	char g[300];
	const struct mig_import *im;

	guard_name(ss, what, g, sizeof g);
	mp_banner(p, ctx);
	mp_raw(p, "#ifndef %s\n#define %s\n\n", g, g);
	mp_raw(p, "#include <mach/kern_return.h>\n");
	mp_raw(p, "#include <mach/port.h>\n");
	mp_raw(p, "#include <mach/message.h>\n");
	if (mig_errors)
		mp_raw(p, "#include <mach/mig_errors.h>\n");
	for (im = ss->imports; im; im = im->next)
		if (kinds & (1u << im->kind))
			mp_raw(p, "#include %s\n", im->text);
	mp_blank(p);
	mp_raw(p, "#ifndef mig_external\n#define mig_external extern\n#endif\n\n");
}

static int
close_header(struct mig_printer *p, const struct mig_subsystem *ss, const char *what)
{
	char g[300];

	guard_name(ss, what, g, sizeof g);
	mp_raw(p, "#endif /* %s */\n", g);
	return mp_finish(p);
}

/* Prototypes of every routine on SIDE. */
static int
prototypes(struct mig_printer *p, struct mig_ctx *ctx, const struct mig_subsystem *ss,
	   enum mig_side side)
{
	const struct mig_routine *rt;
	int rc = 0;
	char name[512];

	for (rt = ss->routines; rt; rt = rt->next) {
		struct mig_sig *sig;

		if (rt->kind == MIG_SKIP)
			continue;
		sig = mig_sig_build(ctx, rt, side);
		if (sig == NULL) {
			rc = -1;
			continue;
		}
		mp_line(p, "/* %s %s */", rt->kind == MIG_ROUTINE ? "Routine" : "SimpleRoutine",
			rt->name);
		mig_sig_print(p, sig,
			      side == MIG_SIDE_USER ? "mig_external kern_return_t"
						    : "extern kern_return_t",
			      side == MIG_SIDE_USER ? mig_user_stub_name(ss, rt, name, sizeof name)
						    : rt->server_name, ";");
		mp_blank(p);
		mig_sig_free(sig);
	}
	return rc;
}

int
mig_emit_header(struct mig_ctx *ctx, const struct mig_subsystem *ss, FILE *out)
{
	struct mig_printer p;
	int rc;

	mp_init(&p, out);
	open_header(&p, ctx, ss, "user", (1u << MIG_IMPORT) | (1u << MIG_UIMPORT), false);
	rc = prototypes(&p, ctx, ss, MIG_SIDE_USER);
	if (close_header(&p, ss, "user") != 0)
		rc = -1;
	return rc;
}

int
mig_emit_sheader(struct mig_ctx *ctx, const struct mig_subsystem *ss, FILE *out)
{
	struct mig_printer p;
	int rc;

	mp_init(&p, out);
	open_header(&p, ctx, ss, "server", (1u << MIG_IMPORT) | (1u << MIG_SIMPORT), true);
	rc = prototypes(&p, ctx, ss, MIG_SIDE_SERVER);
	if (ss->name) {
		mp_line(&p, "/* The demultiplexer: FALSE (RetCode MIG_BAD_ID) for an unknown id. */");
		mp_line(&p, "mig_external boolean_t %s", ss->serverdemux);
		mp_line(&p, "\t(mach_msg_header_t *InHeadP, mach_msg_header_t *OutHeadP);");
		mp_blank(&p);
		mp_line(&p, "/* The stub of a request's id, or 0. */");
		mp_line(&p, "mig_external mig_routine_t %s_routine", ss->serverdemux);
		mp_line(&p, "\t(mach_msg_header_t *InHeadP);");
		mp_blank(&p);
		{
			const struct mig_routine *rt;
			uint64_t req = MIG_HEADER_SIZE, rep = MIG_REPLY_HEADER_SIZE;

			for (rt = ss->routines; rt; rt = rt->next) {
				struct mig_layout lay;

				if (rt->kind == MIG_SKIP)
					continue;
				if (mig_layout_routine(ctx, rt, &lay) == 0) {
					if (lay.request.max_size > req)
						req = lay.request.max_size;
					if (rt->kind == MIG_ROUTINE && lay.reply.max_size > rep)
						rep = lay.reply.max_size;
				} else {
					rc = -1;
				}
				mig_layout_free(&lay);
			}
			mp_line(&p, "/* Largest request and reply: the demultiplexer writes a reply");
			mp_line(&p, "   of up to %s_MAX_REPLY_SIZE bytes at OutHeadP. */", ss->name);
			mp_line(&p, "#define %s_MAX_REQUEST_SIZE %llu", ss->name, (unsigned long long)req);
			mp_line(&p, "#define %s_MAX_REPLY_SIZE %llu", ss->name, (unsigned long long)rep);
			mp_blank(&p);
		}
	}
	if (close_header(&p, ss, "server") != 0)
		rc = -1;
	return rc;
}

int
mig_emit_iheader(struct mig_ctx *ctx, const struct mig_subsystem *ss, FILE *out)
{
	struct mig_printer p;
	int rc;

	mp_init(&p, out);
	open_header(&p, ctx, ss, "internal", (1u << MIG_IMPORT) | (1u << MIG_SIMPORT), true);
	mp_line(&p, "/* The functions a %sserver implements. */",
		ss->kernel_server ? "kernel " : "");
	mp_blank(&p);
	rc = prototypes(&p, ctx, ss, MIG_SIDE_SERVER);
	if (close_header(&p, ss, "internal") != 0)
		rc = -1;
	return rc;
}

int
mig_emit_list(struct mig_ctx *ctx, const struct mig_subsystem *ss, FILE *out)
{
	struct mig_printer p;
	const struct mig_routine *rt;
	unsigned index = 0;

	(void)ctx;
	mp_init(&p, out);
	/* GNU MIG's format (read by tools such as rpctrace): one line per
	 * routine: subsystem, base, name, index, request id, reply id (0 for
	 * a simpleroutine).  Being data, it carries no banner. */
	if (ss->name) {
		for (rt = ss->routines; rt; rt = rt->next, index++) {
			if (rt->kind == MIG_SKIP)
				continue;
			mp_line(&p, "%s %d %s %u %d %d", ss->name, (int)ss->base, rt->name, index,
				(int)rt->id, rt->kind == MIG_ROUTINE ? (int)rt->id + 100 : 0);
		}
	}
	return mp_finish(&p);
}
