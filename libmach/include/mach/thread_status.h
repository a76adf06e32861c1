/* SPDX-License-Identifier: MIT */
/* <mach/thread_status.h>: thread_get_state/thread_set_state. */
#ifndef _MACH_THREAD_STATUS_H_
#define _MACH_THREAD_STATUS_H_

#include <mach/machine/vm_types.h>
#include <mach/machine/thread_status.h>

/* The state is an array of natural_t whose shape the flavor gives. */
typedef natural_t *thread_state_t;
#define THREAD_STATE_MAX	(1024)
typedef natural_t thread_state_data_t[THREAD_STATE_MAX];

/* Flavor 0 lists the flavors a machine supports. */
#define THREAD_STATE_FLAVOR_LIST 0

#endif /* _MACH_THREAD_STATUS_H_ */
