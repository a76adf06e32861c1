/* SPDX-License-Identifier: MIT */
/* The host object and its ports. */
#include <stddef.h>
#include <kern/host.h>
#include <kern/panic.h>
#include <ipc/ipc_port.h>

struct host realhost;

void host_init(void)
{
	realhost.host_self = ipc_port_alloc_kernel(IKOT_HOST, &realhost);
	realhost.host_priv_self = ipc_port_alloc_kernel(IKOT_HOST_PRIV, &realhost);
	realhost.master_device = ipc_port_alloc_kernel(IKOT_MASTER_DEVICE, &realhost);
	if (realhost.host_self == NULL || realhost.host_priv_self == NULL ||
	    realhost.master_device == NULL)
		panic("host_init: out of memory");
}
