/* SPDX-License-Identifier: MIT */
/* Kernel messages: buffers, copyin (validate, then act), copyout, destroy. */
#include <stddef.h>
#include <stdbool.h>
#include <ipc/ipc_kmsg.h>
#include <ipc/ipc_right.h>
#include <ipc/ipc_port.h>
#include <ipc/ipc_space.h>
#include <ipc/ipc_notify.h>
#include <kern/task.h>
#include <kern/thread.h>
#include <kern/zalloc.h>
#include <kern/pmem.h>
#include <kern/kstring.h>
#include <kern/panic.h>
#include <machine/cpu_data.h>
#include <vm/vm_fault.h>
#include <machine/copyio.h>
#include <machine/vm_param.h>
#include <machine/pmap.h>

static zone_t ipc_kmsg_zone;

void ipc_kmsg_init(void)
{
	ipc_kmsg_zone = zone_create("ipc kmsgs", IKM_ZONE_ELEM, 0);
}

unsigned ipc_kmsg_count(void)
{
	return (unsigned)ipc_kmsg_zone->count;
}

struct ipc_kmsg *ipc_kmsg_alloc(size_t size)
{
	struct thread *th = current_thread();
	struct ipc_kmsg *kmsg;

	if (size <= IKM_SMALL_SIZE) {
		kmsg = th != NULL ? th->ith_kmsg_cache : NULL;
		if (kmsg != NULL) {
			th->ith_kmsg_cache = NULL;
			kmsg->ikm_next = NULL;
			kmsg->ikm_marequest = NULL;
			return kmsg;
		}
		kmsg = zalloc(ipc_kmsg_zone);
		if (kmsg == NULL)
			return NULL;
		kmsg->ikm_size = IKM_SMALL_SIZE;
		kmsg->ikm_pages = 0;
	} else {
		size_t bytes = size + offsetof(struct ipc_kmsg, ikm_header);
		unsigned pages = (unsigned)(round_page(bytes) / PAGE_SIZE);
		uint64_t pa;

		if (size > IPC_KMSG_SIZE_MAX)
			return NULL;
		pa = pmem_alloc(pages);
		if (pa == 0)
			return NULL;
		kmsg = phystokv(pa);
		kmsg->ikm_size = (uint32_t)(pages * PAGE_SIZE -
					    offsetof(struct ipc_kmsg, ikm_header));
		kmsg->ikm_pages = pages;
	}
	kmsg->ikm_next = NULL;
	kmsg->ikm_marequest = NULL;
	return kmsg;
}

void ipc_kmsg_marequest_fire(struct ipc_kmsg *kmsg)
{
	struct ipc_marequest *imar = kmsg->ikm_marequest;
	struct ipc_port *dest =
		(struct ipc_port *)(uintptr_t)kmsg->ikm_header.msgh_remote_port;
	mach_port_name_t name = MACH_PORT_NULL;
	struct ipc_port *notify;
	struct ipc_entry *entry;

	if (imar == NULL)
		return;
	kmsg->ikm_marequest = NULL;
	if (imar->imar_named && imar->imar_space->is_active &&
	    IP_VALID(dest) && dest->ip_active)
		name = ipc_space_reverse_lookup(imar->imar_space, dest, &entry);
	notify = imar->imar_notify;
	ipc_space_release(imar->imar_space);
	ipc_marequest_free(imar);
	ipc_notify_msg_accepted(notify, name);
}

void ipc_kmsg_free(struct ipc_kmsg *kmsg)
{
	struct thread *th;

	if (kmsg->ikm_pages != 0) {
		pmem_free(kvtophys(kmsg), kmsg->ikm_pages);
		return;
	}
	th = current_thread();
	if (th != NULL && th->ith_kmsg_cache == NULL && th->state != TH_DEAD) {
		th->ith_kmsg_cache = kmsg;
		return;
	}
	zfree(ipc_kmsg_zone, kmsg);
}

void ipc_kmsg_cache_drop(struct thread *th)
{
	if (th->ith_kmsg_cache != NULL) {
		zfree(ipc_kmsg_zone, th->ith_kmsg_cache);
		th->ith_kmsg_cache = NULL;
	}
}

