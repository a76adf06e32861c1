/* SPDX-License-Identifier: MIT */
/*
 * sema_types.c - the semantic pass over types: IPC type names, integer
 * expressions, and the resolution of every type specification into the
 * wire facts of ir.h, flattened through aliases and nested fixed arrays as
 * GNU MIG flattens them.  Types are looked up over the whole file (a use
 * may precede the declaration); a cycle is an error.
 */
#include <stdlib.h>
#include <string.h>

#include "sema.h"

/* ------------------------------------------------------------------ */
/* A small pointer-keyed hash map (keys are interned strings)          */
/* ------------------------------------------------------------------ */


static size_t
phash(const void *k)
{
	uintptr_t x = (uintptr_t)k;

	x ^= x >> 17;
	x *= 0x9e3779b97f4a7c15ull;
	return (size_t)(x ^ (x >> 29));
}

void *
sema_pmap_get(const struct pmap *m, const void *k)
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

void
sema_pmap_put(struct pmap *m, const void *k, void *v)
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
				sema_pmap_put(&n, m->keys[j], m->vals[j]);
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

void
sema_pmap_clear(struct pmap *m)
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
/* Types                                                               */
/* ------------------------------------------------------------------ */

void
sema_note_prev(struct sema *s, struct mig_loc loc, const char *what)
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

bool
sema_eval(struct sema *s, const struct ast_expr *e, uint64_t *out)
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
	t->is_port = t->is_port ||	/* a repeated call keeps what it found */
		     mig_type_name_is_port(t->in_name) ||
		     mig_type_name_is_port(t->out_name) ||
		     ((t->in_name == MIG_TN_POLYMORPHIC ||
		       t->out_name == MIG_TN_POLYMORPHIC) &&
		      t->size_bits == PORT_BITS);
	/* Out of line, port rights are a task's 32-bit names, not 8-byte
	 * slots: msgt_size 32, as GNU MIG writes it and the kernel expects. */
	if (t->is_port && !t->is_inline && t->size_bits == PORT_BITS)
		t->size_bits = 32;
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

struct mig_type *
sema_resolve_name(struct sema *s, const char *name, struct mig_loc loc,
	     unsigned depth)
{
	struct ast_typedecl *d = sema_pmap_get(&s->types, name);
	struct mig_type *t;

	if (d != NULL)
		return sema_resolve_decl(s, d, depth);
	t = sema_pmap_get(&s->builtins, name);
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
	if (!sema_eval(s, n->number, &v))
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

		if (!sema_eval(s, ts->size, &v))
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
	if (!sema_eval(s, e, out))
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
		struct ast_field *prev = sema_pmap_get(&seen, af->name);
		unsigned a;

		if (prev != NULL) {
			mig_diag(s->ctx, MIG_ERROR, af->loc, "M0032",
				 "duplicate field '%s'", af->name);
			sema_note_prev(s, prev->loc, "previous declaration is here");
			ok = false;
			continue;
		}
		sema_pmap_put(&seen, af->name, (void *)af);
		ft = sema_resolve_name(s, af->type_name, af->type_loc, depth + 1);
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
	sema_pmap_clear(&seen);
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
		return sema_resolve_name(s, ts->name, ts->loc, depth + 1);
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
struct mig_type *
sema_build_decl(struct sema *s, struct ast_typedecl *d, unsigned depth)
{
	struct mig_type *t, *base;
	const struct ast_clause *c;
	const char *ctype = NULL, *utype = NULL, *stype = NULL;
	struct mig_loc ctype_loc = { 0 };

	if (d->spec->kind == AST_TS_NAME) {
		base = sema_resolve_name(s, d->spec->name, d->spec->loc, depth + 1);
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

struct mig_type *
sema_resolve_decl(struct sema *s, struct ast_typedecl *d, unsigned depth)
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
	d->resolved = sema_build_decl(s, d, depth);
	d->state = 2;
	return d->resolved;
}


struct mig_type *
sema_builtin(struct sema *s, const char *name, int code, unsigned bits)
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
