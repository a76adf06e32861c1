/* SPDX-License-Identifier: MIT */
/*
 * driver.c - `mig': the GNU MIG-compatible command line.  Runs the C
 * preprocessor over the .defs file, parses its output (following its line
 * markers), checks it, and writes the requested files through the back
 * end's mig_emit_* functions.
 */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ast.h"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "0"
#endif

#define DEFAULT_CPP "gcc -E -x c -ansi"

/* Hidden: the round-trip test program of mig-test (emit_rtest.c). */
int mig_emit_rtest(struct mig_ctx *ctx, const struct mig_subsystem *ss,
		   FILE *out);

struct argvec {
	char **v;
	size_t n, cap;
};

static void
push(struct argvec *a, const char *s)
{
	if (a->n + 2 > a->cap) {
		size_t ncap = a->cap ? a->cap * 2 : 32;
		char **nv = realloc(a->v, ncap * sizeof(*nv));

		if (nv == NULL) {
			fputs("mig: out of memory\n", stderr);
			exit(2);
		}
		a->v = nv;
		a->cap = ncap;
	}
	a->v[a->n] = strdup(s);
	if (a->v[a->n] == NULL) {
		fputs("mig: out of memory\n", stderr);
		exit(2);
	}
	a->v[++a->n] = NULL;
}

static void
free_argvec(struct argvec *a)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
	memset(a, 0, sizeof(*a));
}

static void
usage(FILE *out)
{
	fputs("Usage: mig [OPTION]... FILE.defs\n"
	      "Generate Mach RPC stubs from an interface definition file.\n"
	      "\n"
	      "  -user FILE       write the user (client) stubs to FILE\n"
	      "                   (default: SUBSYSTEMUser.c)\n"
	      "  -server FILE     write the server stubs and demultiplexer to FILE\n"
	      "                   (default: SUBSYSTEMServer.c)\n"
	      "  -header FILE     write the user header to FILE (default: SUBSYSTEM.h)\n"
	      "  -sheader FILE    also write the server header to FILE\n"
	      "  -iheader FILE    also write the kernel-internal header to FILE\n"
	      "  -list FILE       also write the list of routines and message ids\n"
	      "  -prefix STR      prefix every external name with STR: the user\n"
	      "                   stubs, the functions the server calls, and\n"
	      "                   the demultiplexer\n"
	      "  -subrprefix STR  prefix the runtime calls of the user stubs\n"
	      "                   (mach_msg, mig_get_reply_port, ...) with STR\n"
	      "  -n               write only the files named on the command line\n"
	      "  -q               suppress warnings (-Q: print them, the default)\n"
	      "  -v               verbose (-V: silent, the default)\n"
	      "  -MD              write make dependencies to BASE-mig.d\n"
	      "  -cc COMMAND      the preprocessor command (default: $CPP)\n"
	      "  -DNAME[=VALUE], -UNAME, -IDIR\n"
	      "                   passed to the preprocessor, as is any other\n"
	      "                   option starting with '-'\n"
	      "  --help           print this help and exit\n"
	      "  --version        print the version and exit\n"
	      "\n"
	      "The preprocessor is $CPP if set, else \"" DEFAULT_CPP "\".\n",
	      out);
}

/* Split $CPP (or the default) on blanks. */
static void
cpp_command(struct argvec *a)
{
	const char *env = getenv("CPP");
	const char *p = env && *env ? env : DEFAULT_CPP;

	while (*p) {
		const char *q;
		char *w;

		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		q = p;
		while (*q && *q != ' ' && *q != '\t')
			q++;
		w = strndup(p, (size_t)(q - p));
		if (w == NULL)
			exit(2);
		push(a, w);
		free(w);
		p = q;
	}
}

