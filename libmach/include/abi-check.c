/* SPDX-License-Identifier: MIT */
/*
 * abi-check.c: compile-time and run-time checks of the ABI headers.
 *
 * Compiled in three settings (see headers.am): a host program (run by
 * `make check`), a freestanding user task (-ffreestanding -nostdinc), and
 * the kernel (-DKERNEL).  It includes every public header, pins the message
 * layouts of ABI.md with _Static_assert, and, when run, checks what a
 * static assertion cannot see: the bit positions of the descriptor fields
 * and where a 32-bit port name sits in its 8-byte slot.
 */
#include <device/audio_status.h>
#include <device/bpf.h>
#include <device/device_types.h>
#include <device/disk_status.h>
#include <device/net_status.h>
#include <device/notify.h>
#include <device/tape_status.h>
#include <device/tty_status.h>
#include <mach/abi.h>
#include <mach/alert.h>
#include <mach/boolean.h>
#include <mach/default_pager_types.h>
#include <mach/exception.h>
#include <mach/exec/a.out.h>
#include <mach/exec/exec.h>
#include <mach/host_info.h>
#include <mach/inline.h>
#include <mach/kern_return.h>
#include <mach/mach_param.h>
#include <mach/mach_traps.h>
#include <mach/mach_types.h>
#include <mach/machine.h>
#include <mach/machine/asm.h>
#include <mach/machine/boolean.h>
#include <mach/machine/eflags.h>
#include <mach/machine/exception.h>
#include <mach/machine/fp_reg.h>
#include <mach/machine/ioccom.h>
#include <mach/machine/kern_return.h>
#include <mach/machine/mach_i386_types.h>
#include <mach/machine/syscall_sw.h>
#include <mach/machine/thread_status.h>
#include <mach/machine/trap.h>
#include <mach/machine/vm_param.h>
#include <mach/machine/vm_types.h>
#include <mach/macro_help.h>
#include <mach/memory_object.h>
#include <mach/message.h>
#include <mach/mig_errors.h>
#include <mach/mig_support.h>
#include <mach/msg_type.h>
#include <mach/notify.h>
#include <mach/pc_sample.h>
#include <mach/policy.h>
#include <mach/port.h>
#include <mach/processor_info.h>
#include <mach/profilparam.h>
#include <mach/rpc.h>
#include <mach/std_types.h>
#include <mach/syscall_sw.h>
#include <mach/task_info.h>
#include <mach/task_special_ports.h>
#include <mach/thread_info.h>
#include <mach/thread_special_ports.h>
#include <mach/thread_status.h>
#include <mach/thread_switch.h>
#include <mach/time_value.h>
#include <mach/version.h>
#include <mach/vm_attributes.h>
#include <mach/vm_cache_statistics.h>
#include <mach/vm_inherit.h>
#include <mach/vm_param.h>
#include <mach/vm_prot.h>
#include <mach/vm_statistics.h>
#include <mach/vm_sync.h>
#include <mach/vm_wire.h>
#include <mach_debug/hash_info.h>
#include <mach_debug/mach_debug_types.h>
#include <mach_debug/slab_info.h>
#include <mach_debug/vm_info.h>

/* ---- compile-time: ABI.md, field by field --------------------------- */

/* Basic widths. */
MACH_ABI_SIZE(natural_t, 4);
MACH_ABI_SIZE(integer_t, 4);
MACH_ABI_SIZE(mach_port_name_t, 4);
MACH_ABI_SIZE(vm_offset_t, 8);
MACH_ABI_SIZE(vm_size_t, 8);
MACH_ABI_SIZE(vm_address_t, 8);
MACH_ABI_SIZE(kern_return_t, 4);
MACH_ABI_SIZE(boolean_t, 4);
MACH_ABI_SIZE(mach_msg_type_number_t, 4);
#ifdef KERNEL
MACH_ABI_SIZE(mach_port_t, 8);		/* a port pointer fits */
MACH_ABI_SIZE(task_t, 8);
#else
MACH_ABI_SIZE(mach_port_t, 4);		/* a name */
MACH_ABI_SIZE(task_t, 4);
#endif

