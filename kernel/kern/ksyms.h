/* SPDX-License-Identifier: MIT */
/*
 * The kernel symbol table, generated at link time (second link pass, from
 * the nm output of the first; see arch/x86_64/link-kernel.sh).
 */
#ifndef _KERN_KSYMS_H_
#define _KERN_KSYMS_H_

#include <stdint.h>

struct ksym {
	uint64_t	addr;
	const char	*name;
};

/* Sorted by address; the generator emits both (ksyms_count may be 0). */
extern const struct ksym ksyms_table[];
extern const uint64_t ksyms_count;

/*
 * ksyms_lookup: the name of the function containing addr and the offset
 * into it, or NULL when addr is outside the table.
 */
const char *ksyms_lookup(uint64_t addr, uint64_t *offset);

#endif /* _KERN_KSYMS_H_ */
