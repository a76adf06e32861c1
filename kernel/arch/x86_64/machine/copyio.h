/* SPDX-License-Identifier: MIT */
/*
 * Copying to and from the current task's user memory.  A user range that
 * leaves the user half or touches an unmapped page makes the call fail;
 * the kernel never faults (the page-fault handler resumes at a fixup).
 */
#ifndef _MACHINE_COPYIO_H_
#define _MACHINE_COPYIO_H_

#include <stddef.h>

/* copyin / copyout: 0, or 1 for a bad user address (partial copy possible). */
int copyin(const void *uaddr, void *kaddr, size_t len);
int copyout(const void *kaddr, void *uaddr, size_t len);

/*
 * copyinstr: copy a NUL-terminated user string into kbuf (size bytes, the
 * NUL included).  0 with *lenp = length; 1 for a bad address; 2 when no NUL
 * occurs within size bytes.
 */
int copyinstr(const void *uaddr, char *kbuf, size_t size, size_t *lenp);

#endif /* _MACHINE_COPYIO_H_ */
