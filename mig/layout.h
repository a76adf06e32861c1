/* SPDX-License-Identifier: MIT */
/*
 * layout.h - request and reply message layouts computed from the IR.
 *
 * A message is the 32-byte header, for a reply the RetCode (descriptor +
 * kern_return_t, padded: 48 bytes in all), then one item per datum: an
 * 8-byte descriptor followed by the datum padded to 8 (inline data), an
 * 8-byte slot per inline port right, or an 8-byte pointer (out of line).
 *
 * A variable inline datum (array[] / array[*:N] / c_string[*:N] inline)
 * ends a "segment": what follows it moves with its actual length.  Each
 * segment is emitted as one C struct (segment 0 starts with the header);
 * within a segment every offset is a constant, and the variable datum that
 * ends it is laid out at its maximum size.  A message without variable
 * inline data is one segment of a fixed size.
 */
#ifndef MIG_LAYOUT_H
#define MIG_LAYOUT_H

#include <stdbool.h>
#include <stdint.h>

#include "ir.h"

#define MIG_HEADER_SIZE 32u
#define MIG_REPLY_HEADER_SIZE 48u	/* sizeof(mig_reply_header_t) */
#define MIG_DESC_SIZE 8u

/* The 64-bit descriptor word (little-endian: first 32-bit word low). */
#define MIG_DESC_INLINE (1ull << 29)
#define MIG_DESC_LONGFORM (1ull << 30)
#define MIG_DESC_DEALLOC (1ull << 31)
#define MIG_DESC_NAME_MASK 0xffull
#define MIG_DESC_WORD0_MASK 0xffffffffull

enum mig_item_storage {
	MIG_ST_SCALAR,		/* one datum in its C type (number 1, or a struct) */
	MIG_ST_ARRAY,		/* an array of raw elements (uintN_t / char) */
	MIG_ST_PORT,		/* one port right: an 8-byte slot */
	MIG_ST_PORT_ARRAY,	/* inline port rights: 8-byte slots */
	MIG_ST_OOL,		/* out of line: an 8-byte pointer */
};

struct mig_item {
	const struct mig_arg *arg;	/* the data argument (or a countinout Cnt) */
	const struct mig_type *type;	/* its type */
	enum mig_item_storage storage;
	const char *field;		/* field name in the message struct (arg name) */
	const char *elem_ctype;		/* ST_ARRAY: "uint32_t", "char", ... */

	/* descriptor facts */
	int send_name;			/* msgt_name the sender puts (in_name) */
	int recv_name;			/* msgt_name the receiver checks (out_name) */
	unsigned size_bits;
	uint32_t number;		/* fixed count, or the maximum (0: unbounded, OOL) */
	bool variable;			/* count at run time */
	bool is_inline;
	bool longform;
	bool is_port;
	bool is_string;
	bool polymorphic;		/* send or receive name chosen at run time */
	enum mig_dealloc dealloc;
	uint64_t send_desc;		/* descriptor word the sender writes (count =
					   number; name 0 when polymorphic) */
	uint64_t recv_desc;		/* what the receiver compares (same rules) */

	uint32_t elem_bytes;		/* bytes per element in the message (ports: 8) */
	uint32_t mult;			/* message elements per C element (the Cnt
					   counts C elements: structs, sub-arrays) */
	uint64_t max_bytes;		/* datum bytes at the maximum count (OOL: 8) */
	uint64_t slot_bytes;		/* max_bytes rounded up to 8 */

	unsigned segment;		/* segment that holds it */
	uint64_t desc_offset;		/* of the descriptor, from the segment start */
	uint64_t data_offset;		/* of the datum, from the segment start */
	bool ends_segment;		/* variable inline: the next segment follows
					   its actual data */
};

struct mig_segment {
	uint64_t offset;		/* in the message when every earlier variable
					   datum has its maximum size */
	uint64_t size;			/* its struct's size (variable datum at max) */
	uint64_t fixed_size;		/* size without the trailing variable datum */
	unsigned first_item, nitems;	/* items[first_item .. +nitems) */
};

