/* SPDX-License-Identifier: MIT */
/* <mach/memory_object.h>: types of the external pager interface. */
#ifndef _MACH_MEMORY_OBJECT_H_
#define _MACH_MEMORY_OBJECT_H_

#include <mach/port.h>

/* The port a pager serves a memory object on. */
#ifdef KERNEL
struct ipc_port;
typedef struct ipc_port *memory_object_t;
#else
typedef mach_port_t memory_object_t;
#endif
typedef memory_object_t *memory_object_array_t;

/* The kernel's port for one (object, kernel) pair. */
typedef mach_port_t memory_object_control_t;

/* Names a memory object in vm_region() results. */
typedef mach_port_t memory_object_name_t;

/* How the kernel copies data of this object. */
typedef int memory_object_copy_strategy_t;
#define MEMORY_OBJECT_COPY_NONE		0	/* copy eagerly */
#define MEMORY_OBJECT_COPY_CALL		1	/* ask the manager */
#define MEMORY_OBJECT_COPY_DELAY	2	/* copy on write */
#define MEMORY_OBJECT_COPY_TEMPORARY	3	/* like DELAY, data is temporary */

/* What memory_object_lock_request returns to the manager. */
typedef int memory_object_return_t;
#define MEMORY_OBJECT_RETURN_NONE	0	/* nothing */
#define MEMORY_OBJECT_RETURN_DIRTY	1	/* dirty pages */
#define MEMORY_OBJECT_RETURN_ALL	2	/* dirty and precious pages */

#define MEMORY_OBJECT_NULL	MACH_PORT_NULL

#endif /* _MACH_MEMORY_OBJECT_H_ */
