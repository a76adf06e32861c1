/* SPDX-License-Identifier: MIT */
/* ELF64 structures and the loader for boot modules. */
#ifndef _KERN_ELF_H_
#define _KERN_ELF_H_

#include <stdint.h>
#include <stddef.h>
#include <mach/kern_return.h>

typedef struct {
	unsigned char	e_ident[16];
	uint16_t	e_type;
	uint16_t	e_machine;
	uint32_t	e_version;
	uint64_t	e_entry;
	uint64_t	e_phoff;
	uint64_t	e_shoff;
	uint32_t	e_flags;
	uint16_t	e_ehsize;
	uint16_t	e_phentsize;
	uint16_t	e_phnum;
	uint16_t	e_shentsize;
	uint16_t	e_shnum;
	uint16_t	e_shstrndx;
} Elf64_Ehdr;

typedef struct {
	uint32_t	p_type;
	uint32_t	p_flags;
	uint64_t	p_offset;
	uint64_t	p_vaddr;
	uint64_t	p_paddr;
	uint64_t	p_filesz;
	uint64_t	p_memsz;
	uint64_t	p_align;
} Elf64_Phdr;

_Static_assert(sizeof(Elf64_Ehdr) == 64, "Elf64_Ehdr is 64 bytes");
_Static_assert(sizeof(Elf64_Phdr) == 56, "Elf64_Phdr is 56 bytes");

#define ET_EXEC		2
#define EM_X86_64	62
#define PT_LOAD		1
#define PF_X		1
#define PF_W		2
#define PF_R		4

struct task;

/*
 * elf_load: load the static ELF64 executable `image' (size bytes, kernel
 * memory) into `task': every PT_LOAD at its vaddr with its permissions,
 * bss zeroed.  The whole image is checked before anything is mapped.
 * Returns KERN_SUCCESS (*entryp set), KERN_INVALID_ARGUMENT with *whyp
 * saying what is wrong with the image, or KERN_RESOURCE_SHORTAGE.
 */
kern_return_t elf_load(struct task *task, const void *image, size_t size,
		       uint64_t *entryp, const char **whyp);

#endif /* _KERN_ELF_H_ */
