/* SPDX-License-Identifier: MIT */
/*
 * selftest: guest side of the harness self-tests (harness.exp).  Each mode
 * breaks the protocol in one way so that the .exp can check that the
 * harness classifies the run as it must; the .exp itself only reports
 * whether the classification was right.
 *   fail    one passing and one deliberately failing case, then MT-END
 *   skip    one skipped case
 *   noend   MT-BEGIN and a case, then exit without MT-END
 *   short   announces 3 cases, reports 1
 *   hang    MT-BEGIN, then spins forever (the harness's timeout)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mach/mach_traps.h>

#include "mt.h"

int
main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	if (strcmp(mode, "fail") == 0) {
		MT_BEGIN("selftest/fail", 2);
		MT_PASS("a passing case");
		MT_EXPECT_EQ_MSG(1 + 1, 3, "a deliberately failing case");
		return MT_END();
	}
	if (strcmp(mode, "skip") == 0) {
		MT_BEGIN("selftest/skip", 1);
		MT_SKIP("not on this machine", "a skipped case");
		return MT_END();
	}
	if (strcmp(mode, "noend") == 0) {
		MT_BEGIN("selftest/noend", 1);
		MT_PASS("a case before the silent exit");
		exit(0);
	}
	if (strcmp(mode, "short") == 0) {
		/* Bypass MT_END's own count check: print the line by hand. */
		MT_BEGIN("selftest/short", 3);
		MT_PASS("the only case reported");
		printf("MT-END selftest/short 0\n");
		return 0;
	}
	if (strcmp(mode, "hang") == 0) {
		MT_BEGIN("selftest/hang", 1);
		fflush(NULL);
		for (;;)
			(void)swtch();
	}
	printf("selftest: unknown mode '%s'\n", mode);
	return 1;
}
