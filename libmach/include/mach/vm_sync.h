/* SPDX-License-Identifier: MIT */
/* <mach/vm_sync.h>: vm_msync() flags. */
#ifndef _MACH_VM_SYNC_H_
#define _MACH_VM_SYNC_H_

typedef int vm_sync_t;

#define VM_SYNC_ASYNCHRONOUS	((vm_sync_t) 0x01)	/* start, don't wait */
#define VM_SYNC_SYNCHRONOUS	((vm_sync_t) 0x02)	/* wait for completion */
#define VM_SYNC_INVALIDATE	((vm_sync_t) 0x04)	/* drop cached pages */

#endif /* _MACH_VM_SYNC_H_ */
