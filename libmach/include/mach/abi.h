/* SPDX-License-Identifier: MIT */
/*
 * <mach/abi.h>: helpers shared by the ABI headers.
 *
 * MACH_ABI_ASSERT checks a layout fact at compile time in C (C11
 * _Static_assert, accepted by GCC and Clang in every C mode) and in C++.
 * Every structure that crosses the user/kernel boundary or travels in a
 * message has its size and field offsets pinned down with it, next to its
 * definition.
 */
#ifndef _MACH_ABI_H_
#define _MACH_ABI_H_

#include <stddef.h>

#if defined(__cplusplus)
#define MACH_ABI_ASSERT(expr, what) static_assert((expr), what)
#else
#define MACH_ABI_ASSERT(expr, what) _Static_assert((expr), what)
#endif

/* Size and offset checks in one line each. */
#define MACH_ABI_SIZE(type, size) \
	MACH_ABI_ASSERT(sizeof(type) == (size), "sizeof(" #type ") != " #size)
#define MACH_ABI_OFFSET(type, field, off) \
	MACH_ABI_ASSERT(offsetof(type, field) == (off), \
			"offsetof(" #type ", " #field ") != " #off)

#endif /* _MACH_ABI_H_ */