void *ipc_kmsg_ool_alloc(size_t size)
{
	uint64_t pa;

	if (size == 0 || size > IPC_OOL_SIZE_MAX)
		return NULL;
	pa = pmem_alloc((unsigned)(round_page(size) / PAGE_SIZE));
	return pa != 0 ? phystokv(pa) : NULL;
}

void ipc_kmsg_ool_free(void *buf, size_t size)
{
	if (buf != NULL)
		pmem_free(kvtophys(buf), (unsigned)(round_page(size) / PAGE_SIZE));
}

/* ---- descriptors ------------------------------------------------------- */

struct ikm_desc {
	mach_msg_type_name_t	name;
	uint32_t		size;		/* bits per element */
	uint32_t		number;
	bool			inl;
	bool			dealloc;
	uint8_t			*desc;		/* the descriptor */
	uint64_t		*slot;		/* inline data, or the pointer */
	uint64_t		bytes;		/* bytes of data */
};

static bool ikm_is_port(mach_msg_type_name_t name)
{
	return name >= MACH_MSG_TYPE_MOVE_RECEIVE &&
	       name <= MACH_MSG_TYPE_MAKE_SEND_ONCE;
}

/* Parse the descriptor at *offp and step over its datum. */
static mach_msg_return_t ikm_desc_next(struct ipc_kmsg *kmsg, uint32_t *offp,
				       struct ikm_desc *d)
{
	uint32_t off = *offp, end = kmsg->ikm_header.msgh_size;
	uint8_t *base = (uint8_t *)&kmsg->ikm_header;
	uint64_t room;
	uint32_t w;

	if (end - off < 8)
		return MACH_SEND_MSG_TOO_SMALL;
	memcpy(&w, base + off, 4);
	memcpy(&d->number, base + off + 4, 4);
	d->name = w & 0xff;
	d->size = (w >> 8) & 0xffff;
	d->inl = (w >> 29) & 1;
	d->dealloc = (w >> 31) & 1;
	d->desc = base + off;
	d->slot = (uint64_t *)(base + off + 8);
	d->bytes = ((uint64_t)d->number * d->size + 7) / 8;
	room = end - off - 8;
	if (d->inl) {
		uint64_t padded = (d->bytes + 7) & ~7ULL;

		if (padded > room)
			return MACH_SEND_MSG_TOO_SMALL;
		*offp = off + 8 + (uint32_t)padded;
	} else {
		if (room < 8)
			return MACH_SEND_MSG_TOO_SMALL;
		*offp = off + 16;
	}
	return MACH_MSG_SUCCESS;
}

/* The names of a port descriptor (user form, after pass 1 of copyin). */
static uint32_t ikm_port_name(const struct ikm_desc *d, uint32_t i)
{
	if (d->inl)
		return (uint32_t)d->slot[i];
	return ((const uint32_t *)(uintptr_t)*d->slot)[i];
}

/* ---- copyin ------------------------------------------------------------ */

static bool ikm_send_disp(mach_msg_type_name_t t)
{
	return t == MACH_MSG_TYPE_MOVE_SEND || t == MACH_MSG_TYPE_COPY_SEND ||
	       t == MACH_MSG_TYPE_MAKE_SEND ||
	       t == MACH_MSG_TYPE_MOVE_SEND_ONCE ||
	       t == MACH_MSG_TYPE_MAKE_SEND_ONCE;
}

mach_msg_return_t ipc_kmsg_copyin_dest(struct ipc_space *space,
				       mach_msg_bits_t bits,
				       mach_port_name_t name,
				       struct ipc_port **portp)
{
	mach_msg_type_name_t disp = MACH_MSGH_BITS_REMOTE(bits);
	struct ipc_entry *entry;
	uint32_t type;

