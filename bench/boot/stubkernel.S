/* SPDX-License-Identifier: MIT */
/*
 * stubkernel.S: a multiboot kernel that does nothing but report the time
 * stamp counter at its entry and exit QEMU.  Under -icount shift=0 that is
 * what the firmware and QEMU's multiboot loader execute before any kernel
 * runs; its wall time is QEMU's own start-up.  bootbench.py subtracts both
 * from the real kernel's figures.
 *
 * Prints "STUB tsc=0xHHHHHHHHLLLLLLLL" on COM1, then writes 0x10 to the
 * isa-debug-exit port (QEMU exit status 33).
 */
#define COM1		0x3f8
#define COM1_LSR	(COM1 + 5)
#define LSR_THRE	0x20
#define DEBUG_EXIT	0xf4

	.section .multiboot, "a"
	.balign	4
	.long	0x1badb002		/* magic */
	.long	0			/* flags: ELF, nothing asked */
	.long	-0x1badb002		/* checksum */

	.text
	.code32
	.globl	_start
_start:
	rdtsc				/* first instruction */
	movl	%eax, %ebp
	movl	%edx, %edi
	movl	$prefix, %esi
	call	puts
	movl	%edi, %eax
	call	puthex
	movl	%ebp, %eax
	call	puthex
	movb	$'\n', %bl
	call	putc
	movw	$DEBUG_EXIT, %dx
	movb	$0x10, %al
	outb	%al, %dx
1:	hlt
	jmp	1b

/* puts: the NUL-terminated string at %esi. */
puts:
	lodsb
	testb	%al, %al
	jz	2f
	movb	%al, %bl
	call	putc
	jmp	puts
2:	ret

/* puthex: %eax as 8 hex digits. */
puthex:
	movl	%eax, %esi
	movl	$8, %ecx
3:	roll	$4, %esi
	movl	%esi, %eax
	andl	$15, %eax
	movb	digits(%eax), %bl
	call	putc
	loop	3b
	ret

/* putc: %bl on COM1 (clobbers %eax, %edx). */
putc:
	movw	$COM1_LSR, %dx
4:	inb	%dx, %al
	testb	$LSR_THRE, %al
	jz	4b
	movw	$COM1, %dx
	movb	%bl, %al
	outb	%al, %dx
	ret

	.section .rodata
prefix:	.asciz	"STUB tsc=0x"
digits:	.ascii	"0123456789abcdef"

	.section .note.GNU-stack, "", @progbits
