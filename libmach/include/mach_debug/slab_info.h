/* SPDX-License-Identifier: MIT */
/* <mach_debug/slab_info.h>: kernel allocator caches (host_slab_info). */
#ifndef _MACH_DEBUG_SLAB_INFO_H_
#define _MACH_DEBUG_SLAB_INFO_H_

#include <mach/machine/vm_types.h>
#include <mach/abi.h>

#define CACHE_NAME_MAX_LEN	32

typedef struct cache_info {
	int flags;
	rpc_vm_size_t cpu_pool_size;
	rpc_vm_size_t obj_size;
	rpc_vm_size_t align;
	rpc_vm_size_t buf_size;
	rpc_vm_size_t slab_size;
	rpc_long_natural_t bufs_per_slab;
	rpc_long_natural_t nr_objs;
	rpc_long_natural_t nr_bufs;
	rpc_long_natural_t nr_slabs;
	rpc_long_natural_t nr_free_slabs;
	char name[CACHE_NAME_MAX_LEN];
} cache_info_t;
typedef cache_info_t *cache_info_array_t;

MACH_ABI_OFFSET(cache_info_t, cpu_pool_size, 8);
MACH_ABI_OFFSET(cache_info_t, name, 88);
MACH_ABI_SIZE(cache_info_t, 120);

#endif /* _MACH_DEBUG_SLAB_INFO_H_ */