	if (!ikm_send_disp(disp))
		return MACH_SEND_INVALID_HEADER;
	if (!MACH_PORT_NAME_VALID(name) ||
	    ipc_right_lookup(space, name, &entry) != KERN_SUCCESS)
		return MACH_SEND_INVALID_DEST;
	type = IE_BITS_TYPE(entry->ie_bits);
	switch (disp) {
	case MACH_MSG_TYPE_MOVE_SEND_ONCE:
		if (!(type & MACH_PORT_TYPE_SEND_ONCE))
			return MACH_SEND_INVALID_DEST;
		break;
	case MACH_MSG_TYPE_MAKE_SEND:
	case MACH_MSG_TYPE_MAKE_SEND_ONCE:
		if (!(type & MACH_PORT_TYPE_RECEIVE))
			return MACH_SEND_INVALID_DEST;
		break;
	default:
		if (!(type & MACH_PORT_TYPE_SEND))
			return MACH_SEND_INVALID_DEST;
		break;
	}
	*portp = entry->ie_object;
	return MACH_MSG_SUCCESS;
}

/* Undo pass 1 for the body up to `stop' (offset of the failed descriptor,
 * whose own names are reset too; `ool' says its buffer is still ours). */
static void ikm_copyin_unwind(struct ipc_space *space, struct ipc_kmsg *kmsg,
			      uint32_t stop, bool free_ool)
{
	uint32_t off = sizeof(mach_msg_header_t);
	struct ikm_desc d;

	while (off <= stop && off < kmsg->ikm_header.msgh_size) {
		uint32_t here = off;

		if (ikm_desc_next(kmsg, &off, &d) != MACH_MSG_SUCCESS)
			break;
		if (here == stop && !free_ool)
			break;
		if (ikm_is_port(d.name)) {
			if (d.inl || *d.slot != 0)
				for (uint32_t i = 0; i < d.number; i++)
					ipc_right_copyin_reset(space,
							       ikm_port_name(&d, i));
			if (!d.inl && *d.slot != 0)
				ipc_kmsg_ool_free((void *)(uintptr_t)*d.slot,
						  (uint64_t)d.number * 8);
		} else if (!d.inl && d.bytes != 0) {
			ipc_kmsg_ool_free((void *)(uintptr_t)*d.slot, d.bytes);
		}
		if (here == stop)
			break;
	}
}

/* Would moving the receive right named `name' into a message for `dest'
 * make a cycle of receive rights in transit? */
static bool ikm_receive_circular(struct ipc_space *space,
				 mach_port_name_t name, struct ipc_port *dest)
{
	struct ipc_entry *entry;

	if (ipc_right_lookup(space, name, &entry) != KERN_SUCCESS)
		return false;		/* the right check has refused it */
	return ipc_port_check_circularity(entry->ie_object, dest);
}

/* Pass 1 over the body: check it, copy out-of-line data in. */
static mach_msg_return_t ikm_copyin_body_check(struct ipc_space *space,
					       struct ipc_kmsg *kmsg,
					       struct ipc_port *dest)
{
	uint32_t off = sizeof(mach_msg_header_t);
	uint32_t end = kmsg->ikm_header.msgh_size;
	mach_msg_return_t mr = MACH_MSG_SUCCESS;
	struct ikm_desc d;

