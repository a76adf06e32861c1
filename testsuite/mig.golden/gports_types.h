/* SPDX-License-Identifier: MIT */
/* C types and translation functions for gports.defs (golden test). */
#ifndef GPORTS_TYPES_H
#define GPORTS_TYPES_H

#include <mach/std_types.h>
#include <mach/port.h>

typedef struct obj *obj_ref_t;
typedef mach_port_t port_array_t[4];
obj_ref_t obj_lookup(mach_port_t port);
mach_port_t obj_export(obj_ref_t obj);
void obj_release(obj_ref_t obj);

#endif
