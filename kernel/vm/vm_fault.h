/* SPDX-License-Identifier: MIT */
/*
 * User page faults and boot-time population of user memory.  Until the VM
 * issue brings vm_maps, a task's memory is what the ELF loader mapped plus a
 * demand-zero stack region [task->stack_lo, task->stack_hi).
 */
#ifndef _VM_VM_FAULT_H_
#define _VM_VM_FAULT_H_

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>
#include <mach/kern_return.h>

struct task;

/*
 * vm_fault: resolve a user fault at `addr'.  Returns KERN_SUCCESS when a
 * page was mapped (demand-zero stack), KERN_INVALID_ADDRESS otherwise.
 */
kern_return_t vm_fault(struct task *task, uint64_t addr, bool write);

/*
 * vm_fill: write `len' bytes at user address `va' of `task' (from `src',
 * or zeroes when src is NULL), mapping fresh zeroed pages with `prot'
 * where nothing is mapped yet.  For the boot loader; the task need not be
 * the current one.  Returns KERN_SUCCESS, KERN_INVALID_ADDRESS or
 * KERN_RESOURCE_SHORTAGE.
 */
kern_return_t vm_fill(struct task *task, uint64_t va, const void *src,
		      size_t len, unsigned prot);

#endif /* _VM_VM_FAULT_H_ */
