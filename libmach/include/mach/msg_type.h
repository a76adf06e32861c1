/* SPDX-License-Identifier: MIT */
/* <mach/msg_type.h>: extra msgt_name flag bits of old user code. */
#ifndef _MACH_MSG_TYPE_H_
#define _MACH_MSG_TYPE_H_

#define MSG_TYPE_CAMELOT	(1 << 6)
#define MSG_TYPE_ENCRYPTED	(1 << 7)
#define MSG_TYPE_RPC		(1 << 8)

#include <mach/message.h>

#endif /* _MACH_MSG_TYPE_H_ */
