/* SPDX-License-Identifier: MIT */
/*
 * <mach/machine/vm_types.h>: the basic integer types of the x86_64 ABI.
 *
 * natural_t and integer_t are 32 bits wide, as in every Mach message;
 * addresses and sizes (vm_offset_t, vm_size_t, vm_address_t) are 64 bits.
 * The rpc_* names are the widths the types have on the wire; with a
 * 64-bit user space they are the same as the native ones, so the
 * convert_* hooks the type .defs name in KERNEL_SERVER mode are identities.
 */
#ifndef _MACH_MACHINE_VM_TYPES_H_
#define _MACH_MACHINE_VM_TYPES_H_

#ifndef __ASSEMBLER__

#include <stdint.h>

typedef uint32_t natural_t;
typedef int32_t integer_t;

/* Integers as wide as an address. */
typedef unsigned long long_natural_t;
typedef long long_integer_t;

typedef uintptr_t vm_offset_t;
typedef uintptr_t vm_size_t;
typedef vm_offset_t vm_address_t;
typedef vm_offset_t *vm_offset_array_t;
typedef vm_size_t *vm_size_array_t;

/* Physical addresses are 64 bits everywhere. */
typedef unsigned long long phys_addr_t;
typedef unsigned long long rpc_phys_addr_t;

/* Wire widths (identical to the native widths for 64-bit user tasks). */
typedef uintptr_t rpc_uintptr_t;
typedef vm_offset_t rpc_vm_address_t;
typedef vm_offset_t rpc_vm_offset_t;
typedef vm_size_t rpc_vm_size_t;
typedef long_natural_t rpc_long_natural_t;
typedef long_integer_t rpc_long_integer_t;

/*
 * Conversions between the native and the wire widths, named by GNU Mach's
 * type .defs in KERNEL_SERVER mode: identities here.
 */
#define convert_vm_to_user(x)			(x)
#define convert_vm_from_user(x)			(x)
#define convert_long_integer_to_user(x)		(x)
#define convert_long_integer_from_user(x)	(x)
#define convert_long_natural_to_user(x)		(x)
#define convert_long_natural_from_user(x)	(x)

#endif /* __ASSEMBLER__ */

/* The MIG type name of an integer_t. */
#define MACH_MSG_TYPE_INTEGER_T	MACH_MSG_TYPE_INTEGER_32

#endif /* _MACH_MACHINE_VM_TYPES_H_ */
