/* SPDX-License-Identifier: MIT */
/* <mach/exec/a.out.h>: the old a.out header and symbol format. */
#ifndef _MACH_A_OUT_
#define _MACH_A_OUT_

struct exec {
	unsigned long a_magic;		/* OMAGIC, NMAGIC, ZMAGIC or QMAGIC */
	unsigned long a_text;		/* text size */
	unsigned long a_data;		/* initialised data size */
	unsigned long a_bss;		/* bss size */
	unsigned long a_syms;		/* symbol table size */
	unsigned long a_entry;		/* entry point */
	unsigned long a_trsize;		/* text relocation size */
	unsigned long a_drsize;		/* data relocation size */
};

struct nlist {
	long n_strx;			/* offset of the name in the strings */
	unsigned char n_type;
	char n_other;
	short n_desc;
	unsigned long n_value;
};

#define OMAGIC	0407	/* impure: text writable, not shared */
#define NMAGIC	0410	/* pure: text read-only and shared */
#define ZMAGIC	0413	/* demand paged */
#define QMAGIC	0314	/* demand paged, header in the text */

#define N_GETMAGIC(ex)		((ex).a_magic & 0xffff)
/* Byte-swapped magic; the includer provides ntohl(). */
#define N_GETMAGIC_NET(ex)	(ntohl((ex).a_magic) & 0xffff)
#define N_BADMAG(ex) \
	(N_GETMAGIC(ex) != OMAGIC && N_GETMAGIC(ex) != NMAGIC && \
	 N_GETMAGIC(ex) != ZMAGIC && N_GETMAGIC(ex) != QMAGIC && \
	 N_GETMAGIC_NET(ex) != OMAGIC && N_GETMAGIC_NET(ex) != NMAGIC && \
	 N_GETMAGIC_NET(ex) != ZMAGIC && N_GETMAGIC_NET(ex) != QMAGIC)

#endif /* _MACH_A_OUT_ */
