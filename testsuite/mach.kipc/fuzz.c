/* SPDX-License-Identifier: MIT */
/*
 * Random and mutated messages to the task's own ports and to its task
 * port (every kernel call of mach_port.defs with random arguments): the
 * kernel must answer each with a code, never panic, and (ipc.exp checks
 * the zone counts printed at the end) leak nothing.  A fixed seed, so a
 * failure repeats.
 */
#include <mach/message.h>
#include <mach/port.h>
#include <mach/mach_traps.h>
#include <string.h>
#include "mt.h"

#define ROUNDS	20000
#define NPORTS	8

static uint64_t seed = 0x2545f4914f6cdd1dULL;

static uint32_t rnd(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (uint32_t)(seed >> 11);
}

static char ool[8192];

int main(void)
{
	mach_port_t task = mach_task_self(), ports[NPORTS], names[NPORTS + 4];
	union {
		mach_msg_header_t h;
		uint64_t w[64];
	} m, r;
	unsigned sent = 0, refused = 0, received = 0, bad = 0;

	MT_BEGIN("ipc/fuzz", 3);
	for (int i = 0; i < NPORTS; i++)
		ports[i] = mach_reply_port();
	for (int i = 0; i < NPORTS; i++)
		names[i] = ports[i];
	names[NPORTS] = task;
	names[NPORTS + 1] = MACH_PORT_NULL;
	names[NPORTS + 2] = MACH_PORT_DEAD;
	names[NPORTS + 3] = 0x12345;

	for (int round = 0; round < ROUNDS; round++) {
		unsigned size = 32 + 8 * (rnd() % 24);
		mach_msg_return_t mr;

		for (unsigned i = 0; i < 64; i++)
			m.w[i] = ((uint64_t)rnd() << 32) | rnd();
		/* Mostly plausible: known names, port dispositions, real
		 * descriptors; sometimes garbage. */
		m.h.msgh_bits = MACH_MSGH_BITS(16 + rnd() % 6, rnd() % 4 ? 16 + rnd() % 6 : 0);
		if (rnd() % 2)
			m.h.msgh_bits |= MACH_MSGH_BITS_COMPLEX;
		if (rnd() % 16 == 0)
			m.h.msgh_bits = rnd();
		m.h.msgh_remote_port = names[rnd() % (NPORTS + 4)];
		m.h.msgh_local_port = rnd() % 3 ? names[rnd() % NPORTS] : MACH_PORT_NULL;
		if (m.h.msgh_remote_port == task)
			m.h.msgh_id = 3200 + (int)(rnd() % 24);	/* mach_port.defs */
		else
			m.h.msgh_id = (int)rnd();
		for (unsigned off = 32; off + 16 <= size; off += 16) {
			uint32_t name = rnd() % 3 ? 16 + rnd() % 6 : rnd() % 20;
			uint32_t bits = rnd() % 4 ? 64 : (rnd() % 3 ? 32 : rnd() % 128);
			uint32_t inl = rnd() % 4 ? 1 : 0;
			uint32_t num = rnd() % 8 ? 1 : rnd() % 5000;

			m.w[off / 8] = (uint64_t)(name | (bits << 8) | (inl << 29) |
						  ((rnd() % 8 == 0) << 31)) |
				       ((uint64_t)num << 32);
			if (!inl)
				m.w[off / 8 + 1] = rnd() % 3 ? (uint64_t)(uintptr_t)ool : rnd();
			else
				m.w[off / 8 + 1] = names[rnd() % (NPORTS + 4)];
		}
		mr = mach_msg(&m.h, MACH_SEND_MSG | MACH_SEND_TIMEOUT, size, 0,
			      MACH_PORT_NULL, 0, MACH_PORT_NULL);
		if (mr == MACH_MSG_SUCCESS)
			sent++;
		else if ((mr & 0xffffc000) == 0x10000000)
			refused++;
		else
			bad++;
		/* Drain a random port (and the reply ports of kernel calls). */
		for (int k = 0; k < 2; k++) {
			mach_port_t p = ports[rnd() % NPORTS];

			mr = mach_msg(&r.h, MACH_RCV_MSG | MACH_RCV_TIMEOUT |
				      (rnd() % 4 == 0 ? MACH_RCV_LARGE : 0),
				      0, rnd() % 8 ? sizeof r : 40, p, 0,
				      MACH_PORT_NULL);
			if (mr == MACH_MSG_SUCCESS)
				received++;
		}
	}
	MT_CHECK(sent > 0 && refused > 0, "both sent and refused messages (%u sent, %u refused, %u received)",
		 sent, refused, received);
	MT_EXPECT_EQ_MSG(bad, 0, "every send answered with a MACH_SEND code");
	MT_CHECK(mach_task_self() != MACH_PORT_NULL, "still alive");
	return MT_END();
}
