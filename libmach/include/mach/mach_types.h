/* SPDX-License-Identifier: MIT */
/*
 * <mach/mach_types.h>: every type the kernel interfaces (mach.defs,
 * mach_host.defs, mach_port.defs, ...) speak of, as C types.
 *
 * In a user task the kernel objects are all ports.  In the kernel
 * (KERNEL defined) they are pointers to the kernel's structures, declared
 * here as incomplete types so that MIG's KernelServer stubs can call the
 * intran/outtran conversions of mach_types.defs (convert_port_to_task, ...).
 */
#ifndef _MACH_MACH_TYPES_H_
#define _MACH_MACH_TYPES_H_

#include <mach/host_info.h>
#include <mach/machine.h>
#include <mach/machine/vm_types.h>
#include <mach/memory_object.h>
#include <mach/pc_sample.h>
#include <mach/port.h>
#include <mach/processor_info.h>
#include <mach/task_info.h>
#include <mach/task_special_ports.h>
#include <mach/thread_info.h>
#include <mach/thread_special_ports.h>
#include <mach/thread_status.h>
#include <mach/time_value.h>
#include <mach/vm_attributes.h>
#include <mach/vm_inherit.h>
#include <mach/vm_prot.h>
#include <mach/vm_statistics.h>
#include <mach/vm_cache_statistics.h>
#include <mach/vm_wire.h>
#include <mach/vm_sync.h>

#ifdef KERNEL

struct task;
struct thread;
struct vm_map;
struct ipc_space;
struct host;
struct processor;
struct processor_set;

typedef struct task *task_t;
typedef struct thread *thread_t;
typedef struct vm_map *vm_map_t;
typedef struct ipc_space *ipc_space_t;
typedef struct host *host_t;
typedef struct host *host_priv_t;
typedef struct processor *processor_t;
typedef struct processor_set *processor_set_t;
typedef struct processor_set *processor_set_name_t;

#define TASK_NULL		((task_t) 0)
#define THREAD_NULL		((thread_t) 0)
#define VM_MAP_NULL		((vm_map_t) 0)
#define IPC_SPACE_NULL		((ipc_space_t) 0)
#define HOST_NULL		((host_t) 0)
#define PROCESSOR_NULL		((processor_t) 0)
#define PROCESSOR_SET_NULL	((processor_set_t) 0)

/* The address space a vm_* call works on (vm_task_t's intran result). */
typedef vm_map_t vm_task_t;

#else /* !KERNEL */

typedef mach_port_t task_t;
typedef mach_port_t thread_t;
typedef mach_port_t vm_map_t;
typedef mach_port_t ipc_space_t;
typedef mach_port_t host_t;
typedef mach_port_t host_priv_t;
typedef mach_port_t processor_t;
typedef mach_port_t processor_set_t;
typedef mach_port_t processor_set_name_t;
typedef mach_port_t processor_name_t;
typedef processor_name_t *processor_name_array_t;

#define TASK_NULL		((task_t) 0)
#define THREAD_NULL		((thread_t) 0)
#define HOST_NULL		((host_t) 0)
#define PROCESSOR_NULL		((processor_t) 0)
#define PROCESSOR_SET_NULL	((processor_set_t) 0)

/* The task whose address space a vm_* call works on. */
typedef task_t vm_task_t;

#endif /* KERNEL */

/* Arrays as out-of-line replies deliver them. */
typedef task_t *task_array_t;
typedef thread_t *thread_array_t;
typedef processor_t *processor_array_t;
typedef processor_set_t *processor_set_array_t;
typedef processor_set_name_t *processor_set_name_array_t;

typedef vm_offset_t *emulation_vector_t;

#include <mach/std_types.h>

#endif /* _MACH_MACH_TYPES_H_ */
