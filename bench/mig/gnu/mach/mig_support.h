/* SPDX-License-Identifier: MIT */
/*
 * The run-time interface GNU MIG's stubs include as <mach/mig_support.h>
 * (glibc provides it on the Hurd; gnumach-dev does not ship it).  Used only
 * to build GNU MIG's side of bench/mig against gnumach-dev's headers.
 */
#ifndef BENCH_GNU_MIG_SUPPORT_H
#define BENCH_GNU_MIG_SUPPORT_H

#include <mach/std_types.h>
#include <mach/message.h>

extern mach_port_t mig_get_reply_port(void);
extern void mig_dealloc_reply_port(mach_port_t);
extern void mig_put_reply_port(mach_port_t);
extern void mig_allocate(vm_address_t *, vm_size_t);
extern void mig_deallocate(vm_address_t, vm_size_t);
extern int mig_strncpy(char *, const char *, int);

#endif
