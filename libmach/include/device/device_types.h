/* SPDX-License-Identifier: MIT */
/* <device/device_types.h>: types and result codes of device.defs. */
#ifndef DEVICE_TYPES_H
#define DEVICE_TYPES_H

#include <mach/std_types.h>

#ifdef KERNEL
struct device;
typedef struct device *device_t;	/* the kernel's device object */
#define DEVICE_NULL	((device_t) 0)
#else
typedef mach_port_t device_t;
#endif

/* Device names. */
typedef char dev_name_t[128];
typedef const char *const_dev_name_t;

/* device_open() modes. */
typedef unsigned int dev_mode_t;
#define D_READ		0x1	/* read access */
#define D_WRITE		0x2	/* write access */
#define D_NODELAY	0x4	/* don't wait for the device (e.g. carrier) */
#define D_NOWAIT	0x8	/* fail rather than block */

/* I/O buffers: out of line, or inline up to IO_INBAND_MAX bytes. */
typedef char *io_buf_ptr_t;
typedef const char *const_io_buf_ptr_t;
#define IO_INBAND_MAX	(128)
typedef char io_buf_ptr_inband_t[IO_INBAND_MAX];
typedef const char *const_io_buf_ptr_inband_t;

/* A scatter/gather element. */
typedef struct {
	vm_offset_t data;
	vm_size_t count;
} io_buf_vec_t;

/* Record numbers. */
typedef long_natural_t recnum_t;
typedef rpc_long_natural_t rpc_recnum_t;

/* device_get_status()/device_set_status() flavors and data. */
typedef unsigned int dev_flavor_t;
typedef int *dev_status_t;
#define DEV_STATUS_MAX	(1024)
typedef int dev_status_data_t[DEV_STATUS_MAX];

/* Generic flavors. */
#define DEV_GET_SIZE			0
#define DEV_GET_SIZE_DEVICE_SIZE	0	/* bytes in the device */
#define DEV_GET_SIZE_RECORD_SIZE	1	/* bytes per record */
#define DEV_GET_SIZE_COUNT		2

#define DEV_GET_RECORDS			1
#define DEV_GET_RECORDS_DEVICE_RECORDS	0	/* records in the device */
#define DEV_GET_RECORDS_RECORD_SIZE	1	/* bytes per record */
#define DEV_GET_RECORDS_COUNT		2

/* Results of device calls. */
typedef int io_return_t;

#define D_IO_QUEUED		(-1)	/* kernel internal: request queued */
#define D_SUCCESS		0
#define D_IO_ERROR		2500	/* hardware error */
#define D_WOULD_BLOCK		2501	/* would block, D_NOWAIT given */
#define D_NO_SUCH_DEVICE	2502	/* no such device */
#define D_ALREADY_OPEN		2503	/* exclusive device already open */
#define D_DEVICE_DOWN		2504	/* device has been shut down */
#define D_INVALID_OPERATION	2505	/* not supported by the device */
#define D_INVALID_RECNUM	2506	/* record number out of range */
#define D_INVALID_SIZE		2507	/* size out of range */
#define D_NO_MEMORY		2508	/* no memory for the data */
#define D_READ_ONLY		2509	/* device is read-only */

/* Release a reference (the destructor of device_t in the kernel). */
void device_deallocate(device_t);

#endif /* DEVICE_TYPES_H */
