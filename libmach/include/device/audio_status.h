/* SPDX-License-Identifier: MIT */
/* <device/audio_status.h>: the audio device interface (SunOS-like). */
#ifndef _DEVICE_AUDIO_STATUS_H_
#define _DEVICE_AUDIO_STATUS_H_

#include <mach/machine/ioccom.h>

#define AUDIO_MIN_GAIN		(0)
#define AUDIO_MAX_GAIN		(255)

#define AUDIO_ENCODING_ULAW	(1)	/* u-law */
#define AUDIO_ENCODING_ALAW	(2)	/* A-law */

/* Ports. */
#define AUDIO_MIKE		1	/* input */
#define AUDIO_SPEAKER		1	/* output */
#define AUDIO_HEADPHONE		2	/* output */

/* One direction (play or record). */
struct audio_prinfo {
	unsigned int sample_rate;	/* samples per second */
	unsigned int channels;
	unsigned int precision;		/* bits per sample */
	unsigned int encoding;		/* AUDIO_ENCODING_* */
	unsigned int gain;
	unsigned int port;		/* AUDIO_MIKE, ... */
	unsigned int seek;
	unsigned int ispare[3];
	unsigned int samples;		/* samples transferred */
	unsigned int eof;		/* end-of-file marks seen */
	unsigned char pause;		/* paused */
	unsigned char error;		/* overflow or underflow */
	unsigned char waiting;		/* a process wants access */
	unsigned char cspare[3];
	unsigned char open;		/* open for this direction */
	unsigned char active;		/* I/O in progress */
};

struct audio_info {
	struct audio_prinfo play;
	struct audio_prinfo record;
	unsigned int monitor_gain;
	unsigned int blocksize;		/* input block size */
	unsigned int hiwat;		/* output high water mark */
	unsigned int lowat;		/* output low water mark */
	unsigned int backlog;		/* samples of output backlog */
};
typedef struct audio_info audio_info_t;

/* Set every field to "leave unchanged" before AUDIO_SETINFO. */
#define AUDIO_INITINFO(p) \
	(void)__builtin_memset((void *)(p), 0xff, sizeof(struct audio_info))

#define AUDIO_GETINFO	_IOR('A', 21, audio_info_t)
#define AUDIO_SETINFO	_IOWR('A', 22, audio_info_t)
#define AUDIO_DRAIN	_IO('A', 23)
#define AUDIO_FLUSH	_IO('A', 24)
#define AUDIO_WSEEK	_IOR('A', 25, unsigned int)
#define AUDIO_RERROR	_IOR('A', 26, int)
#define AUDIO_WERROR	_IOR('A', 27, int)

/* AMD 79C30 registers. */
struct mapreg {
	unsigned short mr_x[8];
	unsigned short mr_r[8];
	unsigned short mr_gx;
	unsigned short mr_gr;
	unsigned short mr_ger;
	unsigned short mr_stgr;
	unsigned short mr_ftgr;
	unsigned short mr_atgr;
	unsigned char mr_mmr1;
	unsigned char mr_mmr2;
};

#define AUDIO_GETMAP	_IOR('A', 27, struct mapreg)
#define AUDIO_SETMAP	_IOW('A', 28, struct mapreg)

/* Raw register access. */
struct audio_ioctl {
	short control;
	unsigned char data[46];
};

#define AUDIOGETREG	_IOWR('i', 1, struct audio_ioctl)
#define AUDIOSETREG	_IOW('i', 2, struct audio_ioctl)

#endif /* _DEVICE_AUDIO_STATUS_H_ */
