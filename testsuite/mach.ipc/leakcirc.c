/* SPDX-License-Identifier: MIT */
/* leakcirc: leak.c's circular messages (see leak.c). */
#define LEAK_DEFAULT_MODE LEAK_CIRC
#include "leak.c"
