/* SPDX-License-Identifier: MIT */
/*
 * sema.c - the semantic pass: checks the raw tree of ast.h and builds the
 * resolved IR of ir.h (ctx->subsystem).
 *
 * Types are resolved by name over the whole file (a use may precede the
 * declaration; a cycle is an error), flattened through aliases and nested
 * fixed arrays as GNU MIG flattens them.  Routines are numbered base +
 * index (skips included), get their implicit arguments (Poly, Cnt,
 * Dealloc, SCopy, RetCode) and the prefixes, waittime and msgoption in
 * effect where they are declared.  Every error is reported at its node and
 * the pass goes on, so one run reports them all.
 */
#include <stdlib.h>
#include <string.h>

#include "ast.h"

#define MAX_TYPE_DEPTH 200
#define MAX_EXPR_DEPTH 1000
#define MAX_SKIP 65536u
#define MAX_ROUTINES 1000000u
#define MAX_INLINE_BYTES (1u << 28)
#define PORT_BITS 64u		/* an inline port right: an 8-byte slot */
#define PORT_NAME_BITS 32u	/* mach_port_name_t */

/* ------------------------------------------------------------------ */
/* A small pointer-keyed hash map (keys are interned strings)          */
/* ------------------------------------------------------------------ */

struct pmap {
	const void **keys;
	void **vals;
	size_t cap, count;
};

static size_t
phash(const void *k)
{
	uintptr_t x = (uintptr_t)k;

	x ^= x >> 17;
	x *= 0x9e3779b97f4a7c15ull;
	return (size_t)(x ^ (x >> 29));
}

static void *
pmap_get(const struct pmap *m, const void *k)
{
	size_t i;

	if (m->cap == 0)
		return NULL;
	for (i = phash(k) & (m->cap - 1); m->keys[i] != NULL;
	     i = (i + 1) & (m->cap - 1))
		if (m->keys[i] == k)
			return m->vals[i];
	return NULL;
}

static void
pmap_put(struct pmap *m, const void *k, void *v)
{
	size_t i;

	if ((m->count + 1) * 2 > m->cap) {
		struct pmap n;
		size_t j;

		n.cap = m->cap ? m->cap * 2 : 64;
		n.count = 0;
		n.keys = calloc(n.cap, sizeof(*n.keys));
		n.vals = calloc(n.cap, sizeof(*n.vals));
		if (n.keys == NULL || n.vals == NULL) {
			fputs("mig: out of memory\n", stderr);
			abort();
		}
		for (j = 0; j < m->cap; j++)
			if (m->keys[j] != NULL)
				pmap_put(&n, m->keys[j], m->vals[j]);
		free(m->keys);
		free(m->vals);
		*m = n;
	}
	for (i = phash(k) & (m->cap - 1); m->keys[i] != NULL;
	     i = (i + 1) & (m->cap - 1))
		if (m->keys[i] == k) {
			m->vals[i] = v;
			return;
		}
	m->keys[i] = k;
	m->vals[i] = v;
	m->count++;
}

