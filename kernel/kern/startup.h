/* SPDX-License-Identifier: MIT */
/*
 * Boot-time configuration and the end of the run.
 *
 * Kernel command-line words the kernel itself reads (the others are for the
 * boot script, see boot_script.h):
 *   test_panic   panic on purpose right after loading the boot modules
 *   zone_stats   print the zone statistics and free memory at the end
 *   boot_debug   print the memory map and boot timestamps (rdtsc; guest
 *                instructions under QEMU -icount shift=0)
 */
#ifndef _KERN_STARTUP_H_
#define _KERN_STARTUP_H_

#include <stdbool.h>

/*
 * machine_shutdown: the last task is gone: print `machkernel: all tasks
 * exited' (and the zone statistics with the `zone_stats' boot option),
 * then exit with success.  Never returns.
 */
void machine_shutdown(void) __attribute__((noreturn));

/* kernel_booting: true until the boot modules are all started. */
bool kernel_booting(void);

/* kernel_option: true if the kernel command line has the word `word'. */
bool kernel_option(const char *word);

/* kernel_cmdline: the whole kernel command line. */
const char *kernel_cmdline(void);

#endif /* _KERN_STARTUP_H_ */