	while (off < end) {
		uint32_t here = off;

		mr = ikm_desc_next(kmsg, &off, &d);
		if (mr != MACH_MSG_SUCCESS) {
			ikm_copyin_unwind(space, kmsg, here, false);
			return mr;
		}
		if (ikm_is_port(d.name)) {
			if (d.size != (d.inl ? 64 : 32)) {
				ikm_copyin_unwind(space, kmsg, here, false);
				return MACH_SEND_INVALID_TYPE;
			}
			if (!d.inl) {
				uint64_t user = *d.slot;
				void *buf = NULL;

				if (d.number != 0) {
					buf = ipc_kmsg_ool_alloc((uint64_t)d.number * 8);
					if (buf == NULL) {
						ikm_copyin_unwind(space, kmsg, here, false);
						return MACH_SEND_NO_BUFFER;
					}
					if (copyin((const void *)user, buf,
						   (uint64_t)d.number * 4) != 0) {
						ipc_kmsg_ool_free(buf, (uint64_t)d.number * 8);
						ikm_copyin_unwind(space, kmsg, here, false);
						return MACH_SEND_INVALID_MEMORY;
					}
				}
				*d.slot = (uint64_t)(uintptr_t)buf;
			}
			for (uint32_t i = 0; i < d.number; i++) {
				if (ipc_right_copyin_check(space, ikm_port_name(&d, i),
							   d.name) != KERN_SUCCESS ||
				    (d.name == MACH_MSG_TYPE_MOVE_RECEIVE &&
				     ikm_receive_circular(space,
							  ikm_port_name(&d, i),
							  dest))) {
					ikm_copyin_unwind(space, kmsg, here, true);
					return MACH_SEND_INVALID_RIGHT;
				}
			}
		} else if (!d.inl) {
			uint64_t user = *d.slot;
			void *buf = NULL;

			if (d.bytes > IPC_OOL_SIZE_MAX) {
				ikm_copyin_unwind(space, kmsg, here, false);
				return MACH_SEND_NO_BUFFER;
			}
			if (d.bytes != 0) {
				buf = ipc_kmsg_ool_alloc(d.bytes);
				if (buf == NULL) {
					ikm_copyin_unwind(space, kmsg, here, false);
					return MACH_SEND_NO_BUFFER;
				}
				if (copyin((const void *)user, buf, d.bytes) != 0) {
					ipc_kmsg_ool_free(buf, d.bytes);
					ikm_copyin_unwind(space, kmsg, here, false);
					return MACH_SEND_INVALID_MEMORY;
				}
			}
			*d.slot = (uint64_t)(uintptr_t)buf;
		}
	}
	return MACH_MSG_SUCCESS;
}

/* Reset the tallies of every name of the body (pass 1 succeeded). */
static void ikm_copyin_body_reset(struct ipc_space *space, struct ipc_kmsg *kmsg)
{
	uint32_t off = sizeof(mach_msg_header_t);
	struct ikm_desc d;

	while (off < kmsg->ikm_header.msgh_size &&
	       ikm_desc_next(kmsg, &off, &d) == MACH_MSG_SUCCESS) {
		if (!ikm_is_port(d.name) || (!d.inl && *d.slot == 0))
			continue;
		for (uint32_t i = 0; i < d.number; i++)
			ipc_right_copyin_reset(space, ikm_port_name(&d, i));
	}
}

/* Pass 2 over the body: take the rights.  Cannot fail. */
static void ikm_copyin_body_act(struct ipc_space *space, struct ipc_kmsg *kmsg,
				struct ipc_port *dest)
{
	uint32_t off = sizeof(mach_msg_header_t);
	struct ikm_desc d;

	while (off < kmsg->ikm_header.msgh_size &&
	       ikm_desc_next(kmsg, &off, &d) == MACH_MSG_SUCCESS) {
		if (!ikm_is_port(d.name))
			continue;
		if (d.inl) {
			for (uint32_t i = 0; i < d.number; i++)
				d.slot[i] = (uint64_t)(uintptr_t)ipc_right_copyin(
					space, (uint32_t)d.slot[i], d.name);
		} else if (*d.slot != 0) {
			uint32_t *names = (uint32_t *)(uintptr_t)*d.slot;
			uint64_t *ports = (uint64_t *)(uintptr_t)*d.slot;

			/* Widen in place, last first. */
			for (uint32_t i = d.number; i-- > 0;)
				ports[i] = (uint64_t)(uintptr_t)ipc_right_copyin(
					space, names[i], d.name);
		}
		if (d.name == MACH_MSG_TYPE_MOVE_RECEIVE) {
			uint64_t *ports = d.inl ? d.slot :
					  (uint64_t *)(uintptr_t)*d.slot;

			for (uint32_t i = 0; ports != NULL && i < d.number; i++) {
				struct ipc_port *p =
					(struct ipc_port *)(uintptr_t)ports[i];

				if (IP_VALID(p))
					ipc_port_set_destination(p, dest);
			}
		}
		*d.desc = (uint8_t)ipc_right_copyin_type(d.name);
	}
}

