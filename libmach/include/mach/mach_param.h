/* SPDX-License-Identifier: MIT */
/* <mach/mach_param.h>: assorted kernel limits. */
#ifndef _MACH_MACH_PARAM_H_
#define _MACH_MACH_PARAM_H_

/* Ports mach_ports_register() keeps per task. */
#define TASK_PORT_REGISTER_MAX	4

#endif /* _MACH_MACH_PARAM_H_ */
