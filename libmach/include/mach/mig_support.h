/* SPDX-License-Identifier: MIT */
/*
 * <mach/mig_support.h>: the run-time support MIG-generated stubs call,
 * provided by libmach (user tasks) or by the kernel (KernelUser and
 * KernelServer stubs).
 */
#ifndef _MACH_MIG_SUPPORT_H_
#define _MACH_MIG_SUPPORT_H_

#include <mach/std_types.h>
#include <mach/message.h>

/* The calling thread's reply port, allocated on first use. */
extern mach_port_t mig_get_reply_port(void);

/* Drop the reply port after a failed RPC; the next call gets a fresh one. */
extern void mig_dealloc_reply_port(mach_port_t reply_port);

/* Hand the reply port back after a successful RPC. */
extern void mig_put_reply_port(mach_port_t reply_port);

/* Memory for out-of-line data the stubs must supply or free. */
extern void mig_allocate(vm_address_t *addr, vm_size_t size);
extern void mig_deallocate(vm_address_t addr, vm_size_t size);

/*
 * Copy at most len bytes of src to dst, stopping after the NUL; the last
 * byte of dst is always NUL when len > 0.  Returns the length copied.
 */
extern int mig_strncpy(char *dst, const char *src, int len);

/* Fill in a reply header from a request (id + 100, reply port, ...). */
extern void mig_reply_setup(const mach_msg_header_t *request,
			    mach_msg_header_t *reply);

/* Set up the per-thread reply port machinery (libmach start-up). */
extern void mig_init(void *first_thread_stack);

#endif /* _MACH_MIG_SUPPORT_H_ */
