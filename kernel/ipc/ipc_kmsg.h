/* SPDX-License-Identifier: MIT */
/*
 * Kernel messages.  A kmsg holds one message in kernel form:
 *
 *  - header: msgh_remote_port is the destination port (a pointer carrying
 *    a send or send-once right), msgh_local_port the reply port (pointer
 *    with its right, or NULL); msgh_bits holds the types the receiver will
 *    see (MACH_MSG_TYPE_PORT_SEND / _SEND_ONCE), remote in the low byte;
 *  - body (when MACH_MSGH_BITS_COMPLEX): descriptors unchanged except that
 *    port dispositions become the received types; an inline port slot
 *    holds a pointer (or NULL / IP_DEAD); an out-of-line datum's slot holds
 *    a kernel buffer (ipc_kmsg_ool_alloc) of its bytes, or for port rights
 *    an array of msgt_number pointers.
 *
 * Small messages come from a zone (a per-thread cached buffer first), big
 * ones from whole pages; nothing else is allocated on the common path.
 *
 * Conditions: one CPU, non-preemptible kernel; nothing here blocks.
 */
#ifndef _IPC_IPC_KMSG_H_
#define _IPC_IPC_KMSG_H_

#include <stdint.h>
#include <stddef.h>
#include <mach/message.h>

struct ipc_space;
struct ipc_port;
struct task;

struct ipc_kmsg {
	struct ipc_kmsg		*ikm_next;	/* queue link */
	struct ipc_marequest	*ikm_marequest;	/* MACH_SEND_NOTIFY forced it
						 * onto a full queue, or NULL */
	uint32_t		ikm_size;	/* bytes available at ikm_header */
	uint32_t		ikm_pages;	/* 0: zone element, else pages */
	mach_msg_header_t	ikm_header;	/* the message */
};

#define IKM_ZONE_ELEM		512
#define IKM_SMALL_SIZE		(IKM_ZONE_ELEM - offsetof(struct ipc_kmsg, ikm_header))
#define IPC_KMSG_SIZE_MAX	(1024 * 1024)	/* largest message accepted */
#define IPC_OOL_SIZE_MAX	(16 * 1024 * 1024) /* largest out-of-line datum */

/* ipc_kmsg_init: create the zone.  Once at boot. */
void ipc_kmsg_init(void);

/* ipc_kmsg_count: kmsgs in existence (leak checks). */
unsigned ipc_kmsg_count(void);

/* ipc_kmsg_alloc: a kmsg for a message of `size' bytes, or NULL. */
struct ipc_kmsg *ipc_kmsg_alloc(size_t size);

/*
 * ipc_kmsg_marequest_fire: `kmsg' (kernel form, its destination still in
 * msgh_remote_port) was taken off its queue or is being destroyed: if it
 * carries a msg-accepted request, send the notification and free the
 * request.  The notification names the destination by the sender's name
 * for it when the sender had one at the send and still holds a send or
 * receive right to the live destination; MACH_PORT_NULL otherwise.
 */
void ipc_kmsg_marequest_fire(struct ipc_kmsg *kmsg);

/* ipc_kmsg_free: free the buffer only (rights already gone). */
void ipc_kmsg_free(struct ipc_kmsg *kmsg);

/* ipc_kmsg_cache_drop: free a thread's cached kmsg (thread termination). */
struct thread;
void ipc_kmsg_cache_drop(struct thread *thread);

/* ipc_kmsg_ool_alloc / _free: a kernel buffer for out-of-line data. */
void *ipc_kmsg_ool_alloc(size_t size);
void ipc_kmsg_ool_free(void *buf, size_t size);

/*
 * ipc_kmsg_copyin_dest: the destination `name' with disposition `disp'
 * names a live port in `space' (no change).  Returns KERN_SUCCESS and
 * the port, or a MACH_SEND_INVALID_HEADER / MACH_SEND_INVALID_DEST code.
 */
