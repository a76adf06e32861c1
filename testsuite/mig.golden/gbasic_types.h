/* SPDX-License-Identifier: MIT */
/* C types for gbasic.defs (golden test). */
#ifndef GBASIC_TYPES_H
#define GBASIC_TYPES_H

typedef int ints4_t[4];
typedef int ints_t[16];
typedef short shorts_t[9];
typedef char name_t[32];
typedef const char *const_name_t;
typedef char vname_t[40];
typedef const char *const_vname_t;
typedef struct { int v[2]; } point_t;

#endif
