/* SPDX-License-Identifier: MIT */
/*
 * sig.h - the C parameter lists of user stubs and server functions.
 *
 * One place decides, for every routine, which C parameters the user stub
 * takes and which the server function receives, in which order, with which
 * C type and whether by value or by pointer.  Every emitter (user stubs,
 * server stubs, the three headers) and the round-trip test generator build
 * their parameter lists from here, so the two sides can never disagree.
 *
 * The rules follow GNU MIG's API for the same .defs (names and order):
 *
 *   - parameters come in the IR's argument order (declared order, each
 *     implicit Poly/Cnt/Dealloc/SCopy right after its parent);
 *   - requestport and replyport: both sides; ureplyport, waittime,
 *     msgoption: user only; sreplyport, msgseqno: server only;
 *   - in: by value on both sides; out/inout: "T *name", except inline
 *     arrays and strings (whose C type is already an array: "T name",
 *     the caller's buffer);
 *   - data sent by this side as an inline array: "const T name"; a string
 *     sent: "const_T name" (GNU MIG's const_ typedefs, e.g. const_string_t);
 *   - Cnt: with its parent's direction ("*nameCnt" for out and inout;
 *     the user's out Cnt of an inline array is in-out: the caller puts the
 *     capacity of its buffer in, gets the count out);
 *   - Poly: on a side that sends the parent when the sender's type name is
 *     polymorphic (by value), or that receives it when the receiver's type
 *     name is polymorphic ("*namePoly" for received out data, by value for a
 *     received in datum and for sreplyport); never for the server's request
 *     port;
 *   - Dealloc (dealloc[]): on the side that sends the parent (the user:
 *     by value for in data; the server: "*nameDealloc" for out data, it
 *     decides); SCopy (servercopy): server only, by value;
 *   - server side C types are the translated ones (intran's result /
 *     outtran's argument) when translations are declared.
 *
 * The structures are self-contained (the type texts are stored inside), so
 * a caller may keep a mig_sig as long as it wants and free it once.
 */
#ifndef MIG_SIG_H
#define MIG_SIG_H

#include <stdbool.h>
#include <stddef.h>

#include "ir.h"

enum mig_side {
	MIG_SIDE_USER,		/* the client stub's parameters */
	MIG_SIDE_SERVER,	/* the server function's parameters */
};

/* What a parameter stands for. */
enum mig_param_role {
	MIG_PR_REQUEST_PORT,	/* the request's destination */
	MIG_PR_REPLY_PORT,	/* replyport / ureplyport / sreplyport */
	MIG_PR_WAITTIME,	/* user: receive timeout */
	MIG_PR_MSGOPTION,	/* user: extra mach_msg options */
	MIG_PR_MSGSEQNO,	/* server: the request's sequence number */
	MIG_PR_DATA,		/* an in/out/inout datum (scalar, array, string, port) */
	MIG_PR_COUNT,		/* <name>Cnt */
	MIG_PR_POLY,		/* <name>Poly */
	MIG_PR_DEALLOC,		/* <name>Dealloc */
	MIG_PR_SCOPY,		/* <name>SCopy */
};

#define MIG_SIG_TYPE_MAX 256	/* room for one C type text */

struct mig_param {
	const struct mig_arg *arg;	/* the IR argument it comes from */
	enum mig_param_role role;
	const char *name;		/* the parameter's name (the arg's) */
	/* C type text without the pointer star: "mach_port_t",
	 * "const dev_status_t", "const_dev_name_t" ... */
	char ctype[MIG_SIG_TYPE_MAX];
	bool by_ref;			/* declared "T *name" */
	bool array;			/* T is an array type passed as the caller's
					   buffer ("T name"; inline arrays, strings) */
	bool input;			/* the value flows from the caller into the
					   function (in, inout, the in half of an
					   in-out Cnt, ports, ...) */
	bool output;			/* the function stores through it */
};

struct mig_sig {
	const struct mig_routine *routine;
	enum mig_side side;
	unsigned nparams;
	struct mig_param params[];	/* nparams entries */
};

/*
 * Build the parameter list of ROUTINE on SIDE.  Returns a malloc'ed
 * structure to free with mig_sig_free(), or NULL when memory runs out or a
 * C type text does not fit (reported through mig_diag when ctx != NULL).
 * Never called for MIG_SKIP routines (returns NULL).
 */
struct mig_sig *mig_sig_build(struct mig_ctx *ctx, const struct mig_routine *routine,
			      enum mig_side side);
void mig_sig_free(struct mig_sig *sig);

/*
 * Format one parameter's declaration ("const T name", "T *name") into BUF
 * (always NUL-terminated).  Returns the length it needed (like snprintf).
 */
int mig_sig_format_param(const struct mig_param *p, char *buf, size_t size);

/* Find the parameter made from ARG, or NULL when this side has none. */
const struct mig_param *mig_sig_find(const struct mig_sig *sig, const struct mig_arg *arg);

/* ---- helpers shared with the emitters and the test generator ---- */

/* Follow ALIAS links to the type that says what the datum is. */
const struct mig_type *mig_type_resolved(const struct mig_type *t);
/* True when the C type of T is an array passed as a buffer: inline
 * array[...] (not struct[N] / struct {}) and inline strings. */
bool mig_type_is_c_array(const struct mig_type *t);
/* True when T is a string (c_string, or an (MACH_MSG_TYPE_STRING, N) type). */
bool mig_type_is_string(const struct mig_type *t);

/* Which side puts ARG into a message / takes it out (a declared arg,
 * not implicit).  user_sends: requestport, replyport, ureplyport, in,
 * inout; user_receives: out, inout. */
bool mig_arg_user_sends(const struct mig_arg *arg);
bool mig_arg_user_receives(const struct mig_arg *arg);

#endif /* MIG_SIG_H */

struct mig_printer;

/*
 * Print a declaration "RET NAME\n(\n\tT1 a,\n\tT2 *b\n)" (GNU MIG's shape;
 * "(void)" when empty) followed by TERMINATOR (";" for a prototype, ""
 * before a body).
 */
void mig_sig_print(struct mig_printer *p, const struct mig_sig *sig, const char *ret,
		   const char *name, const char *terminator);
/* Print the parameters on one line: "T1 a, T2 *b" (or "void"). */
void mig_sig_print_inline(struct mig_printer *p, const struct mig_sig *sig);

/* The user stub's C name: the routine's user_name (the prefix in effect:
 * -prefix, overridden by a userprefix statement; then the name).  Returns
 * BUF. */
const char *mig_user_stub_name(const struct mig_subsystem *ss, const struct mig_routine *rt,
			       char *buf, size_t size);
/* The server stub's C name: -subrprefix, "_X", the routine's name. */
const char *mig_server_stub_name(const struct mig_subsystem *ss,
				 const struct mig_routine *rt, char *buf, size_t size);
