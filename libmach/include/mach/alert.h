/* SPDX-License-Identifier: MIT */
/* <mach/alert.h>: thread alert bits. */
#ifndef _MACH_ALERT_H_
#define _MACH_ALERT_H_

#define ALERT_BITS		32		/* bits in an alert word */
#define ALERT_ABORT_STRONG	0x00000001	/* kernel: abort now */
#define ALERT_ABORT_SAFE	0x00000002	/* kernel: abort when safe */
#define ALERT_USER		0xffff0000	/* free for user tasks */

#endif /* _MACH_ALERT_H_ */
