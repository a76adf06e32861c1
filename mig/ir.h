/* SPDX-License-Identifier: MIT */
/*
 * ir.h - the resolved intermediate representation of a .defs file.
 *
 * This header is the contract between mig's front end (lexer.l, parser.y,
 * sema.c: which build and check the tree) and its back end (layout.c and the
 * emitters: which only read it).  The front end guarantees every invariant
 * stated here once mig_sema() returned with no error; the back end never
 * re-checks the language, it only reports limits of its own (e.g. a message
 * that cannot fit) through mig_diag().
 *
 * Every node keeps the location of the text it came from (after cpp line
 * markers), so any pass can report at the offending node.
 */
#ifndef MIG_IR_H
#define MIG_IR_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ------------------------------------------------------------------ */
/* Locations and diagnostics (implemented in diag.c, front end)        */
/* ------------------------------------------------------------------ */

struct mig_loc {
	const char *file;	/* interned; as named by the last cpp line marker */
	unsigned line;		/* 1-based */
	unsigned col;		/* 1-based, in bytes */
};

enum mig_severity { MIG_NOTE, MIG_WARNING, MIG_ERROR, MIG_FATAL };

struct mig_ctx;

/*
 * Report a diagnostic "FILE:LINE:COL: error: TEXT [CODE]" (GCC style).
 * CODE is a stable identifier such as "M0042" (numbers are never reused;
 * the list lives in diag.c / doc).  Errors are counted in ctx; MIG_FATAL
 * also stops the compilation at the next safe point.  Warnings are
 * suppressed by -q.
 */