/* Header: 32 bytes, ports in 8-byte slots. */
MACH_ABI_SIZE(mach_msg_header_t, 32);
MACH_ABI_OFFSET(mach_msg_header_t, msgh_bits, 0);
MACH_ABI_OFFSET(mach_msg_header_t, msgh_size, 4);
MACH_ABI_OFFSET(mach_msg_header_t, msgh_remote_port, 8);
MACH_ABI_OFFSET(mach_msg_header_t, msgh_remote_port_do_not_use, 8);
MACH_ABI_OFFSET(mach_msg_header_t, msgh_local_port, 16);
MACH_ABI_OFFSET(mach_msg_header_t, msgh_protected_payload, 16);
MACH_ABI_OFFSET(mach_msg_header_t, msgh_seqno, 24);
MACH_ABI_OFFSET(mach_msg_header_t, msgh_id, 28);
MACH_ABI_SIZE(mach_msg_user_header_t, 32);

/* Descriptor: 8 bytes, 8-aligned, long form identical. */
MACH_ABI_SIZE(mach_msg_type_t, 8);
MACH_ABI_ASSERT(__alignof__(mach_msg_type_t) == 8, "descriptor alignment");
MACH_ABI_OFFSET(mach_msg_type_t, msgt_number, 4);
MACH_ABI_SIZE(mach_msg_type_long_t, 8);
MACH_ABI_ASSERT(__alignof__(mach_msg_type_long_t) == 8, "long form alignment");
MACH_ABI_OFFSET(mach_msg_type_long_t, msgtl_header, 0);
MACH_ABI_OFFSET(mach_msg_type_long_t, msgtl_number, 4);
MACH_ABI_SIZE(mach_port_name_inlined_t, 8);

/* Inline data is padded so the next descriptor is 8-aligned. */
struct abi_check_two_ints {
	mach_msg_header_t Head;
	mach_msg_type_t aType;
	int a;
	mach_msg_type_t bType;
	int b;
};
MACH_ABI_OFFSET(struct abi_check_two_ints, aType, 32);
MACH_ABI_OFFSET(struct abi_check_two_ints, a, 40);
MACH_ABI_OFFSET(struct abi_check_two_ints, bType, 48);
MACH_ABI_OFFSET(struct abi_check_two_ints, b, 56);
MACH_ABI_SIZE(struct abi_check_two_ints, 64);

/* Out-of-line data: an 8-byte pointer right after the descriptor. */
struct abi_check_ool {
	mach_msg_header_t Head;
	mach_msg_type_t dataType;
	vm_offset_t data;
};
MACH_ABI_OFFSET(struct abi_check_ool, data, 40);
MACH_ABI_SIZE(struct abi_check_ool, 48);

/* RPC reply header: RetCode after its descriptor, padded to 48. */
MACH_ABI_SIZE(mig_reply_header_t, 48);
MACH_ABI_OFFSET(mig_reply_header_t, Head, 0);
MACH_ABI_OFFSET(mig_reply_header_t, RetCodeType, 32);
MACH_ABI_OFFSET(mig_reply_header_t, RetCode, 40);

/* Notifications: header + descriptor + an 8-byte port slot or count. */
MACH_ABI_SIZE(mach_dead_name_notification_t, 48);
MACH_ABI_OFFSET(mach_dead_name_notification_t, not_port, 40);
MACH_ABI_SIZE(mach_port_deleted_notification_t, 48);
MACH_ABI_SIZE(mach_port_destroyed_notification_t, 48);
MACH_ABI_SIZE(mach_msg_accepted_notification_t, 48);
MACH_ABI_SIZE(mach_no_senders_notification_t, 48);
MACH_ABI_OFFSET(mach_no_senders_notification_t, not_count, 40);
MACH_ABI_SIZE(mach_send_once_notification_t, 32);
MACH_ABI_SIZE(device_intr_notification_t, 48);

