/* SPDX-License-Identifier: MIT */
/*
 * mig_rt.h - the host runtime of the mig round-trip and negative tests.
 *
 * An in-process transport: mach_msg() hands a request to the registered
 * server demultiplexer and the reply back, as a kernel would: the header's
 * ports are swapped and their dispositions turned into what the receiver
 * sees, port right descriptors likewise, out-of-line memory arrives as a
 * fresh copy (and the sender's region goes away when the descriptor says
 * deallocate).  Every out-of-line region lives in a registry, so a region
 * freed twice, freed with the wrong size or never freed is reported.
 *
 * The transport also checks, strictly, each message a stub produces (size,
 * descriptors tiling the body, unused bits, the COMPLEX bit): a stub bug is
 * a test failure even when the other side would not notice.
 *
 * Output follows the suite's line protocol (TESTING.md): MT-PASS, MT-FAIL,
 * MT-SKIP lines and a final MT-END; the exit status is 0 only when no case
 * failed.
 */
#ifndef MIG_RT_H
#define MIG_RT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <mach/boolean.h>
#include <mach/kern_return.h>
#include <mach/message.h>
#include <mach/mig_errors.h>

/* Port names the transport hands out or recognises. */
#define MIG_RT_REPLY_PORT	((mach_port_t) 0x5e91)	/* mig_get_reply_port() */
#define MIG_RT_TASK_PORT	((mach_port_t) 0x7a51)	/* mach_task_self() */

/* The largest reply a demultiplexer may build. */
#define MIG_RT_REPLY_MAX	(64 * 1024)

typedef boolean_t (*mig_rt_demux_t)(mach_msg_header_t *in, mach_msg_header_t *out);

/* Start a test program: NAME for the MT-BEGIN/MT-END lines, the server. */
void mig_rt_init(const char *name, mig_rt_demux_t demux);
/* Print MT-END (and leak reports); returns the exit status. */
int mig_rt_finish(void);

/* Cases: begin one, record failures, end it (MT-PASS unless it failed). */
void mig_rt_begin(const char *casename);
void mig_rt_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void mig_rt_end(void);
void mig_rt_skip(const char *casename, const char *why);
#define MIG_RT_CHECK(cond, ...) \
	do { if (!(cond)) mig_rt_fail(__VA_ARGS__); } while (0)
/* Failures recorded so far in the current case. */
unsigned mig_rt_case_failures(void);

/* Strict checking of what stubs send (on by default; off for hand-made
 * messages that are wrong on purpose). */
void mig_rt_set_strict(bool on);

/* ---- deterministic patterns ---- */
uint8_t mig_rt_byte(uint32_t seed, size_t i);
void mig_rt_fill(void *p, size_t n, uint32_t seed);
bool mig_rt_same(const void *p, size_t n, uint32_t seed);
/* LEN pattern letters followed by a NUL (LEN + 1 bytes). */
void mig_rt_fill_str(char *p, size_t len, uint32_t seed);
bool mig_rt_same_str(const char *p, size_t len, uint32_t seed);
uint32_t mig_rt_seed(uint32_t routine, uint32_t arg, uint32_t call);
/* A port name for a pattern (never MACH_PORT_NULL / MACH_PORT_DEAD). */
mach_port_t mig_rt_port(uint32_t seed);

/* ---- out-of-line memory (the registry) ---- */
/* A fresh region the test owns (as vm_allocate would give). */
void *mig_rt_alloc(size_t size);
/* Free a region the test owns; reports a failure if it is not one. */
void mig_rt_free(void *addr, size_t size);
/* True while ADDR is a live region. */
bool mig_rt_is_region(const void *addr);
/* Size of the live region at ADDR, 0 when it is not one. */
size_t mig_rt_region_size(const void *addr);
/* Live regions (for leak checks around a call). */
unsigned mig_rt_regions(void);

/* ---- what the server side saw ---- */
/* Number of server function calls (the generated test's functions bump it). */
extern unsigned mig_rt_server_calls;
/* Sequence number of the request being served. */
mach_port_seqno_t mig_rt_current_seqno(void);
/* The reply port name the transport gives a request (as the server sees). */
mach_port_t mig_rt_current_reply_port(void);

/* ---- direct delivery (negative tests) ---- */
/*
 * Run the demultiplexer on a copy of MSG exactly SIZE bytes long (so any
 * read past it is caught by AddressSanitizer), as the kernel would deliver
 * it but without touching the body (the message is taken as received).
 * The reply lands in REPLY (MIG_RT_REPLY_MAX bytes).  Returns the demux's
 * boolean.
 */
boolean_t mig_rt_deliver_raw(const void *msg, size_t size, mach_msg_header_t *reply);

/*
 * Capture instead of delivering: the next mach_msg() copies the request in
 * as the kernel would (ports swapped, out-of-line data in a fresh region
 * the receiver owns), stores the result in BUF (at most SIZE bytes, its
 * length in *LEN) and returns MACH_SEND_INVALID_DEST without running the
 * server.  The negative tests mutate such a well-formed request.
 */
void mig_rt_capture(void *buf, size_t size, size_t *len);

/*
 * Corrupt replies: HOOK (or NULL) runs on every reply as the client would
 * receive it, before it is copied to the client's buffer; it may change
 * the bytes and *SIZE (at most MIG_RT_REPLY_MAX).
 */
typedef void (*mig_rt_reply_hook_t)(mach_msg_header_t *reply, size_t *size);
void mig_rt_set_reply_hook(mig_rt_reply_hook_t hook);
/* Free every region made since MARK (from mig_rt_mark()), and the mark. */
void *mig_rt_mark(void);
void mig_rt_release_since(void *mark);

#endif /* MIG_RT_H */
