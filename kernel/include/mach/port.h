/* SPDX-License-Identifier: MIT */
/*
 * Kernel-private port name definitions (values as GNU Mach's mach/port.h).
 */
#ifndef _MACH_PORT_H_
#define _MACH_PORT_H_

#include <stdint.h>

typedef uint32_t mach_port_name_t;
typedef uint32_t mach_port_right_t;
typedef uint32_t mach_port_type_t;
typedef uint32_t mach_port_urefs_t;

#define MACH_PORT_NULL		((mach_port_name_t) 0)
#define MACH_PORT_DEAD		((mach_port_name_t) ~0U)
#define MACH_PORT_VALID(name)	((name) != MACH_PORT_NULL && (name) != MACH_PORT_DEAD)

#define MACH_PORT_RIGHT_SEND		0
#define MACH_PORT_RIGHT_RECEIVE		1
#define MACH_PORT_RIGHT_SEND_ONCE	2
#define MACH_PORT_RIGHT_PORT_SET	3
#define MACH_PORT_RIGHT_DEAD_NAME	4

#define MACH_PORT_TYPE(right)	((mach_port_type_t) (1U << ((right) + 16)))
#define MACH_PORT_TYPE_NONE	  ((mach_port_type_t) 0)
#define MACH_PORT_TYPE_SEND	  MACH_PORT_TYPE(MACH_PORT_RIGHT_SEND)
#define MACH_PORT_TYPE_RECEIVE	  MACH_PORT_TYPE(MACH_PORT_RIGHT_RECEIVE)
#define MACH_PORT_TYPE_SEND_ONCE  MACH_PORT_TYPE(MACH_PORT_RIGHT_SEND_ONCE)
#define MACH_PORT_TYPE_PORT_SET	  MACH_PORT_TYPE(MACH_PORT_RIGHT_PORT_SET)
#define MACH_PORT_TYPE_DEAD_NAME  MACH_PORT_TYPE(MACH_PORT_RIGHT_DEAD_NAME)
#define MACH_PORT_TYPE_SEND_RIGHTS (MACH_PORT_TYPE_SEND | MACH_PORT_TYPE_SEND_ONCE)

#endif /* _MACH_PORT_H_ */