/* Port status and the info structures (natural_t counts). */
MACH_ABI_SIZE(mach_port_status_t, 36);
MACH_ABI_SIZE(struct host_basic_info, 24);
MACH_ABI_SIZE(struct task_basic_info, 72);
MACH_ABI_SIZE(struct task_events_info, 56);
MACH_ABI_SIZE(struct thread_basic_info, 80);
MACH_ABI_SIZE(struct thread_sched_info, 32);
MACH_ABI_SIZE(vm_statistics_data_t, 52);
MACH_ABI_SIZE(struct i386_thread_state, 168);
MACH_ABI_ASSERT(TASK_BASIC_INFO_COUNT == 18, "TASK_BASIC_INFO_COUNT");
MACH_ABI_ASSERT(THREAD_BASIC_INFO_COUNT == 20, "THREAD_BASIC_INFO_COUNT");
MACH_ABI_ASSERT(HOST_BASIC_INFO_COUNT == 6, "HOST_BASIC_INFO_COUNT");
MACH_ABI_ASSERT(i386_THREAD_STATE_COUNT == 42, "i386_THREAD_STATE_COUNT");

/* Numbers of ABI.md. */
MACH_ABI_ASSERT(MACH_MSG_TYPE_MOVE_RECEIVE == 16 &&
		MACH_MSG_TYPE_MOVE_SEND == 17 &&
		MACH_MSG_TYPE_MOVE_SEND_ONCE == 18 &&
		MACH_MSG_TYPE_COPY_SEND == 19 &&
		MACH_MSG_TYPE_MAKE_SEND == 20 &&
		MACH_MSG_TYPE_MAKE_SEND_ONCE == 21 &&
		MACH_MSG_TYPE_PORT_NAME == 15 &&
		MACH_MSG_TYPE_PORT_RECEIVE == 16 &&
		MACH_MSG_TYPE_PORT_SEND == 17 &&
		MACH_MSG_TYPE_PORT_SEND_ONCE == 18, "port type names");
MACH_ABI_ASSERT(MACH_MSG_TYPE_INTEGER_32 == 2 &&
		MACH_MSG_TYPE_INTEGER_64 == 11 &&
		MACH_MSG_TYPE_CHAR == 8 && MACH_MSG_TYPE_BYTE == 9 &&
		MACH_MSG_TYPE_INTEGER_8 == 9 &&
		MACH_MSG_TYPE_INTEGER_16 == 1 &&
		MACH_MSG_TYPE_BOOLEAN == 0 && MACH_MSG_TYPE_REAL == 10 &&
		MACH_MSG_TYPE_STRING == 12, "data type names");
MACH_ABI_ASSERT(MACH_MSG_TYPE_POLYMORPHIC == 0xffffffffU, "polymorphic");
MACH_ABI_ASSERT(MACH_MSGH_BITS_COMPLEX == 0x80000000U, "complex bit");
MACH_ABI_ASSERT(MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND,
			       MACH_MSG_TYPE_MAKE_SEND_ONCE) == 0x1513,
		"MACH_MSGH_BITS");
MACH_ABI_ASSERT(MACH_MSGH_BITS_REMOTE(0x80001513U) == 0x13 &&
		MACH_MSGH_BITS_LOCAL(0x80001513U) == 0x15, "bits accessors");
MACH_ABI_ASSERT(MACH_MSGH_BITS_PORTS_MASK == 0xffff, "ports mask");
MACH_ABI_ASSERT(MACH_SEND_INVALID_DEST == 0x10000003 &&
		MACH_RCV_TIMED_OUT == 0x10004003 &&
		MACH_RCV_TOO_LARGE == 0x10004004, "mach_msg codes");
