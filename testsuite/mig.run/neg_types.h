/* SPDX-License-Identifier: MIT */
/* C types of neg.defs. */
#ifndef NEG_TYPES_H
#define NEG_TYPES_H

#include <mach/std_types.h>

typedef int *neg_ints_t;
typedef char *neg_bytes_t;
typedef char neg_name_t[32];
typedef const char *const_neg_name_t;
typedef char neg_vname_t[32];
typedef const char *const_neg_vname_t;

#endif
