/* SPDX-License-Identifier: MIT */
/*
 * print: mach_print writes a string and checks its pointer: an unmapped,
 * kernel-half or non-canonical address, or a string that runs into an
 * unmapped page, gives KERN_INVALID_ADDRESS and no kernel fault; a string
 * longer than the 4096 bytes the trap accepts gives KERN_INVALID_ARGUMENT.
 */
#include <stdint.h>

#include <mach/mach_traps.h>

#include "mt.h"

extern char _end[];		/* task.ld: end of .bss */

static char long_string[4097 + 1];	/* 4097 'x' and the NUL */

int
main(void)
{
	MT_BEGIN("trap/print", 8);
	MT_EXPECT_KR(mach_print("print: a line through mach_print\n"),
		     KERN_SUCCESS, "mach_print of a string");
	MT_EXPECT_KR(mach_print(""), KERN_SUCCESS, "mach_print of \"\"");
	MT_EXPECT_KR(mach_print(NULL), KERN_INVALID_ADDRESS,
		     "mach_print(NULL)");
	MT_EXPECT_KR(mach_print((const char *)0x1000), KERN_INVALID_ADDRESS,
		     "mach_print of an unmapped user address");
	MT_EXPECT_KR(mach_print((const char *)0xffffffff80000000ul),
		     KERN_INVALID_ADDRESS, "mach_print of a kernel-half address");
	MT_EXPECT_KR(mach_print((const char *)0x0000800000000000ul),
		     KERN_INVALID_ADDRESS,
		     "mach_print of a non-canonical address");
	for (int i = 0; i < 4097; i++)
		long_string[i] = 'x';
	MT_EXPECT_KR(mach_print(long_string), KERN_INVALID_ARGUMENT,
		     "mach_print of a string of 4097 bytes");

	/*
	 * A string without its NUL up to the end of the last page of .bss:
	 * the page after it is not mapped (task.ld puts nothing there).
	 */
	uintptr_t page_end = ((uintptr_t)_end + 4095) & ~(uintptr_t)4095;
	for (char *p = _end; (uintptr_t)p < page_end; p++)
		*(volatile char *)p = 'x';
	MT_EXPECT_KR(mach_print(_end), KERN_INVALID_ADDRESS,
		     "mach_print of a string running into an unmapped page");
	return MT_END();
}
