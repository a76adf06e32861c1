/* SPDX-License-Identifier: MIT */
/*
 * ast.c - the front end's arena allocator, string interning, the
 * compilation context's life cycle, and the raw tree's constructors.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"

/* One arena block; allocations are carved from `data' upwards. */
struct arena_block {
	struct arena_block *next;
	size_t size, used;
	_Alignas(16) unsigned char data[];
};

#define ARENA_BLOCK 65536u

static void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL) {
		fputs("mig: out of memory\n", stderr);
		abort();
	}
	return p;
}

void
mig_ctx_init(struct mig_ctx *ctx)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->diag_out = stderr;
}

void
mig_ctx_fini(struct mig_ctx *ctx)
{
	struct mig_front *fe = ctx->arena;
	struct arena_block *b, *n;

	if (fe == NULL)
		return;
	free(fe->itab);
	for (b = fe->blocks; b != NULL; b = n) {
		n = b->next;
		free(b);
	}
	free(fe);
	ctx->arena = NULL;
	ctx->subsystem = NULL;
}

struct mig_front *
mig_front(struct mig_ctx *ctx)
{
	struct mig_front *fe = ctx->arena;

	if (fe == NULL) {
		fe = xmalloc(sizeof(*fe));
		memset(fe, 0, sizeof(*fe));
		fe->stmt_tail = &fe->stmts;
		fe->decl_tail = &fe->decls;
		ctx->arena = fe;
	}
	return fe;
}

void *
mig_alloc(struct mig_ctx *ctx, size_t size)
{
	struct mig_front *fe = mig_front(ctx);
	struct arena_block *b = fe->blocks;
	void *p;

	size = (size + 15) & ~(size_t)15;
	if (b == NULL || b->size - b->used < size) {
		size_t bsz = size > ARENA_BLOCK ? size : ARENA_BLOCK;

		b = xmalloc(sizeof(*b) + bsz);
		b->size = bsz;
		b->used = 0;
		/* A big one-off allocation goes behind the current block so
		 * the rest of the current block is not wasted. */
		if (fe->blocks != NULL && size > ARENA_BLOCK / 4) {
			b->next = fe->blocks->next;
			fe->blocks->next = b;
		} else {
			b->next = fe->blocks;
			fe->blocks = b;
		}
	}
	p = b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

char *
mig_strndup(struct mig_ctx *ctx, const char *s, size_t len)
{
	char *p = mig_alloc(ctx, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
mig_printf(struct mig_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	p = mig_alloc(ctx, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

static size_t
hash_bytes(const char *s, size_t len)
{
	size_t h = 2166136261u;

	while (len--) {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

const char *
mig_intern(struct mig_ctx *ctx, const char *s, size_t len)
{
	struct mig_front *fe = mig_front(ctx);
	size_t i, mask;
	const char *p;

	if (fe->icount * 2 >= fe->icap) {
		size_t ncap = fe->icap ? fe->icap * 2 : 256;
		const char **nt = xmalloc(ncap * sizeof(*nt));

		memset(nt, 0, ncap * sizeof(*nt));
		for (i = 0; i < fe->icap; i++) {
			const char *q = fe->itab[i];
			size_t j;

			if (q == NULL)
				continue;
			j = hash_bytes(q, strlen(q)) & (ncap - 1);
			while (nt[j] != NULL)
				j = (j + 1) & (ncap - 1);
			nt[j] = q;
		}
		free(fe->itab);
		fe->itab = nt;
		fe->icap = ncap;
	}
	mask = fe->icap - 1;
	for (i = hash_bytes(s, len) & mask; (p = fe->itab[i]) != NULL;
	     i = (i + 1) & mask)
		if (strncmp(p, s, len) == 0 && p[len] == '\0')
			return p;
	p = mig_strndup(ctx, s, len);
	fe->itab[i] = p;
	fe->icount++;
	return p;
}

const char *
mig_intern_str(struct mig_ctx *ctx, const char *s)
{
	return mig_intern(ctx, s, strlen(s));
}

struct ast_expr *
ast_num(struct mig_ctx *ctx, struct mig_loc loc, uint64_t v)
{
	struct ast_expr *e = MIG_NEW(ctx, struct ast_expr);

	e->loc = loc;
	e->value = v;
	return e;
}

struct ast_expr *
ast_binop(struct mig_ctx *ctx, struct mig_loc loc, char op,
	  struct ast_expr *l, struct ast_expr *r)
{
	struct ast_expr *e = MIG_NEW(ctx, struct ast_expr);

	e->loc = loc;
	e->op = op;
	e->lhs = l;
	e->rhs = r;
	return e;
}

struct ast_tspec *
ast_tspec(struct mig_ctx *ctx, enum ast_tspec_kind k, struct mig_loc loc)
{
	struct ast_tspec *t = MIG_NEW(ctx, struct ast_tspec);

	t->kind = k;
	t->loc = loc;
	return t;
}

struct ast_stmt *
ast_stmt(struct mig_ctx *ctx, enum ast_stmt_kind k, struct mig_loc loc)
{
	struct ast_stmt *s = MIG_NEW(ctx, struct ast_stmt);

	s->kind = k;
	s->loc = loc;
	return s;
}

void
ast_append_stmt(struct mig_ctx *ctx, struct ast_stmt *s)
{
	struct mig_front *fe = mig_front(ctx);

	*fe->stmt_tail = s;
	fe->stmt_tail = &s->next;
}

struct ast_typedecl *
ast_typedecl(struct mig_ctx *ctx, const char *name, struct mig_loc loc,
	     struct ast_tspec *spec)
{
	struct ast_typedecl *d = MIG_NEW(ctx, struct ast_typedecl);

	d->name = name;
	d->loc = loc;
	d->spec = spec;
	return d;
}