mach_msg_return_t ipc_kmsg_copyin_cancel(struct ipc_space *space,
					 const mach_msg_header_t *h,
					 mach_port_name_t notify,
					 struct ipc_port **portp)
{
	if (notify == MACH_PORT_NULL)
		return MACH_SEND_INVALID_NOTIFY;
	if (!ikm_send_disp(MACH_MSGH_BITS_REMOTE(h->msgh_bits)) ||
	    ((mach_port_name_t)h->msgh_local_port != MACH_PORT_NULL &&
	     !ikm_send_disp(MACH_MSGH_BITS_LOCAL(h->msgh_bits))))
		return MACH_SEND_INVALID_HEADER;
	if (ipc_right_lookup_receive(space, notify, portp) != KERN_SUCCESS)
		return MACH_SEND_INVALID_NOTIFY;
	return MACH_MSG_SUCCESS;
}

/*
 * The dead-name request of the header's `name' was cancelled by its copyin
 * (`dn' its send-once right, or NULL): the port-deleted notification; none
 * when it would go to `cancel', whose right is then destroyed quietly (no
 * send-once notification either, as in Mach).
 */
static void ikm_copyin_dn(struct ipc_port *dn, mach_port_name_t name,
			  struct ipc_port *cancel)
{
	if (dn == NULL)
		return;
	if (dn != cancel) {
		ipc_notify_port_deleted(dn, name);
		return;
	}
	dn->ip_sorights--;
	ipc_port_release(dn);
}

mach_msg_return_t ipc_kmsg_copyin(struct ipc_space *space,
				  struct ipc_kmsg *kmsg,
				  struct ipc_port *cancel)
{
	mach_msg_header_t *h = &kmsg->ikm_header;
	mach_msg_bits_t bits = h->msgh_bits;
	mach_msg_type_name_t rdisp = MACH_MSGH_BITS_REMOTE(bits);
	mach_msg_type_name_t ldisp = MACH_MSGH_BITS_LOCAL(bits);
	mach_port_name_t dest = (mach_port_name_t)h->msgh_remote_port;
	mach_port_name_t reply = (mach_port_name_t)h->msgh_local_port;
	struct ipc_port *dport, *rport, *ddn, *rdn = NULL;
	mach_msg_return_t mr;
	bool one;

	/* Check the header. */
	mr = ipc_kmsg_copyin_dest(space, bits, dest, &dport);
	if (mr != MACH_MSG_SUCCESS)
		return mr;
	if (reply != MACH_PORT_NULL && !ikm_send_disp(ldisp))
		return MACH_SEND_INVALID_HEADER;
	if (reply == MACH_PORT_NULL)
		ldisp = 0;
	/*
	 * One name for both, moved once and copied once (either way round):
	 * one move of the right, duplicated for the other side (as GNU
	 * Mach), so one user reference is enough.
	 */
	one = ldisp != 0 && dest == reply &&
	      ((rdisp == MACH_MSG_TYPE_MOVE_SEND &&
		ldisp == MACH_MSG_TYPE_COPY_SEND) ||
	       (rdisp == MACH_MSG_TYPE_COPY_SEND &&
		ldisp == MACH_MSG_TYPE_MOVE_SEND));
	if (ipc_right_copyin_check(space, dest,
				   one ? MACH_MSG_TYPE_MOVE_SEND : rdisp) !=
	    KERN_SUCCESS)
		return MACH_SEND_INVALID_DEST;
	if (ldisp != 0 && !one &&
	    ipc_right_copyin_check(space, reply, ldisp) != KERN_SUCCESS) {
		ipc_right_copyin_reset(space, dest);
		return MACH_SEND_INVALID_REPLY;
	}

	/* Check the body. */
	if (bits & MACH_MSGH_BITS_COMPLEX) {
		mr = ikm_copyin_body_check(space, kmsg, dport);
		if (mr == MACH_MSG_SUCCESS)
			ikm_copyin_body_reset(space, kmsg);
	}
	ipc_right_copyin_reset(space, dest);
	if (ldisp != 0 && !one)
		ipc_right_copyin_reset(space, reply);
	if (mr != MACH_MSG_SUCCESS)
		return mr;