static void
pmap_clear(struct pmap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

/* ------------------------------------------------------------------ */
/* IPC type names                                                      */
/* ------------------------------------------------------------------ */

/*
 * CODE is the symbol's value (what it means in T1|T2); written alone, a
 * name sends IN and the receiver sees OUT.  MACH_MSG_TYPE_PORT_SEND and
 * the like name what the receiver gets: the sender chooses the right at
 * run time (a Poly argument), as in GNU MIG.
 */
struct ipc_name {
	const char *symbol;
	int code;
	int in, out;
	unsigned size;		/* natural size in bits; 0: must be given */
};

static const struct ipc_name ipc_names[] = {
	{ "MACH_MSG_TYPE_UNSTRUCTURED", 0, 0, 0, 0 },
	{ "MACH_MSG_TYPE_BIT", 0, 0, 0, 1 },
	{ "MACH_MSG_TYPE_BOOLEAN", MIG_TN_BOOLEAN, MIG_TN_BOOLEAN, MIG_TN_BOOLEAN, 32 },
	{ "MACH_MSG_TYPE_INTEGER_16", MIG_TN_INTEGER_16, MIG_TN_INTEGER_16, MIG_TN_INTEGER_16, 16 },
	{ "MACH_MSG_TYPE_INTEGER_32", MIG_TN_INTEGER_32, MIG_TN_INTEGER_32, MIG_TN_INTEGER_32, 32 },
	{ "MACH_MSG_TYPE_CHAR", MIG_TN_CHAR, MIG_TN_CHAR, MIG_TN_CHAR, 8 },
	{ "MACH_MSG_TYPE_BYTE", MIG_TN_BYTE, MIG_TN_BYTE, MIG_TN_BYTE, 8 },
	{ "MACH_MSG_TYPE_INTEGER_8", MIG_TN_BYTE, MIG_TN_BYTE, MIG_TN_BYTE, 8 },
	{ "MACH_MSG_TYPE_REAL", MIG_TN_REAL, MIG_TN_REAL, MIG_TN_REAL, 0 },
	{ "MACH_MSG_TYPE_INTEGER_64", MIG_TN_INTEGER_64, MIG_TN_INTEGER_64, MIG_TN_INTEGER_64, 64 },
	{ "MACH_MSG_TYPE_STRING", MIG_TN_STRING, MIG_TN_STRING, MIG_TN_STRING, 0 },
	{ "MACH_MSG_TYPE_STRING_C", MIG_TN_STRING, MIG_TN_STRING, MIG_TN_STRING, 0 },
	{ "MACH_MSG_TYPE_PORT_NAME", MIG_TN_PORT_NAME, MIG_TN_PORT_NAME, MIG_TN_PORT_NAME, PORT_NAME_BITS },
	{ "MACH_MSG_TYPE_MOVE_RECEIVE", MIG_TN_MOVE_RECEIVE, MIG_TN_MOVE_RECEIVE, MIG_TN_MOVE_RECEIVE, PORT_BITS },
	{ "MACH_MSG_TYPE_MOVE_SEND", MIG_TN_MOVE_SEND, MIG_TN_MOVE_SEND, MIG_TN_MOVE_SEND, PORT_BITS },
	{ "MACH_MSG_TYPE_MOVE_SEND_ONCE", MIG_TN_MOVE_SEND_ONCE, MIG_TN_MOVE_SEND_ONCE, MIG_TN_MOVE_SEND_ONCE, PORT_BITS },
	{ "MACH_MSG_TYPE_COPY_SEND", MIG_TN_COPY_SEND, MIG_TN_COPY_SEND, MIG_TN_MOVE_SEND, PORT_BITS },
	{ "MACH_MSG_TYPE_MAKE_SEND", MIG_TN_MAKE_SEND, MIG_TN_MAKE_SEND, MIG_TN_MOVE_SEND, PORT_BITS },
	{ "MACH_MSG_TYPE_MAKE_SEND_ONCE", MIG_TN_MAKE_SEND_ONCE, MIG_TN_MAKE_SEND_ONCE, MIG_TN_MOVE_SEND_ONCE, PORT_BITS },
	{ "MACH_MSG_TYPE_PORT_RECEIVE", MIG_TN_MOVE_RECEIVE, MIG_TN_POLYMORPHIC, MIG_TN_MOVE_RECEIVE, PORT_BITS },
	{ "MACH_MSG_TYPE_PORT_SEND", MIG_TN_MOVE_SEND, MIG_TN_POLYMORPHIC, MIG_TN_MOVE_SEND, PORT_BITS },
	{ "MACH_MSG_TYPE_PORT_SEND_ONCE", MIG_TN_MOVE_SEND_ONCE, MIG_TN_POLYMORPHIC, MIG_TN_MOVE_SEND_ONCE, PORT_BITS },
	{ "MACH_MSG_TYPE_POLYMORPHIC", MIG_TN_POLYMORPHIC, MIG_TN_POLYMORPHIC, MIG_TN_POLYMORPHIC, PORT_BITS },
};

static const struct ipc_name *
ipc_by_symbol(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(ipc_names) / sizeof(ipc_names[0]); i++)
		if (strcmp(ipc_names[i].symbol, s) == 0)
			return &ipc_names[i];
	return NULL;
}

static const struct ipc_name *
ipc_by_code(int code)
{
	size_t i;

	for (i = 2; i < sizeof(ipc_names) / sizeof(ipc_names[0]); i++)
		if (ipc_names[i].code == code)
			return &ipc_names[i];
	return NULL;
}

/* ------------------------------------------------------------------ */
/* The pass                                                            */
/* ------------------------------------------------------------------ */

struct sema {
	struct mig_ctx *ctx;
	struct mig_front *fe;
	struct pmap types;		/* name -> ast_typedecl */
	struct pmap builtins;		/* char, short, int -> mig_type */
	struct mig_type *t_count, *t_poly, *t_retcode, *t_bool;
	struct mig_type *t_error;	/* stands for a type already reported */
	bool types_only;		/* no subsystem, no routine: a file meant
					   to be included, which may use types
					   its includer defines */
};

static void
note_prev(struct sema *s, struct mig_loc loc, const char *what)
{
	mig_diag(s->ctx, MIG_NOTE, loc, NULL, "%s", what);
}

/* Evaluate an integer expression; false (after a diagnostic) on error. */
static bool
eval_depth(struct sema *s, const struct ast_expr *e, uint64_t *out,
	   unsigned depth)
{
	uint64_t a, b;

	if (depth > MAX_EXPR_DEPTH) {
		mig_diag(s->ctx, MIG_ERROR, e->loc, "M0034",
			 "integer expression nested too deeply");
		return false;
	}
	if (e->op == 0) {
		*out = e->value;
		if (e->value > INT64_MAX) {
			mig_diag(s->ctx, MIG_ERROR, e->loc, "M0034",
				 "integer constant is too large");
			return false;
		}
		return true;
	}
	if (!eval_depth(s, e->lhs, &a, depth + 1) ||
	    !eval_depth(s, e->rhs, &b, depth + 1))
		return false;
	switch (e->op) {
	case '+':
		if (a + b < a || a + b > INT64_MAX)
			goto overflow;
		*out = a + b;
		return true;
	case '-':
		if (b > a) {
			mig_diag(s->ctx, MIG_ERROR, e->loc, "M0034",
				 "negative value in integer expression");
			return false;
		}
		*out = a - b;
		return true;
	case '*':
		if (a != 0 && b > INT64_MAX / a)
			goto overflow;
		*out = a * b;
		return true;
	default:
		if (b == 0) {
			mig_diag(s->ctx, MIG_ERROR, e->loc, "M0034",
				 "division by zero in integer expression");
			return false;
		}
		*out = a / b;
		return true;
	}
overflow:
	mig_diag(s->ctx, MIG_ERROR, e->loc, "M0034",
		 "integer overflow in expression");
	return false;
}

