/* SPDX-License-Identifier: MIT */
/* Demand-zero stack faults and boot-time user memory population. */
#include <vm/vm_fault.h>
#include <kern/task.h>
#include <kern/pmem.h>
#include <kern/kstring.h>
#include <machine/pmap.h>
#include <machine/vm_param.h>

/* Map a fresh zeroed page at va (page-aligned). */
static kern_return_t vm_zero_page(struct task *task, uint64_t va,
				  unsigned prot, phys_addr_t *pap)
{
	phys_addr_t pa = pmem_alloc(1);
	kern_return_t kr;

	if (pa == 0)
		return KERN_RESOURCE_SHORTAGE;
	memset(phystokv(pa), 0, PAGE_SIZE);
	kr = pmap_enter(task->map, va, pa, prot, PMAP_MANAGED);
	if (kr != KERN_SUCCESS) {
		pmem_free(pa, 1);
		return kr;
	}
	*pap = pa;
	return KERN_SUCCESS;
}

kern_return_t vm_fault(struct task *task, uint64_t addr, bool write)
{
	phys_addr_t pa;

	(void)write;
	if (addr < task->stack_lo || addr >= task->stack_hi)
		return KERN_INVALID_ADDRESS;
	if (pmap_extract(task->map, addr, &pa))
		return KERN_INVALID_ADDRESS;	/* present: a protection fault */
	return vm_zero_page(task, trunc_page(addr),
			    VM_PROT_READ | VM_PROT_WRITE, &pa);
}

kern_return_t vm_fill(struct task *task, uint64_t va, const void *src,
		      size_t len, unsigned prot)
{
	const char *s = src;

	if (va < VM_MIN_USER_ADDRESS || va + len < va ||
	    va + len > VM_MAX_USER_ADDRESS)
		return KERN_INVALID_ADDRESS;
	while (len > 0) {
		uint64_t page = trunc_page(va);
		size_t off = va - page;
		size_t n = PAGE_SIZE - off;
		phys_addr_t pa;
		kern_return_t kr;

		if (n > len)
			n = len;
		if (pmap_extract(task->map, page, &pa)) {
			kr = pmap_enter(task->map, page, pa, prot, 0);
		} else {
			kr = vm_zero_page(task, page, prot, &pa);
		}
		if (kr != KERN_SUCCESS)
			return kr;
		pa = trunc_page(pa);
		if (s != NULL) {
			memcpy((char *)phystokv(pa) + off, s, n);
			s += n;
		} else {
			memset((char *)phystokv(pa) + off, 0, n);
		}
		va += n;
		len -= n;
	}
	return KERN_SUCCESS;
}
