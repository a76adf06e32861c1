/* SPDX-License-Identifier: MIT */
/* The values of abi_names.def as libmach's public headers define them. */
#include <stdint.h>
#include <mach/kern_return.h>
#include <mach/message.h>
#include <mach/port.h>
#include <mach/thread_switch.h>

#define X(n) (long long)(n),
const long long abi_values_libmach[] = {
#include "abi_names.def"
};