mach_msg_return_t ipc_kmsg_copyin_dest(struct ipc_space *space,
				       mach_msg_bits_t bits,
				       mach_port_name_t name,
				       struct ipc_port **portp);

/*
 * ipc_kmsg_copyin_cancel: MACH_SEND_CANCEL's checks of the user header `h'
 * and the name `notify', in Mach's order (no change): notify is
 * MACH_PORT_NULL: MACH_SEND_INVALID_NOTIFY; a header disposition that is
 * not a send disposition: MACH_SEND_INVALID_HEADER; notify does not name a
 * receive right in `space': MACH_SEND_INVALID_NOTIFY.  Else
 * MACH_MSG_SUCCESS and *portp is notify's port (no reference).
 */
mach_msg_return_t ipc_kmsg_copyin_cancel(struct ipc_space *space,
					 const mach_msg_header_t *h,
					 mach_port_name_t notify,
					 struct ipc_port **portp);

/*
 * ipc_kmsg_copyin: turn the user message in `kmsg' (msgh_size already set
 * to the send size) into kernel form: check the header and every
 * descriptor, copy out-of-line memory in, and only then take the rights
 * out of `space'.  On any error nothing changed in the space or the
 * sender's memory and the kmsg can just be freed.  Returns
 * MACH_MSG_SUCCESS or a MACH_SEND_* code.
 *
 * `cancel' (MACH_SEND_CANCEL; else NULL): when moving the destination
 * right takes its name out of the space and the name's dead-name request
 * would send its port-deleted notification to `cancel', the request's
 * send-once right is released instead (no notification).  The reply right
 * and the body's rights are not concerned, as in Mach.
 */
mach_msg_return_t ipc_kmsg_copyin(struct ipc_space *space,
				  struct ipc_kmsg *kmsg,
				  struct ipc_port *cancel);

/*
 * ipc_kmsg_dealloc_ool: after a successful copyin of the user message at
 * `umsg' into `kmsg', remove the sender's pages of every out-of-line
 * region sent with msgt_deallocate.  Until vm_maps exist only pages inside
 * the region where received out-of-line memory lands are removed (the
 * rest of a task's memory is its image and stack); others stay.
 */
void ipc_kmsg_dealloc_ool(struct task *task, uint64_t umsg,
			  struct ipc_kmsg *kmsg);

/*
 * ipc_kmsg_copyin_from_kernel: a message built by the kernel with port
 * pointers and MACH_MSG_TYPE_* dispositions (MOVE_*, COPY_SEND, MAKE_*) in
 * the header and body, header in sender form (remote = destination):
 * make the rights and set the received types.  Cannot fail.  A receive
 * right whose move would close a cycle of receive rights in transit (the
 * destination's own receive right is in transit to it) gets no link and
 * marks the message MACH_MSGH_BITS_CIRCULAR: ipc_mqueue_send destroys it.
 */
void ipc_kmsg_copyin_from_kernel(struct ipc_kmsg *kmsg);

/*
 * ipc_kmsg_copyout: give the rights and memory of `kmsg' (kernel form) to
 * `space' / `task' and turn it into the user form the receiver sees
 * (remote = reply name, local = destination name).  The destination's
 * right is consumed.  A right that finds no name comes out as
 * MACH_PORT_NULL (destroyed) and out-of-line memory that finds no room as
 * a NULL pointer; neither fails the receive.
 */
void ipc_kmsg_copyout(struct ipc_space *space, struct task *task,
		      struct ipc_kmsg *kmsg);

/*
 * ipc_kmsg_destroy: release every right and buffer of a kernel-form kmsg
 * and free it (a msg-accepted request fires first).  May send
 * notifications.
 */
void ipc_kmsg_destroy(struct ipc_kmsg *kmsg);

/* ipc_kmsg_clean_body: release the body's rights and buffers only. */
void ipc_kmsg_clean_body(struct ipc_kmsg *kmsg);

#endif /* _IPC_IPC_KMSG_H_ */
