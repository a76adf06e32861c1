/* SPDX-License-Identifier: MIT */
/* gprefix.defs (golden test): the runtime under its -subrprefix names. */
#ifndef GPREFIX_TYPES_H
#define GPREFIX_TYPES_H

#define SS_mach_msg mach_msg
#define SS_mig_get_reply_port mig_get_reply_port
#define SS_mig_put_reply_port mig_put_reply_port
#define SS_mig_dealloc_reply_port mig_dealloc_reply_port

#endif
