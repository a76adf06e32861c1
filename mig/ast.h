/* SPDX-License-Identifier: MIT */
/*
 * ast.h - mig's front end: the arena, interned strings, and the raw tree
 * built by parser.y.
 *
 * The raw tree is exactly what was written (names are not looked up,
 * expressions are not evaluated); sema.c checks it and builds the resolved
 * IR of ir.h.  Everything here lives in the arena of one mig_ctx and is
 * freed by mig_ctx_fini().
 */
#ifndef MIG_AST_H
#define MIG_AST_H

#include "ir.h"

/* ------------------------------------------------------------------ */
/* Arena and interning (ast.c)                                         */
/* ------------------------------------------------------------------ */

/* Allocate SIZE zeroed bytes that live until mig_ctx_fini().  Never
 * returns NULL (aborts the process when memory is exhausted). */
void *mig_alloc(struct mig_ctx *ctx, size_t size);
/* A copy of S (LEN bytes, NUL added) in the arena. */
char *mig_strndup(struct mig_ctx *ctx, const char *s, size_t len);
/* printf into the arena. */
char *mig_printf(struct mig_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The unique copy of S (LEN bytes): equal strings give equal pointers. */
const char *mig_intern(struct mig_ctx *ctx, const char *s, size_t len);
const char *mig_intern_str(struct mig_ctx *ctx, const char *s);

#define MIG_NEW(ctx, T) ((T *)mig_alloc((ctx), sizeof(T)))

/* ------------------------------------------------------------------ */
/* Raw tree                                                            */
/* ------------------------------------------------------------------ */

/* Integer expression: NUM, or a binary operation. */
struct ast_expr {
	char op;			/* 0 for a number, else + - * / */
	uint64_t value;			/* number (saturated at UINT64_MAX) */
	struct ast_expr *lhs, *rhs;
	struct mig_loc loc;
};

/* One IPC type name as written: a MACH_MSG_TYPE_* symbol, `polymorphic',
 * or a number. */
struct ast_ipcname {
	const char *symbol;		/* interned symbol; NULL for a number */
	struct ast_expr *number;	/* when written as a number */
	struct mig_loc loc;
};

enum ast_flag_kind {
	AST_FL_DEALLOC, AST_FL_NOTDEALLOC, AST_FL_SERVERCOPY,
	AST_FL_COUNTINOUT, AST_FL_ISLONG, AST_FL_ISNOTLONG, AST_FL_RETCODE,
};

struct ast_flag {
	enum ast_flag_kind kind;
	bool brackets;			/* dealloc[] */
	struct mig_loc loc;
	struct ast_flag *next;
};

enum ast_tspec_kind {
	AST_TS_NAME,		/* a previously declared type */
	AST_TS_BASIC,		/* IPCType, IPCType|IPCType, (IPCType, size[, flags]) */
	AST_TS_ARRAY,		/* array[N] of E */
	AST_TS_VARARRAY,	/* array[] / array[*] / array[*:N] of E */
	AST_TS_OOL,		/* ^E */
	AST_TS_STRUCT,		/* struct[N] of E */
	AST_TS_CSTRUCT,		/* struct { T f; ... } */
	AST_TS_CSTRING,		/* c_string[N], c_string[*:N] */
};

struct ast_field {
	const char *type_name;
	struct mig_loc type_loc;
	const char *name;
	struct mig_loc loc;
	struct ast_field *next;
};

struct ast_tspec {
	enum ast_tspec_kind kind;
	struct mig_loc loc;
	const char *name;		/* NAME */
	struct ast_ipcname in, out;	/* BASIC; out.symbol/number unset
					   unless written T1|T2 */
	bool has_out;
	struct ast_expr *size;		/* BASIC (T, size): NULL otherwise */
	struct ast_flag *flags;		/* BASIC (T, size, flags) */
	struct ast_expr *count;		/* ARRAY/STRUCT/CSTRING: N; VARARRAY,
					   CSTRING variable: the maximum or NULL */
	bool variable;			/* CSTRING [*:N] */
	struct ast_tspec *elem;		/* ARRAY, VARARRAY, OOL, STRUCT */
	struct ast_field *fields;	/* CSTRUCT */
};

enum ast_clause_kind {
	AST_CL_CTYPE, AST_CL_CUSERTYPE, AST_CL_CSERVERTYPE,
	AST_CL_INTRAN, AST_CL_OUTTRAN, AST_CL_DESTRUCTOR, AST_CL_INTRANPAYLOAD,
};

/* ctype: A | intran: A F(B) | outtran: A F(B) | destructor: F(B) |
 * intranpayload: A F */
struct ast_clause {
	enum ast_clause_kind kind;
	const char *type;		/* A */
	const char *func;		/* F */
	const char *arg_type;		/* B */
	struct mig_loc loc;
	struct ast_clause *next;
};

struct ast_typedecl {
	const char *name;
	struct mig_loc loc;
	struct ast_tspec *spec;
	struct ast_clause *clauses;
	struct ast_typedecl *next_decl;	/* all declarations of the file */
	/* sema state */
	int state;			/* 0 unresolved, 1 resolving, 2 done */
	struct mig_type *resolved;
};

enum ast_dir {
	AST_DIR_NONE, AST_DIR_IN, AST_DIR_OUT, AST_DIR_INOUT,
	AST_DIR_REQUESTPORT, AST_DIR_REPLYPORT, AST_DIR_SREPLYPORT,
	AST_DIR_UREPLYPORT, AST_DIR_WAITTIME, AST_DIR_MSGOPTION,
	AST_DIR_MSGSEQNO,
};

struct ast_arg {
	enum ast_dir dir;
	struct mig_loc dir_loc;
	const char *name;
	struct mig_loc loc;
	const char *type_name;		/* `: T' */
	struct mig_loc type_loc;
	struct ast_typedecl *decl;	/* `: N = spec' (local to the argument) */
	struct ast_flag *flags;
	struct ast_arg *next;
};

enum ast_stmt_kind {
	AST_SUBSYSTEM, AST_ROUTINE, AST_SIMPLEROUTINE, AST_SKIP, AST_TYPE,
	AST_IMPORT, AST_UIMPORT, AST_SIMPORT, AST_RCSID, AST_SERVERPREFIX,
	AST_USERPREFIX, AST_SERVERDEMUX, AST_WAITTIME, AST_NOWAITTIME,
	AST_MSGOPTION,
};

struct ast_stmt {
	enum ast_stmt_kind kind;
	struct mig_loc loc;		/* the keyword */
	const char *name;		/* routine/subsystem/prefix/demux name,
					   import/rcsid text, waittime text */
	struct mig_loc name_loc;
	struct ast_expr *number;	/* subsystem base; skip count */
	bool kernel_user, kernel_server;
	struct ast_arg *args;		/* routines */
	struct ast_typedecl *type;	/* AST_TYPE */
	struct ast_stmt *next;
};

/* Front-end state hung off mig_ctx.arena. */
struct mig_front {
	struct arena_block *blocks;
	const char **itab;		/* intern hash table (malloc'd) */
	size_t icap, icount;
	struct ast_stmt *stmts, **stmt_tail;
	struct ast_typedecl *decls, **decl_tail;
	unsigned nsyntax;		/* syntax errors reported */
};

struct mig_front *mig_front(struct mig_ctx *ctx);

/* Constructors used by parser.y. */
struct ast_expr *ast_num(struct mig_ctx *ctx, struct mig_loc loc, uint64_t v);
struct ast_expr *ast_binop(struct mig_ctx *ctx, struct mig_loc loc, char op,
			   struct ast_expr *l, struct ast_expr *r);
struct ast_tspec *ast_tspec(struct mig_ctx *ctx, enum ast_tspec_kind k,
			    struct mig_loc loc);
struct ast_stmt *ast_stmt(struct mig_ctx *ctx, enum ast_stmt_kind k,
			  struct mig_loc loc);
void ast_append_stmt(struct mig_ctx *ctx, struct ast_stmt *s);
struct ast_typedecl *ast_typedecl(struct mig_ctx *ctx, const char *name,
				  struct mig_loc loc, struct ast_tspec *spec);

/* ------------------------------------------------------------------ */
/* Lexer/parser glue                                                   */
/* ------------------------------------------------------------------ */

struct mig_lexstate {
	struct mig_ctx *ctx;
	const char *file;		/* interned */
	unsigned line, col;
	int import_state;		/* after import/uimport/simport */
};

/* IR dump for --dump-ir (ir.c). */
void mig_dump_ir(const struct mig_subsystem *ss, FILE *out);

#endif /* MIG_AST_H */