static bool
eval(struct sema *s, const struct ast_expr *e, uint64_t *out)
{
	return eval_depth(s, e, out, 0);
}

static struct mig_type *
new_type(struct sema *s, enum mig_type_kind k, struct mig_loc loc)
{
	struct mig_type *t = MIG_NEW(s->ctx, struct mig_type);

	t->kind = k;
	t->loc = loc;
	t->is_inline = true;
	return t;
}

/* The facts that depend on the others. */
static void
finish_wire(struct mig_type *t)
{
	t->is_port = mig_type_name_is_port(t->in_name) ||
		     mig_type_name_is_port(t->out_name) ||
		     ((t->in_name == MIG_TN_POLYMORPHIC ||
		       t->out_name == MIG_TN_POLYMORPHIC) &&
		      t->size_bits == PORT_BITS);
	t->polymorphic = t->in_name == MIG_TN_POLYMORPHIC ||
			 t->out_name == MIG_TN_POLYMORPHIC;
	t->longform = t->size_bits > 255 || t->number > 4095 ||
		      (t->variable && t->number == 0);
	if (t->is_inline)
		t->inline_bytes = ((uint64_t)t->size_bits * t->number + 7) / 8;
	else
		t->inline_bytes = 8;
}

static const char *
basic_ctype(int code, unsigned bits)
{
	switch (code) {
	case MIG_TN_BOOLEAN:
		return bits == 32 ? "boolean_t" : "unsigned";
	case MIG_TN_INTEGER_16:
		return "short";
	case MIG_TN_INTEGER_32:
		return "int";
	case MIG_TN_CHAR:
	case MIG_TN_STRING:
		return "char";
	case MIG_TN_BYTE:
		return "unsigned char";
	case MIG_TN_REAL:
		return bits == 64 ? "double" : "float";
	case MIG_TN_INTEGER_64:
		return "int64_t";
	case MIG_TN_PORT_NAME:
		return "mach_port_name_t";
	default:
		if (mig_type_name_is_port(code) || code == MIG_TN_POLYMORPHIC)
			return "mach_port_t";
		return "int";
	}
}

/* C types of an anonymous type. */
static void
default_ctypes(struct mig_type *t)
{
	if (t->element != NULL) {
		t->user_ctype = t->element->user_ctype;
		t->server_ctype = t->element->server_ctype;
	} else if (t->is_string) {
		t->user_ctype = t->server_ctype = "char";
	} else {
		t->user_ctype = t->server_ctype =
			basic_ctype(t->in_name, t->size_bits);
	}
	t->trans_ctype = t->server_ctype;
}

/* A new type with the wire facts of BASE (an alias, or ^BASE). */
static struct mig_type *
alias_of(struct sema *s, struct mig_type *base, struct mig_loc loc)
{
	struct mig_type *t = new_type(s, MIG_TYPE_ALIAS, loc);

	*t = *base;
	t->kind = MIG_TYPE_ALIAS;
	t->base = base;
	t->name = NULL;
	t->loc = loc;
	memset(&t->intran, 0, sizeof(t->intran));
	memset(&t->outtran, 0, sizeof(t->outtran));
	memset(&t->destructor, 0, sizeof(t->destructor));
	memset(&t->intranpayload, 0, sizeof(t->intranpayload));
	t->next = NULL;
	return t;
}

static struct mig_type *resolve_decl(struct sema *s, struct ast_typedecl *d,
				     unsigned depth);

/* Edit distance of A and B (case-insensitive), or a large number when it
 * exceeds 2 or the names are long. */
static unsigned
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	unsigned row[65], prev, tmp;

	if (la > 64 || lb > 64 || (la > lb ? la - lb : lb - la) > 2)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = (unsigned)j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = (unsigned)i;
		for (j = 1; j <= lb; j++) {
			unsigned cost = (a[i - 1] | 0x20) == (b[j - 1] | 0x20) ? 0 : 1;
			unsigned best = prev + cost;

			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			tmp = row[j];
			row[j] = best;
			prev = tmp;
		}
	}
	return row[lb];
}

/* A declared type whose name is close to NAME, or NULL. */
static const char *
suggest_type(struct sema *s, const char *name)
{
	const char *best = NULL;
	unsigned bestd = 3, d;
	size_t i;

	for (i = 0; i < s->types.cap; i++) {
		if (s->types.keys[i] == NULL)
			continue;
		d = distance(name, s->types.keys[i]);
		if (d < bestd || (d == bestd && best != NULL &&
				  strcmp(s->types.keys[i], best) < 0)) {
			bestd = d;
			best = s->types.keys[i];
		}
	}
	return best;
}

