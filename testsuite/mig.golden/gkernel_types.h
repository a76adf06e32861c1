/* SPDX-License-Identifier: MIT */
/* C types and translation functions for gkernel.defs (golden test). */
#ifndef GKERNEL_TYPES_H
#define GKERNEL_TYPES_H

#include <mach/std_types.h>
#include <mach/port.h>

typedef struct gk_task *gk_task_t;
typedef int ints_t[8];
gk_task_t gk_convert_port_to_task(mach_port_t port);
mach_port_t gk_convert_task_to_port(gk_task_t task);
void gk_task_deallocate(gk_task_t task);

#endif
