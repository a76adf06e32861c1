/* SPDX-License-Identifier: MIT */
/* The kernel's string and memory functions (freestanding). */
#ifndef _KERN_KSTRING_H_
#define _KERN_KSTRING_H_

#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);

#endif /* _KERN_KSTRING_H_ */