static struct mig_type *
resolve_name(struct sema *s, const char *name, struct mig_loc loc,
	     unsigned depth)
{
	struct ast_typedecl *d = pmap_get(&s->types, name);
	struct mig_type *t;

	if (d != NULL)
		return resolve_decl(s, d, depth);
	t = pmap_get(&s->builtins, name);
	if (t != NULL)
		return t;
	if (s->types_only) {
		if (s->ctx->opt.verbose)
			mig_diag(s->ctx, MIG_NOTE, loc, "M0018",
				 "type '%s' is not defined here; a types-only file may leave it to the file that includes it",
				 name);
		return NULL;
	}
	mig_diag(s->ctx, MIG_ERROR, loc, "M0021", "unknown type '%s'", name);
	{
		const char *near = suggest_type(s, name);

		if (near != NULL)
			mig_diag(s->ctx, MIG_NOTE, loc, NULL,
				 "did you mean '%s'?", near);
	}
	return NULL;
}

static bool
resolve_ipcname(struct sema *s, const struct ast_ipcname *n, int *code,
		int *single_in, int *out, unsigned *size)
{
	const struct ipc_name *in;
	uint64_t v;

	if (n->symbol != NULL) {
		in = ipc_by_symbol(n->symbol);
		if (in == NULL) {
			mig_diag(s->ctx, MIG_ERROR, n->loc, "M0023",
				 "unknown IPC type name '%s'", n->symbol);
			return false;
		}
		*code = in->code;
		*single_in = in->in;
		*out = in->out;
		*size = in->size;
		return true;
	}
	if (!eval(s, n->number, &v))
		return false;
	if (v > 255) {
		mig_diag(s->ctx, MIG_ERROR, n->loc, "M0023",
			 "IPC type name %llu out of range (0..255)",
			 (unsigned long long)v);
		return false;
	}
	*code = *single_in = (int)v;
	in = ipc_by_code((int)v);
	*out = in ? in->out : (int)v;
	*size = in ? in->size : 0;
	return true;
}

static struct mig_type *
build_basic(struct sema *s, const struct ast_tspec *ts)
{
	struct mig_type *t = new_type(s, MIG_TYPE_BASIC, ts->loc);
	int code, in, inout, out, ocode, oin, outout;
	unsigned size, osize;
	const struct ast_flag *f;
	bool port_in, port_out;

	if (!resolve_ipcname(s, &ts->in, &code, &in, &inout, &size))
		return NULL;
	out = inout;
	if (ts->has_out) {
		if (!resolve_ipcname(s, &ts->out, &ocode, &oin, &outout, &osize))
			return NULL;
		(void)oin;
		(void)outout;
		in = code;
		out = ocode;
		if (size == 0)
			size = osize;
	}
	if (ts->size != NULL) {
		uint64_t v;

		if (!eval(s, ts->size, &v))
			return NULL;
		if (v == 0 || v > 65535) {
			mig_diag(s->ctx, MIG_ERROR, ts->size->loc, "M0025",
				 "IPC type size %llu out of range (1..65535 bits)",
				 (unsigned long long)v);
			return NULL;
		}
		size = (unsigned)v;
	} else if (size == 0) {
		mig_diag(s->ctx, MIG_ERROR, ts->loc, "M0024",
			 "this IPC type needs an explicit size: (%s, SIZE)",
			 ts->in.symbol ? ts->in.symbol : "NAME");
		return NULL;
	}
	port_in = mig_type_name_is_port(in);
	port_out = mig_type_name_is_port(out);
	if (in != MIG_TN_POLYMORPHIC && out != MIG_TN_POLYMORPHIC &&
	    port_in != port_out) {
		mig_diag(s->ctx, MIG_ERROR, ts->out.loc, "M0026",
			 "a port right and a data type name cannot be mixed");
		return NULL;
	}
	t->in_name = in;
	t->out_name = out;
	t->size_bits = size;
	t->number = 1;
	t->is_string = in == MIG_TN_STRING;
	for (f = ts->flags; f != NULL; f = f->next) {
		if (f->kind == AST_FL_DEALLOC && !f->brackets)
			t->dealloc = MIG_DEALLOC_ALWAYS;
		else
			mig_diag(s->ctx, MIG_ERROR, f->loc, "M0037",
				 "only 'dealloc' is allowed in an IPC type");
	}
	finish_wire(t);
	if ((port_in || port_out) && size != PORT_BITS)
		mig_diag(s->ctx, MIG_WARNING, ts->loc, "M0038",
			 "port rights are %u bits in a message, not %u",
			 PORT_BITS, size);
	default_ctypes(t);
	return t;
}

static struct mig_type *build_spec(struct sema *s, const struct ast_tspec *ts,
				   unsigned depth);

/* The element of an array, struct[N] or ^: checked to be plain inline
 * fixed data. */