	/* Act: nothing below can fail.  MACH_SEND_CANCEL spares the
	 * destination's port-deleted notification only (with dest == reply,
	 * the right the destination moved is the reply's last one). */
	if (one) {
		dport = ipc_right_copyin_dn(space, dest,
					    MACH_MSG_TYPE_MOVE_SEND, &ddn);
		rport = IP_VALID(dport) ? ipc_port_copy_send(dport) : dport;
		ikm_copyin_dn(ddn, dest,
			      rdisp == MACH_MSG_TYPE_MOVE_SEND ? cancel : NULL);
	} else {
		dport = ipc_right_copyin_dn(space, dest, rdisp, &ddn);
		rport = ldisp != 0 ?
			ipc_right_copyin_dn(space, reply, ldisp, &rdn) : NULL;
		ikm_copyin_dn(ddn, dest, cancel);
		ikm_copyin_dn(rdn, reply, reply == dest &&
				  rdisp == MACH_MSG_TYPE_MOVE_SEND ? cancel :
								     NULL);
	}
	h->msgh_bits = (bits & MACH_MSGH_BITS_COMPLEX) |
		MACH_MSGH_BITS(ipc_right_copyin_type(rdisp),
			       ldisp != 0 ? ipc_right_copyin_type(ldisp) : 0);
	h->msgh_remote_port = (uint64_t)(uintptr_t)dport;
	h->msgh_local_port = (uint64_t)(uintptr_t)rport;
	if (bits & MACH_MSGH_BITS_COMPLEX)
		ikm_copyin_body_act(space, kmsg, dport);
	return MACH_MSG_SUCCESS;
}

/* Out-of-line memory for a receiver: fresh pages above its other memory. */
#define IPC_OOL_REGION_BASE	0x0000100000000000UL
#define IPC_OOL_REGION_END	0x0000200000000000UL

void ipc_kmsg_dealloc_ool(struct task *task, uint64_t umsg,
			  struct ipc_kmsg *kmsg)
{
	uint32_t off = sizeof(mach_msg_header_t);
	struct ikm_desc d;

	if (!(kmsg->ikm_header.msgh_bits & MACH_MSGH_BITS_COMPLEX))
		return;
	while (off < kmsg->ikm_header.msgh_size &&
	       ikm_desc_next(kmsg, &off, &d) == MACH_MSG_SUCCESS) {
		uint64_t addr, len, va, end;

		if (d.inl || !d.dealloc)
			continue;
		len = ikm_is_port(d.name) ? (uint64_t)d.number * 4 : d.bytes;
		if (len == 0 ||
		    copyin((const void *)(umsg + ((uint8_t *)d.slot -
						  (uint8_t *)&kmsg->ikm_header)),
			   &addr, sizeof(addr)) != 0)
			continue;
		va = trunc_page(addr);
		end = round_page(addr + len);
		if (end < va || va < IPC_OOL_REGION_BASE ||
		    end > task->ipc_ool_next)
			continue;
		for (; va < end; va += PAGE_SIZE)
			pmap_remove(task->map, va);
	}
}

/* A right made by the kernel for a message: disposition -> received type. */
static struct ipc_port *ikm_kernel_right(struct ipc_port *port,
					 mach_msg_type_name_t disp)
{
	if (!IP_VALID(port))
		return port;
	switch (disp) {
	case MACH_MSG_TYPE_COPY_SEND:
		return ipc_port_copy_send(port);
	case MACH_MSG_TYPE_MAKE_SEND:
		return ipc_port_make_send(port);
	case MACH_MSG_TYPE_MAKE_SEND_ONCE:
		return ipc_port_make_sonce(port);
	default:
		return port;			/* MOVE_*: the right travels */
	}
}

