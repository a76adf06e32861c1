/* SPDX-License-Identifier: MIT */
/*
 * diag.c - GCC-style diagnostics: "FILE:LINE:COL: error: TEXT [CODE]".
 *
 * Codes are stable and never reused; doc/mig.texi lists them.  The table
 * below is the registry (a code's text may be refined, its meaning never
 * changes; a retired code stays here, marked retired).
 *
 *   M0001 syntax error (also: parser stack exhausted)
 *   M0002 (reserved, unused)
 *   M0003 unterminated comment            M0004 unterminated string
 *   M0005 invalid number                  M0006 stray character
 *   M0007 too many errors                 M0008 input too large
 *   M0010 duplicate subsystem             M0011 routine before subsystem
 *   M0012 subsystem base out of range     M0013 message id overflow
 *   M0014 message id collision (warning)  M0015 duplicate routine name
 *   M0016 skip count out of range, or too many routines
 *   M0017 duplicate serverdemux/rcsid (warning)
 *   M0018 type left undefined by a types-only file (note, with -v)
 *   M0020 duplicate type name             M0021 unknown type
 *   M0022 recursive type definition       M0023 unknown IPC type name
 *   M0024 IPC type needs an explicit size M0025 bad IPC type size
 *   M0026 mixing port and data names      M0027 element or field that cannot nest
 *   M0028 array/string bound zero/too big M0029 unbounded array where a bound is needed
 *   M0030 strings not allowed here        M0031 ports not allowed here
 *   M0032 duplicate struct field          M0033 type nested too deeply
 *   M0034 integer expression error        M0035 conflicting type clauses (warning)
 *   M0036 duplicate type clause (warning) M0037 flag not valid in a type
 *   M0038 port size (warning)             M0039 out-of-line data too complex
 *   M0040 duplicate argument name         M0041 conflicting flags
 *   M0042 dealloc on inline data          M0043 servercopy on inline data
 *   M0044 countinout on a fixed-size arg  M0045 countinout on an in arg
 *   M0046 servercopy on a non-in arg      M0047 flag not allowed for direction
 *   M0048 request port is not a port      M0049 reply port is not a port
 *   M0050 second special argument         M0051 waittime/msgoption/msgseqno not an integer
 *   M0052 no request port                 M0053 out argument in a simpleroutine
 *   M0054 (reserved, unused)              M0055 duplicate flag (warning)
 *   M0056 (reserved, unused)              M0057 inline data too large
 *   M0058 islong and isnotlong            M0059 dealloc[] on inline data
 * Back end (layout.c, sig.c, emit_*.c):
 *   M0900 out of memory (fatal)           M0901 element size not whole bytes
 *   M0902 element size over 16 bits       M0903 inline variable array, no max
 *   M0904 datum too large for a message   M0905 message over 1 GiB
 *   M0906 C type text too long            M0907 ids not consecutive (internal)
 */
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>

#include "ir.h"

#define MAX_ERRORS 1000u

/* Like GCC, show the source line and a caret under the column:
 *       5 | routine r(p : port_t; x : nosuch_t);
 *         |                           ^
 * Only for the first diagnostics, for lines of a reasonable length, and
 * when the file can be read (it is the original file, named by the
 * preprocessor's line markers). */
static void
show_source(FILE *out, struct mig_loc loc)
{
	char buf[512];
	FILE *f;
	unsigned line = 1;
	size_t n, i, total = 0;
	struct stat st;

	if (loc.file == NULL || loc.line == 0 || loc.file[0] == '<')
		return;
	f = fopen(loc.file, "r");
	if (f == NULL)
		return;
	/* a regular file only (not a FIFO or a device), and a bounded read */
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		fclose(f);
		return;
	}
	while (line < loc.line && total < (16u << 20) &&
	       fgets(buf, sizeof(buf), f) != NULL) {
		n = strlen(buf);
		total += n ? n : 1;
		if (n > 0 && buf[n - 1] == '\n')
			line++;
	}
	if (line != loc.line || fgets(buf, sizeof(buf), f) == NULL) {
		fclose(f);
		return;
	}
	fclose(f);
	n = strlen(buf);
	if (n == 0 || buf[n - 1] != '\n' || loc.col > n)
		return;		/* too long, or not the line we mean */
	buf[--n] = '\0';
	for (i = 0; i < n; i++)
		if ((unsigned char)buf[i] < 0x20 && buf[i] != '\t')
			return;
	fprintf(out, " %5u | %s\n       | ", loc.line, buf);
	for (i = 0; i + 1 < loc.col; i++)
		fputc(buf[i] == '\t' ? '\t' : ' ', out);
	fputs("^\n", out);
}

static const char *const sev_name[] = {
	[MIG_NOTE] = "note",
	[MIG_WARNING] = "warning",
	[MIG_ERROR] = "error",
	[MIG_FATAL] = "fatal error",
};

void
mig_diag(struct mig_ctx *ctx, enum mig_severity sev, struct mig_loc loc,
	 const char *code, const char *fmt, ...)
{
	FILE *out = ctx->diag_out ? ctx->diag_out : stderr;
	va_list ap;

	if (ctx->nerrors >= MAX_ERRORS) {
		/* past the limit: count, print nothing more */
		if (sev == MIG_ERROR || sev == MIG_FATAL)
			ctx->nerrors++;
		ctx->fatal = true;
		return;
	}
	if (sev == MIG_WARNING) {
		ctx->nwarnings++;
		if (ctx->opt.quiet)
			return;
	} else if (sev == MIG_ERROR || sev == MIG_FATAL) {
		ctx->nerrors++;
		if (sev == MIG_FATAL)
			ctx->fatal = true;
	}
	if (loc.file != NULL && loc.line != 0)
		fprintf(out, "%s:%u:%u: ", loc.file, loc.line,
			loc.col ? loc.col : 1);
	else if (loc.file != NULL)
		fprintf(out, "%s: ", loc.file);
	else
		fputs("mig: ", out);
	fprintf(out, "%s: ", sev_name[sev]);
	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
	if (code != NULL && *code != '\0')
		fprintf(out, " [%s]", code);
	fputc('\n', out);
	if (sev != MIG_NOTE && ctx->nerrors + ctx->nwarnings <= 20)
		show_source(out, loc);
	if (ctx->nerrors == MAX_ERRORS)
		fprintf(out, "mig: too many errors (%u), stopping here\n",
			MAX_ERRORS);
}
