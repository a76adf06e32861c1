/* SPDX-License-Identifier: MIT */
/*
 * string.h: the string and memory functions of libmach's freestanding C
 * runtime (user tasks only; the kernel has its own).
 */
#ifndef _LIBMACH_STRING_H_
#define _LIBMACH_STRING_H_

#include <stddef.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *restrict dst, const char *restrict src);
char *strncpy(char *restrict dst, const char *restrict src, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);

#endif /* _LIBMACH_STRING_H_ */
