/* SPDX-License-Identifier: MIT */
/* C types of features.defs (the round-trip coverage interface). */
#ifndef FEATURES_TYPES_H
#define FEATURES_TYPES_H

#include <stdint.h>
#include <mach/std_types.h>

typedef int16_t f_int16_t;
typedef uint8_t f_byte_t;
typedef int64_t f_int64_t;
typedef double f_real_t;
typedef int f_int4_t[4];
typedef char f_chars7_t[7];
typedef int32_t f_ints64_t[64];
typedef char f_chars100_t[100];
typedef f_int16_t *f_shorts_t;
typedef int *f_ints_t;
typedef char *f_bytes_t;
typedef char f_name_t[64];
typedef const char *const_f_name_t;
typedef char f_vname_t[80];
typedef const char *const_f_vname_t;
typedef int f_big_t[4096];
typedef int f_cio_t[50];
typedef mach_port_t f_ports_t[8];
typedef struct { int32_t a[3]; } f_struct3_t;
typedef struct { int32_t x; int32_t y; int32_t z; int32_t w; } f_point_t;
typedef struct { int64_t lo; int64_t hi; } f_pair64_t;

#endif
