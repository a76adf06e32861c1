/* SPDX-License-Identifier: MIT */
/* <device/tape_status.h>: status flavors of tape devices. */
#ifndef _TAPE_STATUS_H_
#define _TAPE_STATUS_H_

#include <mach/machine/ioccom.h>

struct tape_status {
	unsigned int mt_type;		/* MT_IS* */
	unsigned int speed;
	unsigned int density;
	unsigned int flags;		/* TAPE_FLG_* */
};
#define TAPE_FLG_REWIND	0x1	/* rewind on close */
#define TAPE_FLG_WP	0x2	/* write protected */

#define TAPE_STATUS_COUNT	(sizeof(struct tape_status) / sizeof(int))
#define TAPE_STATUS		(('m' << 16) + 1)

/* Controller types. */
#define MT_ISTS		0x01	/* TS-11 */
#define MT_ISHT		0x02	/* TM03 Massbus */
#define MT_ISTM		0x03	/* TM11/TE10 Unibus */
#define MT_ISMT		0x04	/* TM78/TU78 Massbus */
#define MT_ISUT		0x05	/* SI TU-45 emulation on Unibus */
#define MT_ISCPC	0x06	/* SUN */
#define MT_ISAR		0x07	/* SUN */
#define MT_ISTMSCP	0x08	/* DEC TMSCP */
#define MT_ISCY		0x09	/* CCI Cipher */
#define MT_ISSCSI	0x0a	/* SCSI tape */

/* MTIOCTOP operations. */
struct tape_params {
	unsigned int mt_operation;	/* MT* below */
	unsigned int mt_repeat_count;
};
#define MTWEOF		0	/* write end of file */
#define MTFSF		1	/* forward space file */
#define MTBSF		2	/* backward space file */
#define MTFSR		3	/* forward space record */
#define MTBSR		4	/* backward space record */
#define MTREW		5	/* rewind */
#define MTOFFL		6	/* rewind and go off line */
#define MTNOP		7	/* nothing */
#define MTCACHE		8	/* enable the controller cache */
#define MTNOCACHE	9	/* disable it */

/* MTIOCGET result. */
struct mtget {
	short mt_type;
	short mt_dsreg;		/* drive status register */
	short mt_erreg;		/* error register */
	short mt_resid;		/* residual count */
	unsigned long mt_fileno;
	unsigned long mt_blkno;
};

#define MTIOCTOP	_IOW('m', 1, struct tape_params)
#define MTIOCGET	_IOR('m', 2, struct mtget)
#define MTIOCIEOT	_IO('m', 3)	/* ignore the EOT error */
#define MTIOCEEOT	_IO('m', 4)	/* enable the EOT error */

#endif /* _TAPE_STATUS_H_ */
