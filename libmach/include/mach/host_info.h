/* SPDX-License-Identifier: MIT */
/* <mach/host_info.h>: host_info() flavors and the kernel version string. */
#ifndef _MACH_HOST_INFO_H_
#define _MACH_HOST_INFO_H_

#include <mach/machine.h>
#include <mach/machine/vm_types.h>
#include <mach/abi.h>

/* host_info() returns an array of integer_t; flavors give it a shape. */
typedef integer_t *host_info_t;
#define HOST_INFO_MAX		(1024)
typedef integer_t host_info_data_t[HOST_INFO_MAX];

#define KERNEL_VERSION_MAX	(512)
typedef char kernel_version_t[KERNEL_VERSION_MAX];

#define KERNEL_BOOT_INFO_MAX	(4096)
typedef char kernel_boot_info_t[KERNEL_BOOT_INFO_MAX];

#define HOST_BASIC_INFO		1
#define HOST_PROCESSOR_SLOTS	2
#define HOST_SCHED_INFO		3
#define HOST_LOAD_INFO		4

struct host_basic_info {
	integer_t max_cpus;
	integer_t avail_cpus;
	rpc_vm_size_t memory_size;	/* bytes */
	cpu_type_t cpu_type;
	cpu_subtype_t cpu_subtype;
};
typedef struct host_basic_info host_basic_info_data_t;
typedef struct host_basic_info *host_basic_info_t;
#define HOST_BASIC_INFO_COUNT \
	(sizeof(host_basic_info_data_t) / sizeof(integer_t))

struct host_sched_info {
	integer_t min_timeout;		/* ms */
	integer_t min_quantum;		/* ms */
};
typedef struct host_sched_info host_sched_info_data_t;
typedef struct host_sched_info *host_sched_info_t;
#define HOST_SCHED_INFO_COUNT \
	(sizeof(host_sched_info_data_t) / sizeof(integer_t))

struct host_load_info {
	integer_t avenrun[3];		/* scaled by LOAD_SCALE */
	integer_t mach_factor[3];	/* scaled by LOAD_SCALE */
};
typedef struct host_load_info host_load_info_data_t;
typedef struct host_load_info *host_load_info_t;
#define HOST_LOAD_INFO_COUNT \
	(sizeof(host_load_info_data_t) / sizeof(integer_t))

MACH_ABI_OFFSET(struct host_basic_info, memory_size, 8);
MACH_ABI_SIZE(struct host_basic_info, 24);
MACH_ABI_SIZE(struct host_sched_info, 8);
MACH_ABI_SIZE(struct host_load_info, 24);

#endif /* _MACH_HOST_INFO_H_ */
