/* SPDX-License-Identifier: MIT */
/*
 * <mach/syscall_sw.h>: the Mach trap numbers.
 *
 * A trap is `syscall` with the (negative) number in %rax and up to six
 * arguments in rdi, rsi, rdx, r10, r8, r9; a seventh stays on the user
 * stack above the return address.  The result comes back in %rax.
 *
 * MACH_TRAP_TABLE(X) calls X(name, number, argument count) once per trap;
 * MACH_TRAP_<name> is each number as a constant.  An assembly file that
 * defines kernel_trap(name, number, nargs) before including this header
 * (or gets the stub version from <mach/machine/syscall_sw.h>) gets one
 * kernel_trap() line per trap, the classic way to generate the stubs.
 */
#ifndef _MACH_SYSCALL_SW_H_
#define _MACH_SYSCALL_SW_H_

#include <mach/machine/syscall_sw.h>

#define MACH_TRAP_TABLE(X)				\
	X(evc_wait, -17, 1)				\
	X(evc_wait_clear, -18, 1)			\
	X(mach_msg_trap, -25, 7)			\
	X(mach_reply_port, -26, 0)			\
	X(mach_thread_self, -27, 0)			\
	X(mach_task_self, -28, 0)			\
	X(mach_host_self, -29, 0)			\
	X(mach_print, -30, 1)				\
	X(swtch_pri, -59, 1)				\
	X(swtch, -60, 0)				\
	X(thread_switch, -61, 3)			\
	X(syscall_vm_map, -64, 11)			\
	X(syscall_vm_allocate, -65, 4)			\
	X(syscall_vm_deallocate, -66, 3)		\
	X(syscall_task_create, -68, 3)			\
	X(syscall_task_terminate, -69, 1)		\
	X(syscall_task_suspend, -70, 1)			\
	X(syscall_task_set_special_port, -71, 3)	\
	X(syscall_mach_port_allocate, -72, 3)		\
	X(syscall_mach_port_deallocate, -73, 2)		\
	X(syscall_mach_port_insert_right, -74, 4)	\
	X(syscall_mach_port_allocate_name, -75, 3)	\
	X(syscall_thread_depress_abort, -76, 1)		\
	X(nw_update, -80, 3)				\
	X(nw_lookup, -81, 2)				\
	X(nw_endpoint_allocate, -82, 4)			\
	X(nw_endpoint_deallocate, -83, 1)		\
	X(nw_buffer_allocate, -84, 2)			\
	X(nw_buffer_deallocate, -85, 2)			\
	X(nw_connection_open, -86, 4)			\
	X(nw_connection_accept, -87, 3)			\
	X(nw_connection_close, -88, 1)			\
	X(nw_multicast_add, -89, 4)			\
	X(nw_multicast_drop, -90, 4)			\
	X(nw_endpoint_status, -91, 3)			\
	X(nw_send, -92, 3)				\
	X(nw_receive, -93, 2)				\
	X(nw_rpc, -94, 4)				\
	X(nw_select, -95, 3)

#define MACH_TRAP_evc_wait			(-17)
#define MACH_TRAP_evc_wait_clear		(-18)
#define MACH_TRAP_mach_msg_trap			(-25)
#define MACH_TRAP_mach_reply_port		(-26)
#define MACH_TRAP_mach_thread_self		(-27)
#define MACH_TRAP_mach_task_self		(-28)
#define MACH_TRAP_mach_host_self		(-29)
#define MACH_TRAP_mach_print			(-30)
#define MACH_TRAP_swtch_pri			(-59)
#define MACH_TRAP_swtch				(-60)
#define MACH_TRAP_thread_switch			(-61)
#define MACH_TRAP_syscall_vm_map		(-64)
#define MACH_TRAP_syscall_vm_allocate		(-65)
#define MACH_TRAP_syscall_vm_deallocate		(-66)
#define MACH_TRAP_syscall_task_create		(-68)
#define MACH_TRAP_syscall_task_terminate	(-69)
#define MACH_TRAP_syscall_task_suspend		(-70)
#define MACH_TRAP_syscall_task_set_special_port	(-71)
#define MACH_TRAP_syscall_mach_port_allocate	(-72)
#define MACH_TRAP_syscall_mach_port_deallocate	(-73)
#define MACH_TRAP_syscall_mach_port_insert_right (-74)
#define MACH_TRAP_syscall_mach_port_allocate_name (-75)
#define MACH_TRAP_syscall_thread_depress_abort	(-76)

#ifdef kernel_trap
#define _MACH_TRAP_LINE(name, number, nargs) kernel_trap(name, number, nargs);
MACH_TRAP_TABLE(_MACH_TRAP_LINE)
#undef _MACH_TRAP_LINE
#endif

#endif /* _MACH_SYSCALL_SW_H_ */
