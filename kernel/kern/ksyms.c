/* SPDX-License-Identifier: MIT */
/* Address-to-symbol lookup over the generated table. */
#include <stddef.h>
#include <kern/ksyms.h>

extern char _kernel_end[];

const char *ksyms_lookup(uint64_t addr, uint64_t *offset)
{
	uint64_t lo = 0, hi = ksyms_count;

	if (hi == 0 || addr < ksyms_table[0].addr ||
	    addr >= (uint64_t)_kernel_end)
		return NULL;
	while (hi - lo > 1) {			/* last entry <= addr */
		uint64_t mid = (lo + hi) / 2;

		if (ksyms_table[mid].addr <= addr)
			lo = mid;
		else
			hi = mid;
	}
	*offset = addr - ksyms_table[lo].addr;
	return ksyms_table[lo].name;
}
