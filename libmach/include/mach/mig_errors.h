/* SPDX-License-Identifier: MIT */
/*
 * <mach/mig_errors.h>: the codes MIG-generated stubs return, the reply
 * header every routine's reply starts with, and the dispatch table types.
 */
#ifndef _MACH_MIG_ERRORS_H_
#define _MACH_MIG_ERRORS_H_

#include <mach/kern_return.h>
#include <mach/message.h>
#include <mach/abi.h>

#define MIG_TYPE_ERROR		-300	/* client: reply has the wrong types */
#define MIG_REPLY_MISMATCH	-301	/* client: reply has the wrong id */
#define MIG_REMOTE_ERROR	-302	/* server said so */
#define MIG_BAD_ID		-303	/* server: unknown request id */
#define MIG_BAD_ARGUMENTS	-304	/* server: malformed request */
#define MIG_NO_REPLY		-305	/* server: send no reply */
#define MIG_EXCEPTION		-306	/* server raised an exception */
#define MIG_ARRAY_TOO_LARGE	-307	/* array does not fit the buffer */
#define MIG_SERVER_DIED		-308	/* client: server died instead of replying */
#define MIG_DESTROY_REQUEST	-309	/* server: destroy the request, no reply */

/*
 * Every reply begins with the header and a kern_return_t with its
 * INTEGER_32 descriptor; the return code is padded to 8 bytes, so a reply
 * carrying only the code is 48 bytes.
 */
typedef struct {
	mach_msg_header_t Head;
	mach_msg_type_t RetCodeType;
	kern_return_t RetCode;
} mig_reply_header_t;

MACH_ABI_OFFSET(mig_reply_header_t, RetCodeType, 32);
MACH_ABI_OFFSET(mig_reply_header_t, RetCode, 40);
MACH_ABI_SIZE(mig_reply_header_t, 48);

/* A routine table entry as -list / symbol tables describe it. */
typedef struct mig_symtab {
	char *ms_routine_name;
	int ms_routine_number;
	void (*ms_routine)(void);
} mig_symtab_t;

/* A server-side routine stub: decodes the request, fills the reply. */
typedef void (*mig_routine_t)(mach_msg_header_t *, mach_msg_header_t *);

#endif /* _MACH_MIG_ERRORS_H_ */