void ipc_kmsg_copyin_from_kernel(struct ipc_kmsg *kmsg)
{
	mach_msg_header_t *h = &kmsg->ikm_header;
	mach_msg_bits_t bits = h->msgh_bits;
	mach_msg_type_name_t rdisp = MACH_MSGH_BITS_REMOTE(bits);
	mach_msg_type_name_t ldisp = MACH_MSGH_BITS_LOCAL(bits);
	uint32_t off = sizeof(mach_msg_header_t);
	struct ikm_desc d;
	struct ipc_port *dest;

	h->msgh_remote_port = (uint64_t)(uintptr_t)ikm_kernel_right(
		(struct ipc_port *)(uintptr_t)h->msgh_remote_port, rdisp);
	if (h->msgh_local_port == 0)
		ldisp = 0;
	else
		h->msgh_local_port = (uint64_t)(uintptr_t)ikm_kernel_right(
			(struct ipc_port *)(uintptr_t)h->msgh_local_port, ldisp);
	h->msgh_bits = (bits & MACH_MSGH_BITS_COMPLEX) |
		MACH_MSGH_BITS(ipc_right_copyin_type(rdisp),
			       ldisp != 0 ? ipc_right_copyin_type(ldisp) : 0);
	if (!(bits & MACH_MSGH_BITS_COMPLEX))
		return;
	dest = (struct ipc_port *)(uintptr_t)h->msgh_remote_port;
	while (off < h->msgh_size &&
	       ikm_desc_next(kmsg, &off, &d) == MACH_MSG_SUCCESS) {
		uint64_t *ports;
		uint32_t n;

		if (!ikm_is_port(d.name))
			continue;
		ports = d.inl ? d.slot : (uint64_t *)(uintptr_t)*d.slot;
		n = ports != NULL ? d.number : 0;
		for (uint32_t i = 0; i < n; i++) {
			struct ipc_port *p = (struct ipc_port *)(uintptr_t)ports[i];

			ports[i] = (uint64_t)(uintptr_t)ikm_kernel_right(p, d.name);
			/* A link that would close a cycle is not made (the
			 * walk in ipc_port_check_circularity must end) and
			 * the message is not to be queued. */
			if (d.name != MACH_MSG_TYPE_MOVE_RECEIVE || !IP_VALID(p))
				continue;
			if (ipc_port_check_circularity(p, dest))
				h->msgh_bits |= MACH_MSGH_BITS_CIRCULAR;
			else
				ipc_port_set_destination(p, dest);
		}
		*d.desc = (uint8_t)ipc_right_copyin_type(d.name);
	}
}

/* ---- destroy ----------------------------------------------------------- */

void ipc_kmsg_clean_body(struct ipc_kmsg *kmsg)
{
	mach_msg_header_t *h = &kmsg->ikm_header;
	uint32_t off = sizeof(mach_msg_header_t);
	struct ikm_desc d;

	if (!(h->msgh_bits & MACH_MSGH_BITS_COMPLEX))
		return;
	while (off < h->msgh_size &&
	       ikm_desc_next(kmsg, &off, &d) == MACH_MSG_SUCCESS) {
		if (ikm_is_port(d.name)) {
			uint64_t *ports = d.inl ? d.slot :
					  (uint64_t *)(uintptr_t)*d.slot;

			if (ports == NULL)
				continue;
			for (uint32_t i = 0; i < d.number; i++) {
				ipc_right_release((struct ipc_port *)(uintptr_t)
						  ports[i], d.name);
				ports[i] = 0;
			}
			if (!d.inl) {
				ipc_kmsg_ool_free(ports, (uint64_t)d.number * 8);
				*d.slot = 0;
			}
		} else if (!d.inl && *d.slot != 0) {
			ipc_kmsg_ool_free((void *)(uintptr_t)*d.slot, d.bytes);
			*d.slot = 0;
		}
	}
	h->msgh_bits &= ~MACH_MSGH_BITS_COMPLEX;
}