static struct mig_type *
element_of(struct sema *s, const struct ast_tspec *ts, unsigned depth,
	   const char *what)
{
	struct mig_type *e;

	if (ts->kind == AST_TS_CSTRUCT) {
		mig_diag(s->ctx, MIG_ERROR, ts->loc, "M0027",
			 "a struct { } used as %s must be declared as a named type",
			 what);
		return NULL;
	}
	e = build_spec(s, ts, depth + 1);
	if (e == NULL)
		return NULL;
	if (e->is_string) {
		mig_diag(s->ctx, MIG_ERROR, ts->loc, "M0030",
			 "a string cannot be %s", what);
		return NULL;
	}
	if (e->indefinite) {
		mig_diag(s->ctx, MIG_ERROR, ts->loc, "M0029",
			 "an array without a bound cannot be %s (give it one: array[*:N])",
			 what);
		return NULL;
	}
	if (!e->is_inline) {
		mig_diag(s->ctx, MIG_ERROR, ts->loc, "M0039",
			 "out-of-line data cannot be %s", what);
		return NULL;
	}
	if (e->variable) {
		mig_diag(s->ctx, MIG_ERROR, ts->loc, "M0027",
			 "a variable-sized type cannot be %s", what);
		return NULL;
	}
	return e;
}

static bool
eval_bound(struct sema *s, const struct ast_expr *e, uint64_t *out)
{
	if (!eval(s, e, out))
		return false;
	if (*out == 0 || *out > UINT32_MAX) {
		mig_diag(s->ctx, MIG_ERROR, e->loc, "M0028",
			 "bound %llu out of range (1..4294967295)",
			 (unsigned long long)*out);
		return false;
	}
	return true;
}

static unsigned
c_align(const struct mig_type *t, unsigned depth)
{
	const struct mig_field *f;
	unsigned a = 1, b;

	if (t->fields != NULL && depth < MAX_TYPE_DEPTH) {
		for (f = t->fields; f != NULL; f = f->next)
			if (f->type && (b = c_align(f->type, depth + 1)) > a)
				a = b;
		return a;
	}
	a = t->size_bits / 8;
	if (a == 0)
		a = 1;
	if (a > 8)
		a = 8;
	while (a & (a - 1))	/* odd sizes: their largest power of 2 */
		a &= a - 1;
	return a;
}

static struct mig_type *
build_cstruct(struct sema *s, const struct ast_tspec *ts, unsigned depth)
{
	struct mig_type *t = new_type(s, MIG_TYPE_CSTRUCT, ts->loc);
	struct mig_field **tail = &t->fields;
	const struct ast_field *af;
	struct pmap seen = { 0 };
	uint64_t off = 0;
	unsigned align = 1;
	bool ok = true;

	for (af = ts->fields; af != NULL; af = af->next) {
		struct mig_type *ft;
		struct ast_field *prev = pmap_get(&seen, af->name);
		unsigned a;

		if (prev != NULL) {
			mig_diag(s->ctx, MIG_ERROR, af->loc, "M0032",
				 "duplicate field '%s'", af->name);
			note_prev(s, prev->loc, "previous declaration is here");
			ok = false;
			continue;
		}
		pmap_put(&seen, af->name, (void *)af);
		ft = resolve_name(s, af->type_name, af->type_loc, depth + 1);
		if (ft == NULL) {
			ok = false;
			continue;
		}
		if (ft->is_port || ft->polymorphic) {
			mig_diag(s->ctx, MIG_ERROR, af->type_loc, "M0031",
				 "a port cannot be a field of a struct");
			ok = false;
			continue;
		}
		if (ft->is_string) {
			mig_diag(s->ctx, MIG_ERROR, af->type_loc, "M0030",
				 "a string cannot be a field of a struct");
			ok = false;
			continue;
		}
		if (ft->indefinite) {
			mig_diag(s->ctx, MIG_ERROR, af->type_loc, "M0029",
				 "an array without a bound cannot be a field of a struct");
			ok = false;
			continue;
		}
		if (!ft->is_inline || ft->variable) {
			mig_diag(s->ctx, MIG_ERROR, af->type_loc, "M0027",
				 "a field of a struct must be inline data of fixed size");
			ok = false;
			continue;
		}
		a = c_align(ft, depth + 1);
		if (a > align)
			align = a;
		off = (off + a - 1) / a * a;
		off += ft->inline_bytes;
		*tail = MIG_NEW(s->ctx, struct mig_field);
		(*tail)->name = af->name;
		(*tail)->type = ft;
		(*tail)->loc = af->loc;
		tail = &(*tail)->next;
	}
	pmap_clear(&seen);
	if (!ok)
		return NULL;
	off = (off + align - 1) / align * align;
	if (off == 0) {
		mig_diag(s->ctx, MIG_ERROR, ts->loc, "M0028",
			 "a struct must have at least one field");
		return NULL;
	}
	if (off > MAX_INLINE_BYTES) {
		mig_diag(s->ctx, MIG_ERROR, ts->loc, "M0057",
			 "struct too large (%llu bytes)", (unsigned long long)off);
		return NULL;
	}
	if (off % 4 == 0) {
		t->in_name = t->out_name = MIG_TN_INTEGER_32;
		t->size_bits = 32;
		t->number = (uint32_t)(off / 4);
	} else if (off % 2 == 0) {
		t->in_name = t->out_name = MIG_TN_INTEGER_16;
		t->size_bits = 16;
		t->number = (uint32_t)(off / 2);
	} else {
		t->in_name = t->out_name = MIG_TN_BYTE;
		t->size_bits = 8;
		t->number = (uint32_t)off;
	}
	finish_wire(t);
	t->user_ctype = t->server_ctype = t->trans_ctype = "int";
	return t;
}