MACH_ABI_ASSERT(MIG_BAD_ID == -303 && MIG_BAD_ARGUMENTS == -304 &&
		MIG_SERVER_DIED == -308, "MIG codes");
MACH_ABI_ASSERT(MACH_NOTIFY_SEND_ONCE == 71 && MACH_NOTIFY_DEAD_NAME == 72 &&
		MACH_NOTIFY_NO_SENDERS == 70, "notification ids");
MACH_ABI_ASSERT(MACH_TRAP_mach_msg_trap == -25 &&
		MACH_TRAP_mach_task_self == -28 &&
		MACH_TRAP_thread_switch == -61, "trap numbers");

/* ---- run time: what the compiler cannot check statically ------------- */

#ifndef ABI_CHECK_NO_MAIN

static int failures;

static void
expect(int ok, int line)
{
	if (!ok)
		failures |= 1 << (line % 31);
}
#define EXPECT(cond)	expect((cond), __LINE__)

static unsigned int
word0(const void *p)
{
	const unsigned char *b = (const unsigned char *)p;

	return (unsigned int)b[0] | (unsigned int)b[1] << 8 |
	       (unsigned int)b[2] << 16 | (unsigned int)b[3] << 24;
}

static unsigned long long
slot(const void *p)
{
	const unsigned char *b = (const unsigned char *)p;
	unsigned long long v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = v << 8 | b[i];
	return v;
}

int
main(void)
{
	union {
		mach_msg_type_t t;
		mach_msg_type_long_t l;
		unsigned char raw[8];
	} d;
	union {
		mach_msg_header_t h;
		unsigned char raw[32];
	} m;
	unsigned int i;

	/* Descriptor bits, least significant first. */
	for (i = 0; i < sizeof d.raw; i++)
		d.raw[i] = 0;
	d.t.msgt_name = 0xab;
	EXPECT(word0(d.raw) == 0xab);
	d.t.msgt_name = 0;
	d.t.msgt_size = 0x1234;
	EXPECT(word0(d.raw) == 0x1234u << 8);
	d.t.msgt_size = 0;
	d.t.msgt_unused = 0x1f;
	EXPECT(word0(d.raw) == 0x1fu << 24);
	d.t.msgt_unused = 0;
	d.t.msgt_inline = 1;
	EXPECT(word0(d.raw) == 1u << 29);
	d.t.msgt_inline = 0;
	d.t.msgt_longform = 1;
	EXPECT(word0(d.raw) == 1u << 30);
	d.t.msgt_longform = 0;
	d.t.msgt_deallocate = 1;
	EXPECT(word0(d.raw) == 1u << 31);
	d.t.msgt_deallocate = 0;
	d.t.msgt_number = 0x01020304;
	EXPECT(word0(d.raw + 4) == 0x01020304);

	/* The long form's names see the same bits. */
	d.t.msgt_name = MACH_MSG_TYPE_INTEGER_64;
	d.t.msgt_size = 64;
	EXPECT(d.l.msgtl_name == MACH_MSG_TYPE_INTEGER_64);
	EXPECT(d.l.msgtl_size == 64);
	EXPECT(d.l.msgtl_number == 0x01020304);
	EXPECT(d.l.msgtl_header.msgt_size == 64);

	/* A port name sits in the low half of its 8-byte slot. */
	for (i = 0; i < sizeof m.raw; i++)
		m.raw[i] = 0;
	m.h.msgh_remote_port = 0x11223344;
	m.h.msgh_local_port = 0x55667788;
	EXPECT(slot(m.raw + 8) == 0x11223344);
	EXPECT(slot(m.raw + 16) == 0x55667788);
	m.h.msgh_protected_payload = 0x0123456789abcdefULL;
	EXPECT(slot(m.raw + 16) == 0x0123456789abcdefULL);

	return failures != 0;
}

#endif /* ABI_CHECK_NO_MAIN */
