/* SPDX-License-Identifier: MIT */
/*
 * <mach/exec/exec.h>: the executable-loader interface: exec_load() reads
 * an image through two callbacks and reports where it starts.
 */
#ifndef _MACH_EXEC_H_
#define _MACH_EXEC_H_

#include <mach/machine/vm_types.h>
#include <mach/vm_prot.h>

typedef enum {
	EXEC_ELF = 1,
	EXEC_AOUT = 2
} exec_format_t;

typedef struct exec_info {
	exec_format_t format;	/* what kind of image it was */
	vm_offset_t entry;	/* entry point */
	vm_offset_t init_dp;	/* initial data pointer (where used) */
	vm_offset_t interp;	/* ELF: address of the interpreter path, or 0 */
} exec_info_t;

/* What a section is, given to the read_exec callback. */
typedef int exec_sectype_t;
#define EXEC_SECTYPE_READ	VM_PROT_READ
#define EXEC_SECTYPE_WRITE	VM_PROT_WRITE
#define EXEC_SECTYPE_EXECUTE	VM_PROT_EXECUTE
#define EXEC_SECTYPE_PROT_MASK	VM_PROT_ALL
#define EXEC_SECTYPE_ALLOC	((exec_sectype_t)0x000100) /* occupies memory */
#define EXEC_SECTYPE_LOAD	((exec_sectype_t)0x000200) /* loaded from the file */
#define EXEC_SECTYPE_DEBUG	((exec_sectype_t)0x010000) /* debug info */
#define EXEC_SECTYPE_AOUT_SYMTAB ((exec_sectype_t)0x020000)
#define EXEC_SECTYPE_AOUT_STRTAB ((exec_sectype_t)0x040000)

/* Read size bytes at file_ofs into buf; *out_actual gets the count. */
typedef int exec_read_func_t(void *handle, vm_offset_t file_ofs,
			     void *buf, vm_size_t size,
			     vm_size_t *out_actual);

/* Map or copy a section to mem_addr, zero-filling past file_size. */
typedef int exec_read_exec_func_t(void *handle,
				  vm_offset_t file_ofs, vm_size_t file_size,
				  vm_offset_t mem_addr, vm_size_t mem_size,
				  exec_sectype_t section_type);

int exec_load(exec_read_func_t *read, exec_read_exec_func_t *read_exec,
	      void *handle, exec_info_t *out_info);

/* exec_load() errors (any other nonzero value comes from a callback). */
#define EX_NOT_EXECUTABLE	6000	/* not a format this loader knows */
#define EX_WRONG_ARCH		6001	/* for another machine */
#define EX_CORRUPT		6002	/* inconsistent headers */
#define EX_BAD_LAYOUT		6003	/* sections we cannot place */

#endif /* _MACH_EXEC_H_ */
