/* SPDX-License-Identifier: MIT */
/*
 * Kernel objects as ports: the dispatch of messages sent to kernel ports to
 * the demultiplexers mig generates from defs/ (KernelServer), and the
 * conversions those stubs call (mach_types.defs intran/outtran/destructor).
 *
 * This header is the only simport of the generated servers (the build
 * passes MACH_TYPES_KERNEL_SIMPORTS), so it declares every conversion.
 *
 * Conditions: one CPU, non-preemptible kernel.
 */
#ifndef _KERN_IPC_KOBJECT_H_
#define _KERN_IPC_KOBJECT_H_

#include <stdint.h>
#include <stdbool.h>
#include <mach/kern_return.h>
#include <mach/message.h>
#include <mach/mach_types.h>
#include <ipc/ipc_port.h>
#include <kern/task.h>

struct ipc_kmsg;
struct ipc_port;

typedef struct ipc_port *ipc_port_t;
typedef struct vm_object *vm_object_t;

/*
 * ipc_kobject_server: serve `request' (kernel form, sent to a kernel port;
 * consumed).  Returns the reply in kernel form, ready for ipc_mqueue_send,
 * or NULL when there is none (no reply port, no memory).  The id alone
 * picks the demultiplexer (mach_port 3200, mach_host 2600, mach 2000 and
 * anything else) and the routine, whatever the port's object, as in GNU
 * Mach: a port of the wrong kind converts to a null object, which the
 * routine refuses with its own code (task_terminate sent to the host
 * port: KERN_INVALID_ARGUMENT; host_get_boot_info sent to the host name
 * port: KERN_INVALID_HOST).  An id no routine has, or a routine the
 * kernel does not implement yet, is answered with MIG_BAD_ID.  A
 * task_terminate of the caller's own task does not return.
 */
struct ipc_kmsg *ipc_kobject_server(struct ipc_kmsg *request);

/*
 * Conversions for the generated servers.  The convert_port_to_* calls take
 * the port pointer of the request (a kernel port of the right kind, or
 * anything else, which gives NULL and the routine's "invalid" error); the
 * convert_*_to_port calls return the object's port with no right of its
 * own (the reply's COPY_SEND makes one); the *_deallocate calls drop what they took (nothing: objects live while their
 * port does and the kernel is not preemptible).
 */
static inline ipc_space_t convert_port_to_space(mach_port_t p)
{
	struct ipc_port *port = (struct ipc_port *)p;
	struct task *task;

	if (!IP_VALID(port) || !port->ip_active || port->ip_kotype != IKOT_TASK)
		return NULL;
	task = port->ip_kobject;
	return task->active ? task->itk_space : NULL;
}

static inline void space_deallocate(ipc_space_t space)
{
	(void)space;
}

task_t convert_port_to_task(mach_port_t port);

static inline void task_deallocate(task_t task)
{
	(void)task;
}

mach_port_t convert_task_to_port(task_t task);
thread_t convert_port_to_thread(mach_port_t port);
void thread_deallocate(thread_t thread);
mach_port_t convert_thread_to_port(thread_t thread);
vm_map_t convert_port_to_map(mach_port_t port);
void vm_map_deallocate(vm_map_t map);
host_t convert_port_to_host(mach_port_t port);
host_t convert_port_to_host_priv(mach_port_t port);
mach_port_t convert_host_to_port(host_t host);
processor_t convert_port_to_processor(mach_port_t port);
mach_port_t convert_processor_to_port(processor_t processor);
processor_set_t convert_port_to_pset(mach_port_t port);
processor_set_t convert_port_to_pset_name(mach_port_t port);
mach_port_t convert_pset_to_port(processor_set_t pset);
mach_port_t convert_pset_name_to_port(processor_set_t pset);
void pset_deallocate(processor_set_t pset);
ipc_port_t null_conversion(mach_port_t port);
vm_object_t vm_object_lookup(mach_port_t port);
vm_object_t vm_object_lookup_name(mach_port_t port);
void vm_object_deallocate(vm_object_t object);

#endif /* _KERN_IPC_KOBJECT_H_ */