void ipc_kmsg_destroy(struct ipc_kmsg *kmsg)
{
	mach_msg_header_t *h = &kmsg->ikm_header;
	struct ipc_port *dest = (struct ipc_port *)(uintptr_t)h->msgh_remote_port;
	struct ipc_port *reply = (struct ipc_port *)(uintptr_t)h->msgh_local_port;
	mach_msg_bits_t bits = h->msgh_bits;

	if (kmsg->ikm_marequest != NULL)
		ipc_kmsg_marequest_fire(kmsg);
	h->msgh_remote_port = 0;
	h->msgh_local_port = 0;
	ipc_kmsg_clean_body(kmsg);
	ipc_kmsg_free(kmsg);
	if (reply != NULL)
		ipc_right_release(reply, MACH_MSGH_BITS_LOCAL(bits));
	if (dest != NULL)
		ipc_right_release(dest, MACH_MSGH_BITS_REMOTE(bits));
}

/* ---- copyout ----------------------------------------------------------- */

static uint64_t ikm_ool_copyout(struct task *task, const void *buf, size_t len)
{
	uint64_t va;

	if (task->ipc_ool_next == 0)
		task->ipc_ool_next = IPC_OOL_REGION_BASE;
	va = task->ipc_ool_next;
	if (va + round_page(len) > IPC_OOL_REGION_END)
		return 0;
	if (vm_fill(task, va, buf, len, VM_PROT_READ | VM_PROT_WRITE) !=
	    KERN_SUCCESS)
		return 0;
	task->ipc_ool_next = va + round_page(len);
	return va;
}

void ipc_kmsg_copyout(struct ipc_space *space, struct task *task,
		      struct ipc_kmsg *kmsg)
{
	mach_msg_header_t *h = &kmsg->ikm_header;
	mach_msg_bits_t bits = h->msgh_bits;
	struct ipc_port *dest = (struct ipc_port *)(uintptr_t)h->msgh_remote_port;
	struct ipc_port *reply = (struct ipc_port *)(uintptr_t)h->msgh_local_port;
	mach_msg_type_name_t dtype = MACH_MSGH_BITS_REMOTE(bits);
	mach_msg_type_name_t rtype = MACH_MSGH_BITS_LOCAL(bits);
	mach_port_name_t dname, rname;
	uint32_t off = sizeof(mach_msg_header_t);
	struct ikm_desc d;

	/* The destination: its right is used up by the delivery. */
	dname = dest->ip_receiver == space ? dest->ip_receiver_name :
					     MACH_PORT_NULL;
	if (dtype == MACH_MSG_TYPE_PORT_SEND_ONCE) {
		dest->ip_sorights--;
		ipc_port_release(dest);
	} else {
		ipc_port_release_send(dest);
	}
	if (reply == NULL)
		rtype = 0;
	ipc_right_copyout(space, reply, rtype, &rname);
	h->msgh_bits = (bits & MACH_MSGH_BITS_COMPLEX) |
		       MACH_MSGH_BITS(rtype, dtype);
	h->msgh_remote_port = rname;
	h->msgh_local_port = dname;
	if (!(bits & MACH_MSGH_BITS_COMPLEX))
		return;

	while (off < h->msgh_size &&
	       ikm_desc_next(kmsg, &off, &d) == MACH_MSG_SUCCESS) {
		if (ikm_is_port(d.name)) {
			if (d.inl) {
				for (uint32_t i = 0; i < d.number; i++) {
					mach_port_name_t name;

					ipc_right_copyout(space,
						(struct ipc_port *)(uintptr_t)d.slot[i],
						d.name, &name);
					d.slot[i] = name;
				}
			} else if (*d.slot != 0) {
				uint64_t *ports = (uint64_t *)(uintptr_t)*d.slot;
				uint32_t *names = (uint32_t *)ports;

				for (uint32_t i = 0; i < d.number; i++) {
					mach_port_name_t name;

					ipc_right_copyout(space,
						(struct ipc_port *)(uintptr_t)ports[i],
						d.name, &name);
					names[i] = name;
				}
				*d.slot = ikm_ool_copyout(task, names,
							  (uint64_t)d.number * 4);
				ipc_kmsg_ool_free(ports, (uint64_t)d.number * 8);
			}
		} else if (!d.inl && *d.slot != 0) {
			void *buf = (void *)(uintptr_t)*d.slot;

			*d.slot = ikm_ool_copyout(task, buf, d.bytes);
			ipc_kmsg_ool_free(buf, d.bytes);
		}
	}
}
