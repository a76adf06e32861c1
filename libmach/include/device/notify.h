/* SPDX-License-Identifier: MIT */
/* <device/notify.h>: device interrupt notifications (experimental.defs). */
#ifndef _MACH_DEVICE_NOTIFY_H_
#define _MACH_DEVICE_NOTIFY_H_

#include <mach/port.h>
#include <mach/message.h>
#include <mach/abi.h>

typedef struct {
	mach_msg_header_t intr_header;
	mach_msg_type_t intr_type;	/* INTEGER_32 */
	int id;				/* the interrupt line */
} device_intr_notification_t;

MACH_ABI_SIZE(device_intr_notification_t, 48);

#define DEVICE_INTR_NOTIFY	100	/* msgh_id */

#endif /* _MACH_DEVICE_NOTIFY_H_ */
