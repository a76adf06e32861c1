/* SPDX-License-Identifier: MIT */
/*
 * Physical maps: 4-level x86_64 page tables.  Every pmap shares the kernel
 * half (PML4 slots 256..511 are copied from the kernel pmap at creation;
 * the kernel never adds PML4 slots after boot, only entries below them).
 *
 * Until the VM issue brings vm_objects, a user pmap owns the pages mapped
 * into it with PMAP_MANAGED: pmap_destroy frees them.
 *
 * Locking: none yet (one CPU, non-preemptible kernel).
 */
#ifndef _MACHINE_PMAP_H_
#define _MACHINE_PMAP_H_

#include <stdint.h>
#include <stdbool.h>
#include <machine/vm_param.h>
#include <machine/cpu.h>

struct pmap {
	uint64_t	*pml4;		/* physmap address */
	phys_addr_t	pml4_pa;
	uint64_t	resident;	/* managed pages mapped */
};
typedef struct pmap *pmap_t;

/* Protection bits for pmap_enter. */
#include <mach/vm_prot.h>	/* VM_PROT_READ, _WRITE, _EXECUTE */

/* Flags */
#define PMAP_MANAGED		0x1	/* page freed by pmap_destroy */
#define PMAP_KENTER_NOCACHE	0x2	/* device memory */

extern struct pmap kernel_pmap_store;
#define kernel_pmap (&kernel_pmap_store)

/*
 * pmap_bootstrap: adopt the boot page tables as the kernel pmap and drop the
 * identity mapping.  Conditions: boot, before any other pmap call.
 */
void pmap_bootstrap(void);

/* pmap_init: create the pmap zone.  Once, after zone_bootstrap. */
void pmap_init(void);

/*
 * pmap_create: a new user pmap sharing the kernel half.
 * Returns NULL when out of memory.  May not block.
 */
pmap_t pmap_create(void);

/*
 * pmap_destroy: free the user page tables and the managed pages.
 * Conditions: the pmap is not active on the CPU.
 */
void pmap_destroy(pmap_t pmap);

/*
 * pmap_enter: map the 4 KiB page `pa' at user address `va' with `prot'.
 * A page already mapped at va keeps its frame and gains the protections.
 * Returns KERN_SUCCESS, KERN_RESOURCE_SHORTAGE (no page-table memory) or
 * KERN_INVALID_ADDRESS (va outside the user half).
 */
int pmap_enter(pmap_t pmap, uint64_t va, phys_addr_t pa, unsigned prot,
	       unsigned flags);

/*
 * pmap_remove: unmap the user page at `va' (page-aligned) if mapped; a
 * managed page is freed.  Flushes the TLB entry when the pmap is active.
 */
void pmap_remove(pmap_t pmap, uint64_t va);

/* pmap_extract: the frame mapped at va, true if mapped. */
bool pmap_extract(pmap_t pmap, uint64_t va, phys_addr_t *pa);

/* pmap_kenter: map one kernel-half page (wired, global).  Panics on OOM. */
void pmap_kenter(uint64_t va, phys_addr_t pa, unsigned flags);

/* pmap_activate: load pmap on the CPU (no-op if already loaded). */
static inline void pmap_activate(pmap_t pmap)
{
	if (get_cr3() != pmap->pml4_pa)
		set_cr3(pmap->pml4_pa);
}

#endif /* _MACHINE_PMAP_H_ */
