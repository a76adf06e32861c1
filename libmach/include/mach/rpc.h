/* SPDX-License-Identifier: MIT */
/* <mach/rpc.h>: port descriptions of the RPC signature interface. */
#ifndef _MACH_RPC_H_
#define _MACH_RPC_H_

#include <mach/kern_return.h>
#include <mach/message.h>

struct rpc_port_desc {
	mach_port_t name;
	mach_msg_type_name_t msgt_name;
};

#endif /* _MACH_RPC_H_ */
