/* SPDX-License-Identifier: MIT */
/*
 * The host: its name port (host_self, any task may hold it), its privileged
 * port (host_priv, given to the bootstrap task as ${host-port}) and the
 * device master port (${device-port}; it serves no operations yet), and
 * the host calls of mach_host.defs (served by the generated
 * mach_hostServer.c, declared there; kern/host.c documents each).
 *
 * Locking: none (one CPU, non-preemptible kernel); realhost is written once
 * at boot.
 */
#ifndef _KERN_HOST_H_
#define _KERN_HOST_H_

#include <stdint.h>
#include <kern/boot_info.h>

struct ipc_port;

struct host {
	struct ipc_port	*host_self;
	struct ipc_port	*host_priv_self;
	struct ipc_port	*master_device;
	uint64_t	memory_size;	/* bytes of RAM the kernel manages */
};

extern struct host realhost;

/*
 * host_init: allocate the host ports and record the memory size of `bi'
 * (its usable RAM ranges, whole pages, below the kernel's physmap limit).
 * Once at boot; panics on failure.
 */
void host_init(const struct boot_info *bi);

/*
 * host_load_update: sample the runnable user threads into the load
 * averages and Mach factors HOST_LOAD_INFO reports (5 s, 30 s and 1 min
 * exponential averages, scaled by LOAD_SCALE).  Called once a second by
 * clock_interrupt, interrupts disabled.
 */
void host_load_update(void);

/*
 * The kernel's version string, as host_kernel_version returns it:
 * "PACKAGE VERSION machkernel (x86_64) ..." with the compiler's version.
 */
extern const char host_version_string[];

#endif /* _KERN_HOST_H_ */
