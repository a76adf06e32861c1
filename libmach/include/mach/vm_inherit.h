/* SPDX-License-Identifier: MIT */
/* <mach/vm_inherit.h>: what a child task gets of a region. */
#ifndef _MACH_VM_INHERIT_H_
#define _MACH_VM_INHERIT_H_

typedef int vm_inherit_t;

#define VM_INHERIT_SHARE	((vm_inherit_t) 0)	/* shared with the child */
#define VM_INHERIT_COPY		((vm_inherit_t) 1)	/* copied into the child */
#define VM_INHERIT_NONE		((vm_inherit_t) 2)	/* absent in the child */

#define VM_INHERIT_DEFAULT	VM_INHERIT_COPY

#endif /* _MACH_VM_INHERIT_H_ */
