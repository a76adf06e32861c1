/* SPDX-License-Identifier: MIT */
/*
 * <mach/machine/ioccom.h>: BSD-style encoding of device control codes,
 * used by the device *_status.h headers: bits 0..7 the number, 8..15 the
 * group letter, 16..23 the parameter size, the top three bits the
 * direction.  The *N forms take the size as a number instead of a type.
 */
#ifndef _MACH_MACHINE_IOCCOM_H_
#define _MACH_MACHINE_IOCCOM_H_

#define _IOCPARM_MASK	0xff		/* parameter size field */
#define _IOC_VOID	0x20000000	/* no parameters */
#define _IOC_OUT	0x40000000	/* copy parameters out */
#define _IOC_IN		0x80000000	/* copy parameters in */
#define _IOC_INOUT	(_IOC_IN | _IOC_OUT)

#define _MACH_IOC(dir, g, n, len) \
	((dir) | (((len) & _IOCPARM_MASK) << 16) | ((g) << 8) | (n))

#define _IO(g, n)		_MACH_IOC(_IOC_VOID, (g), (n), 0)
#define _IOR(g, n, t)		_MACH_IOC(_IOC_OUT, (g), (n), sizeof(t))
#define _IORN(g, n, len)	_MACH_IOC(_IOC_OUT, (g), (n), (len))
#define _IOW(g, n, t)		_MACH_IOC(_IOC_IN, (g), (n), sizeof(t))
#define _IOWN(g, n, len)	_MACH_IOC(_IOC_IN, (g), (n), (len))
#define _IOWR(g, n, t)		_MACH_IOC(_IOC_INOUT, (g), (n), sizeof(t))
#define _IOWRN(g, n, len)	_MACH_IOC(_IOC_INOUT, (g), (n), (len))

#endif /* _MACH_MACHINE_IOCCOM_H_ */
