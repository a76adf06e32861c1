/* SPDX-License-Identifier: MIT */
/* 4-level x86_64 page tables. */
#include <stddef.h>
#include <machine/pmap.h>
#include <machine/cpu.h>
#include <mach/kern_return.h>
#include <kern/pmem.h>
#include <kern/kstring.h>
#include <kern/panic.h>
#include <kern/zalloc.h>

#define PTE_P		0x001ULL
#define PTE_W		0x002ULL
#define PTE_U		0x004ULL
#define PTE_PWT		0x008ULL
#define PTE_PCD		0x010ULL
#define PTE_PS		0x080ULL
#define PTE_G		0x100ULL
#define PTE_MANAGED	0x200ULL	/* software bit: owned by the pmap */
#define PTE_NX		(1ULL << 63)
#define PTE_FRAME	0x000ffffffffff000ULL

#define PML4_INDEX(va)	(((va) >> 39) & 0x1ff)
#define PDPT_INDEX(va)	(((va) >> 30) & 0x1ff)
#define PD_INDEX(va)	(((va) >> 21) & 0x1ff)
#define PT_INDEX(va)	(((va) >> 12) & 0x1ff)

struct pmap kernel_pmap_store;
static uint64_t pte_nx;		/* PTE_NX when EFER.NXE is on */
static zone_t pmap_zone;

extern uint64_t boot_pml4[];

void pmap_bootstrap(void)
{
	kernel_pmap_store.pml4 = boot_pml4;
	kernel_pmap_store.pml4_pa = kvtophys(boot_pml4);
	boot_pml4[0] = 0;			/* drop the identity map */
	set_cr3(kernel_pmap_store.pml4_pa);
	if (rdmsr(MSR_EFER) & EFER_NXE)
		pte_nx = PTE_NX;
}

/* A zeroed page-table page, or 0. */
static phys_addr_t pmap_table_alloc(void)
{
	phys_addr_t pa = pmem_alloc(1);

	if (pa != 0)
		memset(phystokv(pa), 0, PAGE_SIZE);
	return pa;
}

/*
 * The entry for va at `level' below `table' (3 = PDPT ... 1 = PT), creating
 * missing tables with `upper' flags.  NULL when out of memory or when
 * `create' is false and the path is missing.
 */
static uint64_t *pmap_walk(uint64_t *pml4, uint64_t va, bool create,
			   uint64_t upper)
{
	uint64_t *table = pml4;
	unsigned shift = 39;

	for (int level = 4; level > 1; level--, shift -= 9) {
		uint64_t *e = &table[(va >> shift) & 0x1ff];

		if (!(*e & PTE_P)) {
			if (!create)
				return NULL;
			phys_addr_t pa = pmap_table_alloc();

			if (pa == 0)
				return NULL;
			*e = pa | upper;
		} else if (*e & PTE_PS) {
			return NULL;		/* large page: not ours */
		}
		table = phystokv(*e & PTE_FRAME);
	}
	return &table[PT_INDEX(va)];
}

void pmap_init(void)
{
	pmap_zone = zone_create("pmap", sizeof(struct pmap), 0);
}

pmap_t pmap_create(void)
{
	pmap_t pmap = zalloc(pmap_zone);

	if (pmap == NULL)
		return NULL;
	phys_addr_t pa = pmap_table_alloc();

	if (pa == 0) {
		zfree(pmap_zone, pmap);
		return NULL;
	}
	pmap->pml4 = phystokv(pa);
	pmap->pml4_pa = pa;
	pmap->resident = 0;
	for (unsigned i = 256; i < 512; i++)
		pmap->pml4[i] = kernel_pmap->pml4[i];
	return pmap;
}

/* Free a user table at `level' (4 = PML4 slots 0..255) and what it maps. */
static void pmap_free_level(uint64_t *table, int level, unsigned nent)
{
	for (unsigned i = 0; i < nent; i++) {
		uint64_t e = table[i];

		if (!(e & PTE_P))
			continue;
		if (level == 1) {
			if (e & PTE_MANAGED)
				pmem_free(e & PTE_FRAME, 1);
			continue;
		}
		pmap_free_level(phystokv(e & PTE_FRAME), level - 1, 512);
		pmem_free(e & PTE_FRAME, 1);
	}
}

void pmap_destroy(pmap_t pmap)
{
	if (pmap == NULL || pmap == kernel_pmap)
		return;
	pmap_free_level(pmap->pml4, 4, 256);
	pmem_free(pmap->pml4_pa, 1);
	zfree(pmap_zone, pmap);
}

int pmap_enter(pmap_t pmap, uint64_t va, phys_addr_t pa, unsigned prot,
	       unsigned flags)
{
	if (va < VM_MIN_USER_ADDRESS || va >= VM_MAX_USER_ADDRESS)
		return KERN_INVALID_ADDRESS;
	uint64_t *pte = pmap_walk(pmap->pml4, va, true, PTE_P | PTE_W | PTE_U);

	if (pte == NULL)
		return KERN_RESOURCE_SHORTAGE;
	uint64_t bits = PTE_P | PTE_U;

	if (prot & VM_PROT_WRITE)
		bits |= PTE_W;
	if (*pte & PTE_P) {
		/* Widen an existing mapping (segments sharing a page). */
		uint64_t e = *pte | bits;

		if (prot & VM_PROT_EXECUTE)
			e &= ~PTE_NX;
		*pte = e;
		invlpg(va);
		return KERN_SUCCESS;
	}
	if (!(prot & VM_PROT_EXECUTE))
		bits |= pte_nx;
	if (flags & PMAP_MANAGED) {
		bits |= PTE_MANAGED;
		pmap->resident++;
	}
	*pte = (pa & PTE_FRAME) | bits;
	return KERN_SUCCESS;
}

void pmap_remove(pmap_t pmap, uint64_t va)
{
	uint64_t *pte = pmap_walk(pmap->pml4, va, false, 0);
	uint64_t e;

	if (pte == NULL || !((e = *pte) & PTE_P))
		return;
	*pte = 0;
	if (e & PTE_MANAGED) {
		pmem_free(e & PTE_FRAME, 1);
		if (pmap->resident > 0)
			pmap->resident--;
	}
	__asm__ volatile("invlpg (%0)" : : "r"(va) : "memory");
}

bool pmap_extract(pmap_t pmap, uint64_t va, phys_addr_t *pa)
{
	uint64_t *pte = pmap_walk(pmap->pml4, va, false, 0);

	if (pte == NULL || !(*pte & PTE_P))
		return false;
	*pa = (*pte & PTE_FRAME) | (va & PAGE_MASK);
	return true;
}

void pmap_kenter(uint64_t va, phys_addr_t pa, unsigned flags)
{
	uint64_t *pte = pmap_walk(kernel_pmap->pml4, va, true, PTE_P | PTE_W);

	if (pte == NULL)
		panic("pmap_kenter: no memory for 0x%lx", va);
	*pte = (pa & PTE_FRAME) | PTE_P | PTE_W | PTE_G | pte_nx |
	       ((flags & PMAP_KENTER_NOCACHE) ? (PTE_PCD | PTE_PWT) : 0);
	invlpg(va);
}