static struct mig_type *
build_spec(struct sema *s, const struct ast_tspec *ts, unsigned depth)
{
	struct mig_type *t, *e;
	uint64_t n;

	if (depth > MAX_TYPE_DEPTH) {
		mig_diag(s->ctx, MIG_ERROR, ts->loc, "M0033",
			 "type nested too deeply (more than %u levels)",
			 MAX_TYPE_DEPTH);
		return NULL;
	}
	switch (ts->kind) {
	case AST_TS_NAME:
		return resolve_name(s, ts->name, ts->loc, depth + 1);
	case AST_TS_BASIC:
		return build_basic(s, ts);
	case AST_TS_ARRAY:
	case AST_TS_STRUCT:
		e = element_of(s, ts->elem, depth,
			       ts->kind == AST_TS_ARRAY ? "an array element"
						       : "a struct element");
		if (e == NULL || !eval_bound(s, ts->count, &n))
			return NULL;
		if (n * e->number > UINT32_MAX) {
			mig_diag(s->ctx, MIG_ERROR, ts->count->loc, "M0028",
				 "array of %llu elements is too large",
				 (unsigned long long)(n * e->number));
			return NULL;
		}
		t = new_type(s, ts->kind == AST_TS_ARRAY ? MIG_TYPE_ARRAY
							 : MIG_TYPE_STRUCT,
			     ts->loc);
		t->element = e;
		t->in_name = e->in_name;
		t->out_name = e->out_name;
		t->size_bits = e->size_bits;
		t->number = (uint32_t)(n * e->number);
		t->dealloc = e->dealloc;
		finish_wire(t);
		default_ctypes(t);
		break;
	case AST_TS_VARARRAY:
		e = element_of(s, ts->elem, depth, "an array element");
		if (e == NULL)
			return NULL;
		n = 0;
		if (ts->count != NULL) {
			if (!eval_bound(s, ts->count, &n))
				return NULL;
			if (n * e->number > UINT32_MAX) {
				mig_diag(s->ctx, MIG_ERROR, ts->count->loc,
					 "M0028",
					 "array of %llu elements is too large",
					 (unsigned long long)(n * e->number));
				return NULL;
			}
		}
		t = new_type(s, MIG_TYPE_ARRAY, ts->loc);
		t->element = e;
		t->in_name = e->in_name;
		t->out_name = e->out_name;
		t->size_bits = e->size_bits;
		t->number = (uint32_t)(n * e->number);
		t->variable = true;
		t->dealloc = e->dealloc;
		if (n == 0) {
			/* GNU MIG's indefinite array: no bound, so it cannot
			 * be laid out inline; it travels out of line. */
			t->indefinite = true;
			t->is_inline = false;
		}
		finish_wire(t);
		default_ctypes(t);
		break;
	case AST_TS_OOL:
		if (ts->elem->kind == AST_TS_CSTRUCT) {
			mig_diag(s->ctx, MIG_ERROR, ts->elem->loc, "M0027",
				 "a struct { } sent out of line must be declared as a named type");
			return NULL;
		}
		e = build_spec(s, ts->elem, depth + 1);
		if (e == NULL)
			return NULL;
		if (e->is_string) {
			mig_diag(s->ctx, MIG_ERROR, ts->loc, "M0030",
				 "a string cannot be sent out of line");
			return NULL;
		}
		if (!e->is_inline && !e->indefinite) {
			mig_diag(s->ctx, MIG_ERROR, ts->loc, "M0039",
				 "'^' applied to data that is already out of line");
			return NULL;
		}
		if (ts->elem->kind == AST_TS_NAME)
			t = alias_of(s, e, ts->loc);	/* keep the named one */
		else
			t = e;
		t->loc = ts->loc;
		t->is_inline = false;
		t->indefinite = false;
		finish_wire(t);
		break;
	case AST_TS_CSTRUCT:
		return build_cstruct(s, ts, depth);
	case AST_TS_CSTRING:
		if (!eval_bound(s, ts->count, &n))
			return NULL;
		t = new_type(s, MIG_TYPE_CSTRING, ts->loc);
		t->in_name = t->out_name = MIG_TN_STRING;
		t->size_bits = 8;
		t->number = (uint32_t)n;
		t->variable = ts->variable;
		t->is_string = true;
		finish_wire(t);
		default_ctypes(t);
		break;
	default:
		return NULL;
	}
	if (t->is_inline && t->inline_bytes > MAX_INLINE_BYTES) {
		mig_diag(s->ctx, MIG_ERROR, ts->loc, "M0057",
			 "inline data too large (%llu bytes)",
			 (unsigned long long)t->inline_bytes);
		return NULL;
	}
	return t;
}

