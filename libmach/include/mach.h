/* SPDX-License-Identifier: MIT */
/*
 * <mach.h>: what a Mach program usually wants in one include: the types,
 * the traps, mach_msg, the MIG run time and the generated client stubs of
 * the kernel's interfaces (task, thread and VM calls of mach.defs, the
 * port calls of mach_port.defs, the host calls of mach_host.defs).
 * The other interfaces have their own headers (libmach/Makefile.am).
 */
#ifndef _MACH_H_
#define _MACH_H_

#include <mach/boolean.h>
#include <mach/kern_return.h>
#include <mach/port.h>
#include <mach/message.h>
#include <mach/mach_types.h>
#include <mach/mach_traps.h>
#include <mach/mig_errors.h>
#include <mach/mig_support.h>
#include <mach/mach_interface.h>
#include <mach/mach_port.h>
#include <mach/mach_host.h>

/*
 * Serve requests on rcv_name with a MIG-generated demultiplexer: receive,
 * demux, send the reply and receive the next request in one call, for
 * ever (mach_msg_server) or until a receive fails; option may add
 * MACH_RCV_TIMEOUT (then timeout, in ms, ends an idle wait) and the other
 * receive options.  max_size bounds a request and a reply.  Returns the
 * mach_msg error that ended the loop.
 */
extern mach_msg_return_t
mach_msg_server_timeout(boolean_t (*demux)(mach_msg_header_t *,
					   mach_msg_header_t *),
			mach_msg_size_t max_size, mach_port_t rcv_name,
			mach_msg_option_t option, mach_msg_timeout_t timeout);
extern mach_msg_return_t
mach_msg_server(boolean_t (*demux)(mach_msg_header_t *, mach_msg_header_t *),
		mach_msg_size_t max_size, mach_port_t rcv_name);

#endif /* _MACH_H_ */