/* Run the preprocessor; its output in *BUF (malloc'd). 0 on success. */
static int
run_cpp(struct argvec *cmd, char **buf, size_t *len)
{
	int fds[2], status;
	pid_t pid;
	size_t cap = 65536, n = 0;
	char *b;

	if (pipe(fds) != 0) {
		perror("mig: pipe");
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		perror("mig: fork");
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		if (dup2(fds[1], 1) < 0)
			_exit(127);
		close(fds[1]);
		execvp(cmd->v[0], cmd->v);
		fprintf(stderr, "mig: cannot run the preprocessor '%s': %s\n",
			cmd->v[0], strerror(errno));
		_exit(127);
	}
	close(fds[1]);
	b = malloc(cap);
	if (b == NULL)
		exit(2);
	for (;;) {
		ssize_t r;

		if (cap - n < 4096) {
			char *nb = realloc(b, cap * 2);

			if (nb == NULL)
				exit(2);
			b = nb;
			cap *= 2;
		}
		r = read(fds[0], b + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			free(b);
			return -1;
		}
	*buf = b;
	*len = n;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	return 0;
}

struct output {
	const char *file;
	int (*emit)(struct mig_ctx *, const struct mig_subsystem *, FILE *);
	char *tmp;		/* FILE.mig-tmp-PID while it is being written */
};

/*
 * Write one output into a temporary file beside it; commit_outputs()
 * renames them all once every one succeeded, so a failed run leaves the
 * previous outputs exactly as they were.
 */
static int
write_output(struct mig_ctx *ctx, struct output *o)
{
	FILE *f;
	int rc;

	if (ctx->opt.verbose)
		fprintf(stderr, "mig: writing %s\n", o->file);
	{
		size_t n = strlen(o->file) + sizeof ".mig-tmp-" + 24;

		o->tmp = malloc(n);
		if (o->tmp == NULL) {
			fprintf(stderr, "mig: out of memory\n");
			return -1;
		}
		snprintf(o->tmp, n, "%s.mig-tmp-%ld", o->file, (long)getpid());
	}
	f = fopen(o->tmp, "w");
	if (f == NULL) {
		fprintf(stderr, "mig: cannot write %s: %s\n", o->file,
			strerror(errno));
		return -1;
	}
	rc = o->emit(ctx, ctx->subsystem, f);
	if (fclose(f) != 0 && rc == 0) {
		fprintf(stderr, "mig: cannot write %s: %s\n", o->file,
			strerror(errno));
		rc = -1;
	}
	return rc;
}

/* Rename the temporaries over the outputs when OK, else remove them. */
static int
commit_outputs(struct output *outs, unsigned n, bool ok)
{
	int rc = 0;
	unsigned i;

	for (i = 0; i < n; i++) {
		if (outs[i].tmp == NULL)
			continue;
		if (ok && rename(outs[i].tmp, outs[i].file) != 0) {
			fprintf(stderr, "mig: cannot write %s: %s\n",
				outs[i].file, strerror(errno));
			rc = -1;
		}
		if (!ok || rc != 0)
			remove(outs[i].tmp);
		free(outs[i].tmp);
		outs[i].tmp = NULL;
	}
	return rc;
}

/* BASE of the input: its file name without directory and extension. */
static char *
input_base(const char *input)
{
	const char *s = strrchr(input, '/');
	char *b, *dot;

	b = strdup(s ? s + 1 : input);
	if (b == NULL)
		exit(2);
	dot = strrchr(b, '.');
	if (dot != NULL && dot != b)
		*dot = '\0';
	return b;
}

/* Rewrite the preprocessor's dependencies with our outputs as targets. */
static int
write_deps(const char *tmp, const char *depfile, struct output *outs,
	   size_t nouts)
{
	FILE *in = fopen(tmp, "r"), *out;
	int c, seen_colon = 0;
	size_t i;

	if (in == NULL) {
		fprintf(stderr, "mig: cannot read %s: %s\n", tmp, strerror(errno));
		return -1;
	}
	out = fopen(depfile, "w");
	if (out == NULL) {
		fprintf(stderr, "mig: cannot write %s: %s\n", depfile,
			strerror(errno));
		fclose(in);
		return -1;
	}
	for (i = 0; i < nouts; i++)
		fprintf(out, "%s%s", i ? " " : "", outs[i].file);
	while ((c = getc(in)) != EOF) {
		if (!seen_colon) {
			if (c == ':') {
				seen_colon = 1;
				putc(':', out);
			}
			continue;
		}
		putc(c, out);
	}
	fclose(in);
	if (fclose(out) != 0)
		return -1;
	return 0;
}

int
main(int argc, char **argv)
{
	struct mig_ctx ctx;
	struct argvec cpp = { 0 };
	struct output outs[7];
	size_t nouts = 0, len = 0, i, ncpp_default;
	const char *input = NULL, *rtest_file = NULL;
	char *buf = NULL, *base = NULL, *deptmp = NULL, *depfile = NULL;
	bool dump_ir = false, md = false;
	int status = 0, a;

	mig_ctx_init(&ctx);
	cpp_command(&cpp);
	ncpp_default = cpp.n;
	for (a = 1; a < argc; a++) {
		const char *o = argv[a];
		const char **dst = NULL;

		if (strcmp(o, "--help") == 0 || strcmp(o, "-help") == 0) {
			usage(stdout);
			free_argvec(&cpp);
			return 0;
		}
		if (strcmp(o, "--version") == 0) {
			printf("mig (machsdk) %s\n", PACKAGE_VERSION);
			free_argvec(&cpp);
			return 0;
		}
		if (strcmp(o, "-user") == 0)
			dst = &ctx.opt.user_file;
		else if (strcmp(o, "-server") == 0)
			dst = &ctx.opt.server_file;
		else if (strcmp(o, "-header") == 0)
			dst = &ctx.opt.header_file;
		else if (strcmp(o, "-sheader") == 0)
			dst = &ctx.opt.sheader_file;
		else if (strcmp(o, "-iheader") == 0)
			dst = &ctx.opt.iheader_file;
		else if (strcmp(o, "-list") == 0)
			dst = &ctx.opt.list_file;
		else if (strcmp(o, "-prefix") == 0)
			dst = &ctx.opt.prefix;
		else if (strcmp(o, "-subrprefix") == 0)
			dst = &ctx.opt.subrprefix;
		else if (strcmp(o, "-rtest") == 0)
			dst = &rtest_file;	/* hidden */
		if (dst != NULL) {
			if (a + 1 >= argc) {
				fprintf(stderr, "mig: option '%s' needs an argument\n", o);
				status = 1;
				goto out;
			}
			*dst = argv[++a];
			continue;
		}
		if (strcmp(o, "-n") == 0)
			ctx.opt.no_output = true;
		else if (strcmp(o, "-q") == 0)
			ctx.opt.quiet = true;
		else if (strcmp(o, "-Q") == 0)
			ctx.opt.quiet = false;
		else if (strcmp(o, "-v") == 0)
			ctx.opt.verbose = true;
		else if (strcmp(o, "-V") == 0)
			ctx.opt.verbose = false;
		else if (strcmp(o, "-MD") == 0)
			md = true;
		else if (strlen(o) == 2 && strchr("sStTrR", o[1]) != NULL)
			;	/* GNU MIG switches without effect here */
		else if (strcmp(o, "-cc") == 0 && a + 1 < argc) {
			/* GNU MIG: the preprocessor command */
			struct argvec nc = { 0 };
			const char *p = argv[++a];
			size_t k;

			for (k = 0; k < cpp.n; k++)	/* keep flags given so far */
				if (k >= ncpp_default)
					push(&nc, cpp.v[k]);
			free_argvec(&cpp);
			while (*p) {
				const char *q;
				char *w;

				while (*p == ' ' || *p == '\t')
					p++;
				if (!*p)
					break;
				for (q = p; *q && *q != ' ' && *q != '\t'; q++)
					;
				w = strndup(p, (size_t)(q - p));
				if (w == NULL)
					exit(2);
				push(&cpp, w);
				free(w);
				p = q;
			}
			ncpp_default = cpp.n;
			for (k = 0; k < nc.n; k++)
				push(&cpp, nc.v[k]);
			free_argvec(&nc);
		} else if (strcmp(o, "-i") == 0) {
			fprintf(stderr, "mig: -i (one file per routine) is not supported\n");
			status = 1;
			goto out;
		}
		else if (strcmp(o, "--dump-ir") == 0)
			dump_ir = true;
		else if ((strcmp(o, "-D") == 0 || strcmp(o, "-U") == 0 ||
			  strcmp(o, "-I") == 0 || strcmp(o, "-imacros") == 0 ||
			  strcmp(o, "-isystem") == 0 || strcmp(o, "-include") == 0) &&
			 a + 1 < argc) {
			push(&cpp, o);
			push(&cpp, argv[++a]);
		} else if (o[0] == '-' && o[1] != '\0') {
			push(&cpp, o);	/* -DX, -IDIR, -UX and the rest */
		} else if (input == NULL) {
			input = o;
		} else {
			fprintf(stderr, "mig: only one input file is supported ('%s' and '%s')\n",
				input, o);
			status = 1;
			goto out;
		}
	}
	ctx.opt.input = input ? input : "-";

	base = input_base(input ? input : "stdin");
	if (md) {
		size_t n = strlen(base) + 16;

		depfile = malloc(n);
		deptmp = malloc(n + 8);
		if (depfile == NULL || deptmp == NULL)
			exit(2);
		snprintf(depfile, n, "%s-mig.d", base);
		snprintf(deptmp, n + 8, "%s-mig.d.tmp", base);
		push(&cpp, "-MD");
		push(&cpp, "-MF");
		push(&cpp, deptmp);
		ctx.opt.depfile = depfile;
	}
	push(&cpp, input ? input : "-");
	if (run_cpp(&cpp, &buf, &len) != 0) {
		fprintf(stderr, "mig: preprocessing %s failed\n",
			input ? input : "the standard input");
		status = 1;
		goto out;
	}
	mig_parse_buffer(&ctx, input ? input : "<stdin>", buf, len);
	if (!ctx.fatal)
		mig_sema(&ctx);
	if (ctx.nerrors != 0) {
		status = 1;
		goto out;
	}
	if (dump_ir) {
		mig_dump_ir(ctx.subsystem, stdout);
		goto out;
	}
	if (ctx.subsystem->name == NULL) {
		if (ctx.opt.verbose)
			fprintf(stderr, "mig: %s declares no subsystem (types only): no file written\n",
				ctx.opt.input);
		goto deps;
	}

	{
		const char *sub = ctx.subsystem->name;
		bool dflt = !ctx.opt.no_output;

		if (ctx.opt.user_file == NULL && dflt)
			ctx.opt.user_file = mig_printf(&ctx, "%sUser.c", sub);
		if (ctx.opt.server_file == NULL && dflt)
			ctx.opt.server_file = mig_printf(&ctx, "%sServer.c", sub);
		if (ctx.opt.header_file == NULL && dflt)
			ctx.opt.header_file = mig_printf(&ctx, "%s.h", sub);
	}
	if (ctx.opt.header_file)
		outs[nouts++] = (struct output){ ctx.opt.header_file, mig_emit_header, NULL };
	if (ctx.opt.user_file)
		outs[nouts++] = (struct output){ ctx.opt.user_file, mig_emit_user, NULL };
	if (ctx.opt.server_file)
		outs[nouts++] = (struct output){ ctx.opt.server_file, mig_emit_server, NULL };
	if (ctx.opt.sheader_file)
		outs[nouts++] = (struct output){ ctx.opt.sheader_file, mig_emit_sheader, NULL };
	if (ctx.opt.iheader_file)
		outs[nouts++] = (struct output){ ctx.opt.iheader_file, mig_emit_iheader, NULL };
	if (ctx.opt.list_file)
		outs[nouts++] = (struct output){ ctx.opt.list_file, mig_emit_list, NULL };
	if (rtest_file)
		outs[nouts++] = (struct output){ rtest_file, mig_emit_rtest, NULL };
	for (i = 0; i < nouts && status == 0; i++)
		if (write_output(&ctx, &outs[i]) != 0)
			status = 1;
	if (commit_outputs(outs, nouts, status == 0 && ctx.nerrors == 0) != 0)
		status = 1;
deps:
	if (md && status == 0 && nouts > 0 && write_deps(deptmp, depfile, outs, nouts) != 0)
		status = 1;
out:
	if (deptmp != NULL)
		remove(deptmp);
	if (ctx.nerrors != 0)
		status = 1;
	free(buf);
	free(base);
	free(deptmp);
	free(depfile);
	free_argvec(&cpp);
	mig_ctx_fini(&ctx);
	return status;
}
