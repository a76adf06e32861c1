/* SPDX-License-Identifier: MIT */
/*
 * The host: its name port (host_self, any task may hold it), its privileged
 * port (host_priv, given to the bootstrap task as ${host-port}) and the
 * device master port (${device-port}; it serves no operations yet).
 */
#ifndef _KERN_HOST_H_
#define _KERN_HOST_H_

struct ipc_port;

struct host {
	struct ipc_port	*host_self;
	struct ipc_port	*host_priv_self;
	struct ipc_port	*master_device;
};

extern struct host realhost;

/* host_init: allocate the host ports.  Once at boot; panics on failure. */
void host_init(void);

#endif /* _KERN_HOST_H_ */