struct mig_msg {
	bool is_reply;
	unsigned nitems;
	struct mig_item *items;
	unsigned nsegments;
	struct mig_segment *segments;
	uint64_t min_size;		/* every variable datum empty */
	uint64_t max_size;		/* every variable datum full */
	bool fixed;			/* no variable inline datum: size is min_size */
	bool has_ool;			/* an out-of-line datum */
	bool has_ports;			/* a port right (fixed type name) */
	bool has_poly;			/* a polymorphic datum (complex at run time) */
	bool always_complex;		/* has_ool || has_ports */
};

struct mig_layout {
	const struct mig_routine *routine;
	struct mig_msg request;
	struct mig_msg reply;		/* routines only; simpleroutines: empty */
};

/* Largest message mig accepts to lay out (keeps all size arithmetic far
 * from any wrap: counts are bounded before they are multiplied). */
#define MIG_MSG_SIZE_LIMIT (1ull << 30)

/* Compute the layout of ROUTINE (not a skip).  Returns 0, or -1 after a
 * diagnostic (a datum that cannot be laid out, a message too large). */
int mig_layout_routine(struct mig_ctx *ctx, const struct mig_routine *routine,
		       struct mig_layout *out);
void mig_layout_free(struct mig_layout *layout);

/* Message elements per C element of a variable array type (1 for basic
 * elements; the flattened count of a struct or fixed sub-array). */
uint32_t mig_type_mult(const struct mig_type *t);

/* True when ARG's Cnt travels as its own datum in the request
 * (countinout on an out array). */
bool mig_arg_count_in_request(const struct mig_arg *count);

static inline uint64_t mig_round8(uint64_t n) { return (n + 7) & ~(uint64_t)7; }

#endif /* MIG_LAYOUT_H */

struct mig_printer;

/* The C element type and count of an ST_ARRAY field. */
unsigned mig_item_array_len(const struct mig_item *it);

/*
 * Print the typedefs of M's segment structs: BASE ("Request"), then
 * BASE1, BASE2, ... for the later segments, with a _Static_assert on each
 * size.  SERVER selects the C types of scalar fields (cservertype vs
 * cusertype).
 */
void mig_layout_print_structs(struct mig_printer *p, const struct mig_msg *m,
			      const char *base, bool server);

/* How mig_layout_print_check() names things in the code it prints. */
struct mig_check_opts {
	const char *base;	/* struct base name: "Request" / "Reply" */
	const char *ptr;	/* segment k's pointer is <ptr><k>P; <ptr>0P exists */
	const char *fail;	/* the statement that rejects, e.g. "goto mig_bad;" */
	const char *size;	/* expression: the received msgh_size */
	const char *bits;	/* expression: the received msgh_bits */
	const char *var;	/* prefix of the locals it declares: <var>n_<field>
				   (a received count), <var>off<k> */
	const char *hw;		/* or NULL: the header's first 64-bit word (fixed M) */
	bool skip_size;		/* the caller checked size and COMPLEX bit already
				   (with mig_layout_size_cond()) */
};

/* Write into BUF the C condition that is true when SIZE / BITS (the
 * received msgh_size and msgh_bits) do not fit M, e.g.
 * "size != 64 || (bits & MACH_MSGH_BITS_COMPLEX)".  For a fixed-size M and
 * HW != NULL (an expression: the header's first 64-bit word, bits in the
 * low half, size in the high half) one masked compare.  Returns BUF. */
const char *mig_layout_size_cond(const struct mig_msg *m, const char *size,
				 const char *bits, const char *hw, char *buf, size_t n);

/*
 * Print the checks of a received message against M: the whole size
 * (before anything past the header is read), the COMPLEX bit, every
 * descriptor word, counts against their bounds, NUL termination of
 * strings.  It declares, at the current block level, the pointers
 * <ptr>1P... of the later segments and "mach_msg_type_number_t
 * <var>n_<field>" for every variable datum (its received count).  For a
 * reply, the RetCode is the caller's to check first.
 */
void mig_layout_print_check(struct mig_printer *p, const struct mig_msg *m,
			    const struct mig_check_opts *o);
/* "0x...ULL" of a descriptor word, in a static buffer of the caller. */
const char *mig_desc_hex(uint64_t w, char buf[24]);
