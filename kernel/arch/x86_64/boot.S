/* SPDX-License-Identifier: MIT */
/*
 * Multiboot v1 entry.  The loader jumps to _start (physical address) in
 * 32-bit protected mode with paging off, %eax = multiboot magic and
 * %ebx = physical address of the multiboot info.  We build boot page
 * tables mapping the first 1 GiB three times (identity, physmap, and
 * KERNBASE), enter long mode and jump to the higher-half kernel.
 */
#include <machine/vm_param.h>

#define MB_MAGIC	0x1badb002
/*
 * Page-align modules, want the memory map, and take the load addresses
 * below rather than the ELF headers (bit 16): the ELF32 made by objcopy
 * keeps the higher-half virtual addresses, truncated, which GRUB would
 * reject ("entry point isn't in a segment"); QEMU and GRUB both honour
 * these fields.  The file image is contiguous from .text to the end of
 * .ksyms (kernel.ld), as this requires.
 */
#define MB_FLAGS	0x00010003

#define PA(sym)		((sym) - KERNBASE)

	.section .multiboot, "a"
	.align 4
mb_header:
	.long	MB_MAGIC
	.long	MB_FLAGS
	.long	-(MB_MAGIC + MB_FLAGS)
	.long	PA(mb_header)			/* header_addr */
	.long	PA(_kernel_start)		/* load_addr */
	.long	PA(_load_end)			/* load_end_addr */
	.long	PA(_kernel_end)			/* bss_end_addr */
	.long	PA(_start)			/* entry_addr */

	.section .boot.text, "ax"
	.code32
	.globl	_start
_start:
	cli
	cld
	movl	%eax, %ebp			/* multiboot magic */
	/* %ebx: multiboot info, kept untouched */
	movl	$PA(boot_stack_top), %esp

	/* boot_pd: 512 x 2 MiB pages = the first 1 GiB */
	movl	$PA(boot_pd), %edi
	movl	$0x83, %eax			/* P | W | PS */
	xorl	%ecx, %ecx
1:	movl	%eax, (%edi,%ecx,8)
	movl	$0, 4(%edi,%ecx,8)
	addl	$0x200000, %eax
	incl	%ecx
	cmpl	$512, %ecx
	jb	1b

	/* boot_pdpt_lo[0] -> boot_pd (identity and physmap share it) */
	movl	$PA(boot_pd) + 3, %eax
	movl	%eax, PA(boot_pdpt_lo)
	/* boot_pdpt_hi[510] -> boot_pd (KERNBASE = -2 GiB) */
	movl	%eax, PA(boot_pdpt_hi) + 510 * 8
	movl	$PA(boot_pdpt_lo) + 3, %eax
	movl	%eax, PA(boot_pml4)		/* [0]: identity, dropped later */
	movl	%eax, PA(boot_pml4) + 256 * 8	/* [256]: physmap */
	movl	$PA(boot_pdpt_hi) + 3, %eax
	movl	%eax, PA(boot_pml4) + 511 * 8	/* [511]: kernel image */

	/* CR4.PAE | CR4.PGE */
	movl	%cr4, %eax
	orl	$0xa0, %eax
	movl	%eax, %cr4
	movl	$PA(boot_pml4), %eax
	movl	%eax, %cr3

	/* EFER: LME | SCE, and NXE when the CPU has NX */
	pushl	%ebx			/* cpuid clobbers %ebx */
	movl	$0x80000001, %eax
	cpuid
	popl	%ebx
	movl	%edx, %esi
	movl	$0xc0000080, %ecx
	rdmsr
	orl	$0x101, %eax
	testl	$(1 << 20), %esi
	jz	2f
	orl	$0x800, %eax
2:	wrmsr

	/* CR0.PG | CR0.WP */
	movl	%cr0, %eax
	orl	$0x80010000, %eax
	movl	%eax, %cr0

	lgdt	PA(boot_gdtr)
	ljmp	$0x08, $PA(boot_long)

	.code64
boot_long:
	movabsq	$boot_high, %rax
	jmp	*%rax

	.text
boot_high:
	movl	$0x10, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs
	movabsq	$boot_stack_top, %rsp
	movl	%ebp, %edi			/* multiboot magic */
	movl	%ebx, %esi			/* multiboot info (physical) */
	xorl	%ebp, %ebp			/* end of the backtrace chain */
	call	x86_64_boot
1:	hlt
	jmp	1b

	.section .boot.data, "aw"
	.align 16
boot_gdt:
	.quad	0
	.quad	0x00af9a000000ffff		/* 0x08: 64-bit kernel code */
	.quad	0x00cf92000000ffff		/* 0x10: kernel data */
boot_gdt_end:
boot_gdtr:
	.word	boot_gdt_end - boot_gdt - 1
	.long	PA(boot_gdt)

	.section .bss
	.align 4096
	.globl	boot_pml4
boot_pml4:	.skip 4096
	.globl	boot_pdpt_lo
boot_pdpt_lo:	.skip 4096
	.globl	boot_pdpt_hi
boot_pdpt_hi:	.skip 4096
	.globl	boot_pd
boot_pd:	.skip 4096
	.globl	boot_stack
boot_stack:	.skip 16384
	.globl	boot_stack_top
boot_stack_top:

	.section .note.GNU-stack, "", @progbits
