/* SPDX-License-Identifier: MIT */
/* ELF64 loader for boot modules: validate everything, then map. */
#include <kern/elf.h>
#include <kern/task.h>
#include <vm/vm_fault.h>
#include <machine/vm_param.h>

#define ELF_MAX_PHDRS	64

/* Highest address a segment may reach: below the stack region. */
#define ELF_TOP		(USER_STACK_TOP - USER_STACK_SIZE)

static const char *elf_check(const unsigned char *img, size_t size)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)img;
	bool has_load = false;

	if (size < sizeof(Elf64_Ehdr))
		return "too small for an ELF header";
	if (img[0] != 0x7f || img[1] != 'E' || img[2] != 'L' || img[3] != 'F')
		return "not an ELF file";
	if (img[4] != 2 || img[5] != 1)
		return "not ELF64 little-endian";
	if (eh->e_type != ET_EXEC || eh->e_machine != EM_X86_64)
		return "not an x86_64 ET_EXEC executable";
	if (eh->e_phentsize != sizeof(Elf64_Phdr) || eh->e_phnum == 0 ||
	    eh->e_phnum > ELF_MAX_PHDRS)
		return "bad program header table";
	if (eh->e_phoff > size ||
	    size - eh->e_phoff < (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr))
		return "program headers outside the file";
	if (eh->e_entry < VM_MIN_USER_ADDRESS || eh->e_entry >= ELF_TOP)
		return "entry point outside the user range";

	const Elf64_Phdr *ph = (const Elf64_Phdr *)(img + eh->e_phoff);

	for (unsigned i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		has_load = true;
		if (ph[i].p_filesz > ph[i].p_memsz)
			return "segment file size exceeds memory size";
		if (ph[i].p_offset > size || size - ph[i].p_offset < ph[i].p_filesz)
			return "segment outside the file";
		if (ph[i].p_vaddr < VM_MIN_USER_ADDRESS ||
		    ph[i].p_vaddr > ELF_TOP ||
		    ELF_TOP - ph[i].p_vaddr < ph[i].p_memsz)
			return "segment outside the user range";
	}
	if (!has_load)
		return "no PT_LOAD segment";
	return NULL;
}

kern_return_t elf_load(struct task *task, const void *image, size_t size,
		       uint64_t *entryp, const char **whyp)
{
	const unsigned char *img = image;
	const char *why = elf_check(img, size);

	if (why != NULL) {
		*whyp = why;
		return KERN_INVALID_ARGUMENT;
	}
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)img;
	const Elf64_Phdr *ph = (const Elf64_Phdr *)(img + eh->e_phoff);

	for (unsigned i = 0; i < eh->e_phnum; i++) {
		unsigned prot = 0;
		kern_return_t kr;

		if (ph[i].p_type != PT_LOAD || ph[i].p_memsz == 0)
			continue;
		if (ph[i].p_flags & PF_R)
			prot |= VM_PROT_READ;
		if (ph[i].p_flags & PF_W)
			prot |= VM_PROT_WRITE;
		if (ph[i].p_flags & PF_X)
			prot |= VM_PROT_EXECUTE;
		kr = vm_fill(task, ph[i].p_vaddr, img + ph[i].p_offset,
			     ph[i].p_filesz, prot);
		if (kr == KERN_SUCCESS && ph[i].p_memsz > ph[i].p_filesz)
			kr = vm_fill(task, ph[i].p_vaddr + ph[i].p_filesz, NULL,
				     ph[i].p_memsz - ph[i].p_filesz, prot);
		if (kr != KERN_SUCCESS) {
			*whyp = "out of memory";
			return KERN_RESOURCE_SHORTAGE;
		}
	}
	*entryp = eh->e_entry;
	return KERN_SUCCESS;
}
