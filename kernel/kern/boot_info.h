/* SPDX-License-Identifier: MIT */
/*
 * What the machine-dependent boot code hands to setup_main(): memory ranges,
 * boot modules and the kernel command line, in a loader-neutral form.
 */
#ifndef _KERN_BOOT_INFO_H_
#define _KERN_BOOT_INFO_H_

#include <stdint.h>

#define BOOT_MAX_MODULES	16
#define BOOT_MAX_RANGES		32

struct boot_module {
	uint64_t	start;		/* physical, inclusive */
	uint64_t	end;		/* physical, exclusive */
	const char	*cmdline;	/* kernel virtual; never NULL */
};

struct boot_mem_range {
	uint64_t	base;		/* physical */
	uint64_t	len;
};

struct boot_info {
	const char		*cmdline;	/* kernel command line, never NULL */
	unsigned		nmods;
	struct boot_module	mods[BOOT_MAX_MODULES];
	unsigned		nranges;
	struct boot_mem_range	ranges[BOOT_MAX_RANGES];	/* usable RAM */
	uint64_t		reserved_end;	/* physical: [0, this) is taken */
};

/*
 * setup_main: machine-independent startup.  Called once by the boot code
 * with interrupts disabled, the console, GDT, IDT and kernel pmap ready.
 * Never returns.
 */
void setup_main(struct boot_info *bi) __attribute__((noreturn));

#endif /* _KERN_BOOT_INFO_H_ */
