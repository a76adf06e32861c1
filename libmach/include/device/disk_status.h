/* SPDX-License-Identifier: MIT */
/* <device/disk_status.h>: BSD disk labels and disk control codes. */
#ifndef _DISK_STATUS_H_
#define _DISK_STATUS_H_

#include <mach/machine/ioccom.h>
#ifndef LOCORE
#include <device/device_types.h>
#endif

#define LABELSECTOR	0		/* sector holding the label */
#define LABELOFFSET	64		/* byte offset of the label in it */
#define DISKMAGIC	((unsigned int) 0x82564557U)

#ifndef MAXPARTITIONS
#define MAXPARTITIONS	8
#endif

#ifndef LOCORE
struct disklabel {
	unsigned int d_magic;		/* DISKMAGIC */
	short d_type;			/* DTYPE_* */
	short d_subtype;		/* controller-specific */
	char d_typename[16];		/* drive type */
#if defined(KERNEL) || defined(STANDALONE)
	char d_packname[16];		/* pack identifier */
#else
	union {
		char un_d_packname[16];
		struct {
			char *un_d_boot0;	/* primary bootstrap */
			char *un_d_boot1;	/* secondary bootstrap */
		} un_b;
	} d_un;
#define d_packname	d_un.un_d_packname
#define d_boot0		d_un.un_b.un_d_boot0
#define d_boot1		d_un.un_b.un_d_boot1
#endif
	/* Geometry. */
	unsigned int d_secsize;		/* bytes per sector */
	unsigned int d_nsectors;	/* data sectors per track */
	unsigned int d_ntracks;		/* tracks per cylinder */
	unsigned int d_ncylinders;	/* data cylinders per unit */
	unsigned int d_secpercyl;	/* data sectors per cylinder */
	unsigned int d_secperunit;	/* data sectors per unit */
	unsigned short d_sparespertrack;
	unsigned short d_sparespercyl;
	unsigned int d_acylinders;	/* alternate cylinders */
	/* Hardware characteristics. */
	unsigned short d_rpm;
	unsigned short d_interleave;
	unsigned short d_trackskew;
	unsigned short d_cylskew;
	unsigned int d_headswitch;	/* head switch time, us */
	unsigned int d_trkseek;		/* track-to-track seek, us */
	unsigned int d_flags;		/* D_* */
#define NDDATA 5
	unsigned int d_drivedata[NDDATA];	/* drive-type specific */
#define NSPARE 5
	unsigned int d_spare[NSPARE];
	unsigned int d_magic2;		/* DISKMAGIC */
	unsigned short d_checksum;	/* xor of the label */
	/* Partitions. */
	unsigned short d_npartitions;
	unsigned int d_bbsize;		/* boot area size */
	unsigned int d_sbsize;		/* max file system super block size */
	struct partition {
		unsigned int p_size;	/* sectors */
		unsigned int p_offset;	/* first sector */
		unsigned int p_fsize;	/* file system fragment size */
		unsigned char p_fstype;	/* FS_* */
		unsigned char p_frag;	/* fragments per block */
		unsigned short p_cpg;	/* cylinders per group */
	} d_partitions[MAXPARTITIONS + 1];
};
#else /* LOCORE */
	.set	d_secsize,40
	.set	d_nsectors,44
	.set	d_ntracks,48
	.set	d_ncylinders,52
	.set	d_secpercyl,56
	.set	d_secperunit,60
	.set	d_end_,276
#endif /* LOCORE */

/* d_type */
#define DTYPE_SMD	1
#define DTYPE_MSCP	2
#define DTYPE_DEC	3
#define DTYPE_SCSI	4
#define DTYPE_ESDI	5
#define DTYPE_ST506	6
#define DTYPE_FLOPPY	10

/* p_fstype */
#define FS_UNUSED	0
#define FS_SWAP		1
#define FS_V6		2
#define FS_V7		3
#define FS_SYSV		4
#define FS_V71K		5	/* V7 with 1K blocks (4.1BSD) */
#define FS_V8		6	/* Eighth Edition */
#define FS_BSDFFS	7	/* 4.2BSD fast file system */
#define FS_LINUXFS	8

/* d_flags */
#define D_REMOVABLE	0x01	/* removable media */
#define D_ECC		0x02	/* supports ECC */
#define D_BADSECT	0x04	/* supports bad sector forwarding */
#define D_RAMDISK	0x08	/* RAM disk */
#define D_CHAIN		0x10	/* can do back-to-back transfers */

/* d_drivedata for SMD and ESDI drives. */
#define d_smdflags	d_drivedata[0]
#define D_SSE		0x1	/* skip sector enabled */
#define d_mindist	d_drivedata[1]
#define d_maxdist	d_drivedata[2]
#define d_sdist		d_drivedata[3]

/* d_drivedata for ST506 drives. */
#define d_precompcyl	d_drivedata[0]
#define d_gap3		d_drivedata[1]	/* floppy */
#define d_step		d_drivedata[2]

#ifndef LOCORE
/* DIOCRFORMAT / DIOCWFORMAT. */
struct format_op {
	char *df_buf;
	int df_count;			/* bytes */
	recnum_t df_startblk;
	int df_reg[8];			/* result registers */
};

#define DIOCGDINFO	_IOR('d', 101, struct disklabel)	/* get */
#define DIOCSDINFO	_IOW('d', 102, struct disklabel)	/* set */
#define DIOCWDINFO	_IOW('d', 103, struct disklabel)	/* set and write */
#define DIOCRFORMAT	_IOWR('d', 105, struct format_op)	/* read format */
#define DIOCWFORMAT	_IOWR('d', 106, struct format_op)	/* write format */
#define DIOCSSTEP	_IOW('d', 107, int)	/* step rate */
#define DIOCSRETRIES	_IOW('d', 108, int)	/* retries */
#define DIOCWLABEL	_IOW('d', 109, int)	/* label writable */
#define DIOCSBAD	_IOW('d', 110, struct dkbad)	/* bad sector table */
#endif /* LOCORE */

#endif /* _DISK_STATUS_H_ */