static void
set_trans(struct sema *s, struct mig_trans *tr, const struct ast_clause *c,
	  const char *what)
{
	if (tr->func != NULL)
		mig_diag(s->ctx, MIG_WARNING, c->loc, "M0036",
			 "%s given twice; the last one is used", what);
	tr->loc = c->loc;
	tr->func = c->func;
	switch (c->kind) {
	case AST_CL_INTRAN:
	case AST_CL_OUTTRAN:
		tr->to_type = c->type;
		tr->from_type = c->arg_type;
		break;
	case AST_CL_DESTRUCTOR:
		tr->to_type = NULL;
		tr->from_type = c->arg_type;
		break;
	default:
		tr->to_type = c->type;
		tr->from_type = NULL;
		break;
	}
}

/* Build the type of a declaration (a `type' statement or an argument's
 * `: NAME = spec'), named d->name. */
static struct mig_type *
build_decl(struct sema *s, struct ast_typedecl *d, unsigned depth)
{
	struct mig_type *t, *base;
	const struct ast_clause *c;
	const char *ctype = NULL, *utype = NULL, *stype = NULL;
	struct mig_loc ctype_loc = { 0 };

	if (d->spec->kind == AST_TS_NAME) {
		base = resolve_name(s, d->spec->name, d->spec->loc, depth + 1);
		if (base == NULL)
			return NULL;
		t = alias_of(s, base, d->loc);
	} else {
		t = build_spec(s, d->spec, depth + 1);
		if (t == NULL)
			return NULL;
	}
	t->name = d->name;
	t->loc = d->loc;
	for (c = d->clauses; c != NULL; c = c->next) {
		switch (c->kind) {
		case AST_CL_CTYPE:
			if (ctype != NULL)
				mig_diag(s->ctx, MIG_WARNING, c->loc, "M0036",
					 "ctype given twice; the last one is used");
			ctype = c->type;
			ctype_loc = c->loc;
			break;
		case AST_CL_CUSERTYPE:
			if (utype != NULL)
				mig_diag(s->ctx, MIG_WARNING, c->loc, "M0036",
					 "cusertype given twice; the last one is used");
			utype = c->type;
			break;
		case AST_CL_CSERVERTYPE:
			if (stype != NULL)
				mig_diag(s->ctx, MIG_WARNING, c->loc, "M0036",
					 "cservertype given twice; the last one is used");
			stype = c->type;
			break;
		case AST_CL_INTRAN:
			set_trans(s, &t->intran, c, "intran");
			break;
		case AST_CL_OUTTRAN:
			set_trans(s, &t->outtran, c, "outtran");
			break;
		case AST_CL_DESTRUCTOR:
			set_trans(s, &t->destructor, c, "destructor");
			break;
		case AST_CL_INTRANPAYLOAD:
			set_trans(s, &t->intranpayload, c, "intranpayload");
			break;
		}
	}
	if (ctype != NULL && utype != NULL && ctype != utype)
		mig_diag(s->ctx, MIG_WARNING, ctype_loc, "M0035",
			 "conflicting user types (%s, %s); cusertype wins",
			 ctype, utype);
	if (ctype != NULL && stype != NULL && ctype != stype)
		mig_diag(s->ctx, MIG_WARNING, ctype_loc, "M0035",
			 "conflicting server types (%s, %s); cservertype wins",
			 ctype, stype);
	t->user_ctype = utype ? utype : ctype ? ctype : d->name;
	t->server_ctype = stype ? stype : ctype ? ctype : d->name;
	t->trans_ctype = t->intran.to_type ? t->intran.to_type :
			 t->intranpayload.to_type ? t->intranpayload.to_type :
			 t->server_ctype;
	return t;
}

static struct mig_type *
resolve_decl(struct sema *s, struct ast_typedecl *d, unsigned depth)
{
	if (d->state == 2)
		return d->resolved;
	if (d->state == 1) {
		mig_diag(s->ctx, MIG_ERROR, d->loc, "M0022",
			 "type '%s' is defined in terms of itself", d->name);
		return NULL;
	}
	if (depth > MAX_TYPE_DEPTH) {
		mig_diag(s->ctx, MIG_ERROR, d->loc, "M0033",
			 "type '%s' nested too deeply (more than %u levels)",
			 d->name, MAX_TYPE_DEPTH);
		return NULL;
	}
	d->state = 1;
	d->resolved = build_decl(s, d, depth);
	d->state = 2;
	return d->resolved;
}

/* ------------------------------------------------------------------ */
/* Routines                                                            */
/* ------------------------------------------------------------------ */

