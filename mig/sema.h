/* SPDX-License-Identifier: MIT */
/*
 * sema.h - internal interface of the semantic pass, shared by sema.c
 * (routines, the subsystem) and sema_types.c (types).  Not for the back
 * end, which reads only ir.h.
 */
#ifndef MIG_SEMA_H
#define MIG_SEMA_H

#include "ast.h"

#define MAX_TYPE_DEPTH 200
#define MAX_EXPR_DEPTH 1000
#define MAX_SKIP 65536u
#define MAX_ROUTINES 1000000u
#define MAX_INLINE_BYTES (1u << 28)
#define PORT_BITS 64u		/* an inline port right: an 8-byte slot */
#define PORT_NAME_BITS 32u	/* mach_port_name_t */

/* A small hash map keyed by pointers (interned strings). */
struct pmap {
	const void **keys;
	void **vals;
	size_t cap, count;
};

void *sema_pmap_get(const struct pmap *m, const void *k);
void sema_pmap_put(struct pmap *m, const void *k, void *v);
void sema_pmap_clear(struct pmap *m);

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

void sema_note_prev(struct sema *s, struct mig_loc loc, const char *what);
/* Evaluate an integer expression; false (after a diagnostic) on error. */
bool sema_eval(struct sema *s, const struct ast_expr *e, uint64_t *out);
/* The type named NAME (reported and NULL when unknown). */
struct mig_type *sema_resolve_name(struct sema *s, const char *name,
				   struct mig_loc loc, unsigned depth);
/* The type of a `type' statement (resolved once) or of an argument's
 * `: NAME = spec'. */
struct mig_type *sema_resolve_decl(struct sema *s, struct ast_typedecl *d,
				   unsigned depth);
struct mig_type *sema_build_decl(struct sema *s, struct ast_typedecl *d,
				 unsigned depth);
/* A predefined basic type NAME (char, int, mach_msg_type_number_t...). */
struct mig_type *sema_builtin(struct sema *s, const char *name, int code,
			      unsigned bits);

#endif /* MIG_SEMA_H */
