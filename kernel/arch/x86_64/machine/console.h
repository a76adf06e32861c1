/* SPDX-License-Identifier: MIT */
/* The kernel console: COM1, 115200 8N1, polled output. */
#ifndef _MACHINE_CONSOLE_H_
#define _MACHINE_CONSOLE_H_

#include <stddef.h>

/* console_init: program COM1.  Called first thing at boot. */
void console_init(void);

/* console_write: write len bytes ("\n" becomes "\r\n"). Never blocks long. */
void console_write(const char *s, size_t len);

#endif /* _MACHINE_CONSOLE_H_ */
