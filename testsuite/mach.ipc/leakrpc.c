/* SPDX-License-Identifier: MIT */
/* leakrpc: leak.c's cycles through kernel RPCs (see leak.c). */
#define LEAK_DEFAULT_MODE LEAK_RPC
#include "leak.c"
