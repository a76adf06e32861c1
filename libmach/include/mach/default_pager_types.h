/* SPDX-License-Identifier: MIT */
/* <mach/default_pager_types.h>: types of default_pager.defs. */
#ifndef _MACH_DEFAULT_PAGER_TYPES_H_
#define _MACH_DEFAULT_PAGER_TYPES_H_

#include <mach/machine/vm_types.h>
#include <mach/abi.h>

typedef struct default_pager_info {
	vm_size_t dpi_total_space;	/* paging space, bytes */
	vm_size_t dpi_free_space;	/* of which free */
	vm_size_t dpi_page_size;	/* the pager's page size */
} default_pager_info_t;

typedef struct default_pager_object {
	vm_offset_t dpo_object;		/* the object, as a number */
	vm_size_t dpo_size;		/* its paged-out size */
} default_pager_object_t;
typedef default_pager_object_t *default_pager_object_array_t;

typedef struct default_pager_page {
	vm_offset_t dpp_offset;		/* a paged-out page's offset */
} default_pager_page_t;
typedef default_pager_page_t *default_pager_page_array_t;

typedef char default_pager_filename_t[256];
typedef const char *const_default_pager_filename_t;

MACH_ABI_SIZE(default_pager_info_t, 24);
MACH_ABI_SIZE(default_pager_object_t, 16);
MACH_ABI_SIZE(default_pager_page_t, 8);

#endif /* _MACH_DEFAULT_PAGER_TYPES_H_ */
