/* SPDX-License-Identifier: MIT */
/* <mach/vm_attributes.h>: vm_machine_attribute() attributes and values. */
#ifndef _MACH_VM_ATTRIBUTES_H_
#define _MACH_VM_ATTRIBUTES_H_

typedef unsigned int vm_machine_attribute_t;

#define MATTR_CACHE		1	/* cachability */
#define MATTR_MIGRATE		2	/* migrability */
#define MATTR_REPLICATE		4	/* replicability */

typedef int vm_machine_attribute_val_t;

#define MATTR_VAL_OFF		0	/* (generic) turn off */
#define MATTR_VAL_ON		1	/* (generic) turn on */
#define MATTR_VAL_GET		2	/* (generic) return the current value */
#define MATTR_VAL_CACHE_FLUSH	6	/* flush from all caches */
#define MATTR_VAL_DCACHE_FLUSH	7	/* flush from the data cache */
#define MATTR_VAL_ICACHE_FLUSH	8	/* flush from the instruction cache */

#endif /* _MACH_VM_ATTRIBUTES_H_ */
