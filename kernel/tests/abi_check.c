/* SPDX-License-Identifier: MIT */
/*
 * Host test: the kernel's private ABI constants (kernel/include/mach/) must
 * equal libmach's public ones, name by name, until the kernel builds
 * against libmach's headers.  Also checks the kernel's message header
 * layout against ABI.md.
 */
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <mach/kern_return.h>
#include <mach/message.h>
#include <mach/port.h>
#include <mach/thread_switch.h>

#define X(n) (long long)(n),
static const long long abi_values_kernel[] = {
#include "abi_names.def"
};
#undef X
#define X(n) #n,
static const char *const abi_names[] = {
#include "abi_names.def"
};

extern const long long abi_values_libmach[];

int main(void)
{
	size_t n = sizeof(abi_names) / sizeof(abi_names[0]);
	int fail = 0;

	for (size_t i = 0; i < n; i++) {
		if (abi_values_kernel[i] != abi_values_libmach[i]) {
			printf("FAIL: %s: kernel 0x%llx, libmach 0x%llx\n",
			       abi_names[i], abi_values_kernel[i],
			       abi_values_libmach[i]);
			fail = 1;
		}
	}
	if (sizeof(mach_msg_header_t) != 32 ||
	    offsetof(mach_msg_header_t, msgh_remote_port) != 8 ||
	    offsetof(mach_msg_header_t, msgh_local_port) != 16 ||
	    offsetof(mach_msg_header_t, msgh_seqno) != 24 ||
	    offsetof(mach_msg_header_t, msgh_id) != 28) {
		printf("FAIL: kernel mach_msg_header_t layout\n");
		fail = 1;
	}
	printf("%s: %zu constants compared\n", fail ? "FAIL" : "PASS", n);
	return fail;
}