static struct mig_type *
builtin(struct sema *s, const char *name, int code, unsigned bits)
{
	struct mig_type *t = new_type(s, MIG_TYPE_BASIC, (struct mig_loc){ 0 });

	t->name = mig_intern_str(s->ctx, name);
	t->in_name = t->out_name = code;
	t->size_bits = bits;
	t->number = 1;
	finish_wire(t);
	t->user_ctype = t->server_ctype = t->trans_ctype = t->name;
	return t;
}

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
	struct mig_arg *prev = pmap_get(&rs->names, a->name);

	if (prev != NULL) {
		if (a->parent != NULL)
			mig_diag(s->ctx, MIG_ERROR, a->loc, "M0040",
				 "implicit argument '%s' of '%s' clashes with another argument",
				 a->name, a->parent->name);
		else
			mig_diag(s->ctx, MIG_ERROR, a->loc, "M0040",
				 "duplicate argument '%s' in routine '%s'",
				 a->name, rs->r->name);
		note_prev(s, prev->loc, "previous declaration is here");
		return false;
	}
	pmap_put(&rs->names, a->name, a);
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
			t = build_decl(s, aa->decl, 0);
		else
			t = resolve_name(s, aa->type_name, aa->type_loc, 0);
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
				note_prev(s, r->request_port->loc,
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
				note_prev(s, r->reply_port->loc,
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
				note_prev(s, (*slot)->loc, "the first one is here");
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
	pmap_clear(&rs.names);

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
	s.t_count = builtin(&s, "mach_msg_type_number_t", MIG_TN_INTEGER_32, 32);
	s.t_poly = builtin(&s, "mach_msg_type_name_t", MIG_TN_INTEGER_32, 32);
	s.t_retcode = builtin(&s, "kern_return_t", MIG_TN_INTEGER_32, 32);
	s.t_bool = builtin(&s, "boolean_t", MIG_TN_BOOLEAN, 32);
	s.t_error = builtin(&s, "int", MIG_TN_INTEGER_32, 32);
	pmap_put(&s.builtins, mig_intern_str(ctx, "char"),
		 builtin(&s, "char", MIG_TN_CHAR, 8));
	pmap_put(&s.builtins, mig_intern_str(ctx, "short"),
		 builtin(&s, "short", MIG_TN_INTEGER_16, 16));
	pmap_put(&s.builtins, mig_intern_str(ctx, "int"),
		 builtin(&s, "int", MIG_TN_INTEGER_32, 32));

	ss->user_prefix = ctx->opt.prefix ? ctx->opt.prefix : "";
	ss->subr_prefix = ctx->opt.subrprefix ? ctx->opt.subrprefix : "";

	s.types_only = true;
	for (st = fe->stmts; st != NULL; st = st->next)
		if (st->kind == AST_SUBSYSTEM || st->kind == AST_ROUTINE ||
		    st->kind == AST_SIMPLEROUTINE || st->kind == AST_SKIP)
			s.types_only = false;

	/* 1. type names */
	for (d = fe->decls; d != NULL; d = d->next_decl) {
		struct ast_typedecl *prev = pmap_get(&s.types, d->name);

		if (prev != NULL) {
			mig_diag(ctx, MIG_ERROR, d->loc, "M0020",
				 "redefinition of type '%s'", d->name);
			note_prev(&s, prev->loc, "previous definition is here");
			d->state = 2;	/* not resolved, not listed */
			d->resolved = NULL;
			continue;
		}
		pmap_put(&s.types, d->name, d);
	}
	/* 2. resolve every type, in declaration order */
	for (d = fe->decls; d != NULL; d = d->next_decl) {
		struct mig_type *t;

		if (pmap_get(&s.types, d->name) != d)
			continue;
		t = resolve_decl(&s, d, 0);
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
				note_prev(&s, subsys->loc, "the first one is here");
				break;
			}
			subsys = st;
			ss->name = st->name;
			ss->loc = st->name_loc;
			ss->kernel_user = st->kernel_user;
			ss->kernel_server = st->kernel_server;
			if (eval(&s, st->number, &base) && base > INT32_MAX - 100) {
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
				if (!eval(&s, st->number, &count))
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
					mig_printf(ctx, "%s%s", uprefix, st->name));
				r->server_name = mig_intern_str(ctx,
					mig_printf(ctx, "%s%s", sprefix, st->name));
				r->waittime_expr = waittime;
				r->msgoption_expr = msgoption;
				{
					struct mig_routine *prev =
						pmap_get(&rnames, st->name);

					if (prev != NULL) {
						mig_diag(ctx, MIG_ERROR, r->loc, "M0015",
							 "duplicate routine '%s'", st->name);
						note_prev(&s, prev->loc,
							  "previous definition is here");
					} else {
						pmap_put(&rnames, st->name, r);
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
				note_prev(&s, rcsid->loc, "the first one is here");
			}
			rcsid = st;
			ss->rcsid = st->name;
			break;
		case AST_SERVERDEMUX:
			if (demux != NULL) {
				mig_diag(ctx, MIG_WARNING, st->loc, "M0017",
					 "second serverdemux; the last one is used");
				note_prev(&s, demux->loc, "the first one is here");
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
	pmap_clear(&rnames);
	pmap_clear(&s.types);
	pmap_clear(&s.builtins);

	/* Reply ids (request + 100) meeting request ids of this subsystem. */
	if (ss->nroutines > 100) {
		struct mig_routine *r;
		unsigned i = 0;

		for (r = ss->routines; r != NULL; r = r->next, i++)
			if (i == 100 && r->kind != MIG_SKIP) {
				mig_diag(ctx, MIG_WARNING, r->loc, "M0014",
					 "message id %d of '%s' is also the reply id of the routine numbered %d",
					 r->id, r->name, r->id - 100);
				break;
			}
	}
	if (ss->name != NULL && ss->serverdemux == NULL)
		ss->serverdemux = mig_intern_str(ctx,
			mig_printf(ctx, "%s_server", ss->name));
	ctx->subsystem = ss;
	return ctx->nerrors == before ? 0 : -1;
}