void mig_diag(struct mig_ctx *ctx, enum mig_severity sev, struct mig_loc loc,
	      const char *code, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* ------------------------------------------------------------------ */
/* IPC type names (msgt_name values, ABI.md)                           */
/* ------------------------------------------------------------------ */

enum {
	MIG_TN_BOOLEAN = 0,
	MIG_TN_INTEGER_16 = 1,
	MIG_TN_INTEGER_32 = 2,
	MIG_TN_CHAR = 8,
	MIG_TN_BYTE = 9,		/* also INTEGER_8 */
	MIG_TN_REAL = 10,
	MIG_TN_INTEGER_64 = 11,
	MIG_TN_STRING = 12,		/* also STRING_C */
	MIG_TN_PORT_NAME = 15,
	MIG_TN_MOVE_RECEIVE = 16,	/* == PORT_RECEIVE on the receiving side */
	MIG_TN_MOVE_SEND = 17,		/* == PORT_SEND */
	MIG_TN_MOVE_SEND_ONCE = 18,	/* == PORT_SEND_ONCE */
	MIG_TN_COPY_SEND = 19,
	MIG_TN_MAKE_SEND = 20,
	MIG_TN_MAKE_SEND_ONCE = 21,
	MIG_TN_POLYMORPHIC = -1,	/* chosen at run time (a "Poly" argument) */
};

/* "MACH_MSG_TYPE_INTEGER_32" etc. for a code; NULL for an unknown one.
 * (defined in ir.c; the symbols are those of <mach/message.h>) */
const char *mig_type_name_symbol(int code);
/* True for 16..21 (a port right). */
bool mig_type_name_is_port(int code);

/* ------------------------------------------------------------------ */
/* Types                                                               */
/* ------------------------------------------------------------------ */

enum mig_type_kind {
	MIG_TYPE_BASIC,		/* one IPC datum: MACH_MSG_TYPE_X, (X, size[, dealloc]), polymorphic, X|Y */
	MIG_TYPE_ARRAY,		/* array[N] of E, array[] of E, array[*:N] of E */
	MIG_TYPE_STRUCT,	/* struct[N] of E: N elements of E passed as one C struct */
	MIG_TYPE_CSTRUCT,	/* struct { T1 f1; T2 f2; } : a C struct; its IPC form is
				   an array of its (single, common) basic element type */
	MIG_TYPE_CSTRING,	/* c_string[N] or c_string[*:N] */
	MIG_TYPE_ALIAS,		/* type A = B (+ ctype/intran/... clauses): see `base' */
};

enum mig_dealloc {
	MIG_DEALLOC_NEVER = 0,	/* msgt_deallocate FALSE */
	MIG_DEALLOC_ALWAYS,	/* msgt_deallocate TRUE ((T, size, dealloc) or ^T dealloc) */
	MIG_DEALLOC_MAYBE,	/* decided per call (flag dealloc[] on the argument) */
};

/* A translation function (intran/outtran/destructor/intranpayload). */
struct mig_trans {
	const char *func;	/* function name; NULL when absent */
	const char *to_type;	/* intran: C type it returns (server type);
				   outtran: C type it returns (message type);
				   intranpayload: C type it returns */
	const char *from_type;	/* its parameter's C type */
	struct mig_loc loc;
};

/* One field of a struct { ... } type. */
struct mig_field {
	const char *name;
	struct mig_type *type;
	struct mig_loc loc;
	struct mig_field *next;
};

/*
 * A type.  Named types are declared with `type NAME = ...;' and listed in
 * mig_subsystem.types in declaration order; anonymous ones (an element of an
 * array, an argument's inline type spec) have name == NULL.
 *
 * The "wire" fields below are RESOLVED: they hold the facts of the datum as
 * it travels, flattened through aliases and nested fixed arrays exactly as
 * GNU MIG flattens them (array[4] of array[2] of int32 has in_name
 * INTEGER_32, size_bits 32, number 8).  An emitter never needs to walk
 * `base' or `element' to learn a wire fact; it walks `element' only to learn
 * the C element type of an array.
 */
struct mig_type {
	const char *name;		/* NULL when anonymous */
	struct mig_loc loc;
	enum mig_type_kind kind;
	struct mig_type *base;		/* ALIAS: the type it was defined from */
	struct mig_type *element;	/* ARRAY/STRUCT: element type; CSTRING: NULL */
	struct mig_field *fields;	/* CSTRUCT: its fields, in order */

	/* --- wire facts (resolved) --- */
	int in_name;			/* msgt_name the sender puts (e.g. COPY_SEND) */
	int out_name;			/* msgt_name the receiver sees (e.g. PORT_SEND);
					   equal to in_name for data */
	unsigned size_bits;		/* msgt_size: element size in bits (ports: 64,
					   strings: 8); 0 only for polymorphic data
					   whose size comes at run time (never in GNU
					   Mach's corpus; sema rejects it) */
	uint32_t number;		/* fixed: msgt_number; variable: the maximum
					   (0 = unbounded, only legal out of line) */
	bool variable;			/* count sent at run time (array[] / [*:N],
					   c_string[*:N]) */
	bool is_inline;			/* false: out of line (^), an 8-byte pointer
					   in the message */
	bool longform;			/* msgt_longform bit (islong / long types) */
	enum mig_dealloc dealloc;	/* default for arguments of this type */
	bool is_string;			/* c_string: NUL-terminated in the message */
	bool is_port;			/* a port right (in/out names in 16..21,
					   or polymorphic port) */
	bool polymorphic;		/* in_name or out_name is MIG_TN_POLYMORPHIC */
	bool indefinite;		/* (added by mig-front) an unbounded inline
					   array `array[] of T' (GNU MIG's
					   "indefinite" array): resolved as out of
					   line (is_inline false, number 0,
					   longform); a back end may send it
					   inline when small, as GNU MIG does */

	/* Bytes of the datum in the message, before padding to 8:
	 *   inline fixed:    size_bits/8 * number   (ports: 8 per right)
	 *   inline variable: size_bits/8 * number   (the maximum)
	 *   out of line:     8 (the pointer)                               */
	uint64_t inline_bytes;

	/* --- C side (resolved; never NULL) --- */
	const char *user_ctype;		/* cusertype, else ctype, else the type name
					   (for anonymous types: the C type of the
					   element / an appropriate base C type) */
	const char *server_ctype;	/* cservertype, else ctype, else name */
	const char *trans_ctype;	/* server-side C type after intran (the
					   intran's to_type), else server_ctype */
	struct mig_trans intran, outtran, destructor, intranpayload;

	struct mig_type *next;		/* next named type (declaration order) */
};

/* ------------------------------------------------------------------ */
/* Arguments                                                           */
/* ------------------------------------------------------------------ */

enum mig_arg_kind {
	/* declared */
	MIG_ARG_REQUEST_PORT,	/* requestport: msgh_remote_port of the request */
	MIG_ARG_REPLY_PORT,	/* replyport: msgh_local_port of the request (both sides) */
	MIG_ARG_SREPLY_PORT,	/* sreplyport: reply port seen by the server only */
	MIG_ARG_UREPLY_PORT,	/* ureplyport: reply port given by the user only */
	MIG_ARG_WAITTIME,	/* waittime: the receive timeout (user side) */
	MIG_ARG_MSGOPTION,	/* msgoption: extra mach_msg options (user side) */
	MIG_ARG_MSGSEQNO,	/* msgseqno: the request's msgh_seqno (server side) */
	MIG_ARG_IN,		/* in: carried by the request */
	MIG_ARG_OUT,		/* out: carried by the reply */
	MIG_ARG_INOUT,		/* inout: both */
	/* implicit, created by sema */
	MIG_ARG_RETCODE,	/* the reply's RetCode (every routine has one) */
	MIG_ARG_COUNT,		/* "<name>Cnt": element count of a variable array */
	MIG_ARG_POLY,		/* "<name>Poly": msgt_name of a polymorphic argument */
	MIG_ARG_DEALLOC,	/* "<name>Dealloc": boolean_t, for flag dealloc[] */
	MIG_ARG_SCOPY,		/* "<name>SCopy": boolean_t, server side, flag servercopy */
};

enum {
	MIG_FL_DEALLOC = 1u << 0,	/* dealloc */
	MIG_FL_DEALLOC_MAYBE = 1u << 1,	/* dealloc[] */
	MIG_FL_NOTDEALLOC = 1u << 2,	/* notdealloc */
	MIG_FL_SERVERCOPY = 1u << 3,	/* servercopy */
	MIG_FL_COUNTINOUT = 1u << 4,	/* countinout: the Cnt is in-out on the user side */
	MIG_FL_ISLONG = 1u << 5,	/* islong */
	MIG_FL_ISNOTLONG = 1u << 6,	/* isnotlong */
	MIG_FL_RETCODE = 1u << 7,	/* retcode (accepted, no effect; GNU MIG compat) */
};

struct mig_arg {
	const char *name;		/* as declared, or "<parent>Cnt" etc. */
	struct mig_loc loc;		/* implicit args: their parent's loc */
	enum mig_arg_kind kind;
	unsigned flags;			/* MIG_FL_* */
	struct mig_type *type;		/* implicit COUNT: mach_msg_type_number_t
					   (a BASIC INTEGER_32 type); POLY:
					   mach_msg_type_name_t; RETCODE:
					   kern_return_t */
	/* Which messages carry this argument (after sema). */
	bool in_request;
	bool in_reply;
	/* Resolved per-argument wire facts (type's, adjusted by flags). */
	bool longform;
	enum mig_dealloc dealloc;
	/* Links between an argument and its implicit companions. */
	struct mig_arg *count;		/* its Cnt, or NULL */
	struct mig_arg *poly;		/* its Poly, or NULL */
	struct mig_arg *dealloc_arg;	/* its Dealloc (dealloc[]), or NULL */
	struct mig_arg *scopy;		/* its SCopy (servercopy), or NULL */
	struct mig_arg *parent;		/* implicit args: whom they describe */
	struct mig_arg *next;		/* declaration order, each implicit arg
					   right after its parent, in the order
					   Poly, Cnt, Dealloc, SCopy */
};

/* ------------------------------------------------------------------ */
/* Routines and the subsystem                                          */
/* ------------------------------------------------------------------ */

enum mig_routine_kind {
	MIG_ROUTINE,		/* routine: request and reply */
	MIG_SIMPLEROUTINE,	/* simpleroutine: request only */
	MIG_SKIP,		/* skip: a reserved number, nothing generated */
};

struct mig_routine {
	enum mig_routine_kind kind;
	const char *name;		/* NULL for MIG_SKIP */
	struct mig_loc loc;
	int32_t id;			/* request msgh_id = base + index; reply id + 100 */
	const char *user_name;		/* userprefix in effect + name (the stub) */
	const char *server_name;	/* serverprefix in effect + name (what the
					   server calls) */
	struct mig_arg *args;		/* all arguments, declared and implicit,
					   excluding RETCODE */
	struct mig_arg *retcode;	/* the implicit RetCode (MIG_ROUTINE only) */
	struct mig_arg *request_port;	/* the request port argument (never NULL:
					   the first argument unless requestport
					   names another) */
	struct mig_arg *reply_port;	/* replyport/ureplyport/sreplyport
					   argument, or NULL: mig_get_reply_port() */
	struct mig_arg *waittime;	/* waittime argument, or NULL */
	struct mig_arg *msgoption;	/* msgoption argument, or NULL */
	struct mig_arg *msgseqno;	/* msgseqno argument, or NULL */
	const char *waittime_expr;	/* `waittime EXPR;' in effect (C text), or NULL */
	const char *msgoption_expr;	/* `msgoption EXPR;' in effect, or NULL */
	struct mig_routine *next;
};

enum mig_import_kind { MIG_IMPORT, MIG_UIMPORT, MIG_SIMPORT };

struct mig_import {
	enum mig_import_kind kind;
	const char *text;		/* exactly as written: <a/b.h> or "c.h" */
	struct mig_loc loc;
	struct mig_import *next;
};

struct mig_subsystem {
	const char *name;		/* NULL for a types-only file */
	struct mig_loc loc;
	int32_t base;
	bool kernel_user;		/* subsystem KernelUser */
	bool kernel_server;		/* subsystem KernelServer */
	struct mig_routine *routines;	/* in order, skips included */
	unsigned nroutines;		/* including skips */
	struct mig_type *types;		/* named types, declaration order,
					   linked through mig_type.next */
	struct mig_import *imports;
	const char *rcsid;		/* rcsid "..." or NULL (the string as
					   written, quotes included) */
	const char *serverdemux;	/* serverdemux NAME, else "<name>_server" */
	const char *user_prefix;	/* -prefix, or "": already applied by sema to
					   every routine's user_name and server_name
					   and to serverdemux (GNU MIG's meaning) */
	const char *subr_prefix;	/* -subrprefix, or "": prefixes the runtime
					   calls a user stub makes (mach_msg,
					   mig_get_reply_port, ...), as GNU MIG's */
};

/* ------------------------------------------------------------------ */
/* Options and the compilation context                                 */
/* ------------------------------------------------------------------ */

struct mig_options {
	const char *input;		/* the .defs file as given */
	const char *user_file;		/* -user FILE   (default <sub>User.c) */
	const char *server_file;	/* -server FILE (default <sub>Server.c) */
	const char *header_file;	/* -header FILE (default <sub>.h) */
	const char *sheader_file;	/* -sheader FILE, or NULL */
	const char *iheader_file;	/* -iheader FILE, or NULL */
	const char *list_file;		/* -list FILE: message ids, or NULL */
	const char *rtest_file;		/* -rtest FILE (hidden): round-trip test
					   program (emit_rtest.c), or NULL */
	const char *depfile;		/* -MD: dependency file, or NULL */
	const char *prefix;		/* -prefix */
	const char *subrprefix;		/* -subrprefix */
	bool no_output;			/* -n: check only */
	bool quiet;			/* -q: no warnings */
	bool verbose;			/* -v */
};

/* The compilation context: all state of one run; no globals anywhere. */
struct mig_ctx {
	struct mig_options opt;
	unsigned nerrors;
	unsigned nwarnings;
	bool fatal;
	FILE *diag_out;			/* stderr, or a buffer in tests */
	void *arena;			/* front end's allocator (opaque to the back end) */
	struct mig_subsystem *subsystem;	/* set by mig_sema() */
};

/* ------------------------------------------------------------------ */
/* Front-end entry points (parse.c/sema.c/driver)                      */
/* ------------------------------------------------------------------ */

void mig_ctx_init(struct mig_ctx *ctx);	/* zero options, diag_out = stderr */
void mig_ctx_fini(struct mig_ctx *ctx);	/* frees everything the run allocated */
/* Parse preprocessed text (cpp output with line markers) into the tree.
 * NAME is the file name used until the first line marker.  Never crashes
 * on any input (binary garbage, NULs, an empty buffer).  Returns 0 when no
 * error was reported. */
int mig_parse_buffer(struct mig_ctx *ctx, const char *name,
		     const char *text, size_t len);
/* Check the whole tree and build ctx->subsystem (the resolved IR above).
 * Returns 0 when no error was reported. */
int mig_sema(struct mig_ctx *ctx);

/* ------------------------------------------------------------------ */
/* Back-end entry points (emit_*.c).  Each writes one file's text to   */
/* OUT and returns 0, or reports through mig_diag() and returns -1.    */
/* The output is deterministic: a "generated by mig from X.defs - do    */
/* not edit" header, no timestamps, no absolute paths.                 */
/* ------------------------------------------------------------------ */

int mig_emit_user(struct mig_ctx *ctx, const struct mig_subsystem *ss, FILE *out);
int mig_emit_server(struct mig_ctx *ctx, const struct mig_subsystem *ss, FILE *out);
int mig_emit_header(struct mig_ctx *ctx, const struct mig_subsystem *ss, FILE *out);
int mig_emit_sheader(struct mig_ctx *ctx, const struct mig_subsystem *ss, FILE *out);
int mig_emit_iheader(struct mig_ctx *ctx, const struct mig_subsystem *ss, FILE *out);
int mig_emit_list(struct mig_ctx *ctx, const struct mig_subsystem *ss, FILE *out);
/* A round-trip test program for every routine (testsuite/mig.run). */
int mig_emit_rtest(struct mig_ctx *ctx, const struct mig_subsystem *ss, FILE *out);

#endif /* MIG_IR_H */
