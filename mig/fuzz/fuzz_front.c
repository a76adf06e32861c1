/* SPDX-License-Identifier: MIT */
/*
 * fuzz_front.c - libFuzzer target over mig's front end.
 *
 * Each input is taken as preprocessed .defs text (cpp output with line
 * markers, as the driver hands it over) and goes through what the driver
 * does with it: mig_ctx_init, mig_parse_buffer, mig_sema unless the parse
 * was fatal, mig_ctx_fini.  Any crash, sanitizer report or leak is a bug;
 * diagnostics are expected and thrown away.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *sink;
	struct mig_ctx ctx;

	if (sink == NULL)
		sink = fopen("/dev/null", "w");
	mig_ctx_init(&ctx);
	ctx.diag_out = sink ? sink : stderr;
	mig_parse_buffer(&ctx, "fuzz.defs", (const char *)data, size);
	if (!ctx.fatal)
		mig_sema(&ctx);
	mig_ctx_fini(&ctx);
	return 0;
}
