/* SPDX-License-Identifier: MIT */
/*
 * task_info, task_threads and thread_info through the kernel's generated
 * mach.defs server: real sizes (touching new stack pages makes them
 * resident), the threads of a task in creation order as an out-of-line
 * array of send rights named as thread_create and mach_thread_self named
 * them, thread states (running, created suspended, waiting in mach_msg),
 * and each error: a bad flavor, a short count, a port of another kind.
 */
#include <mach/message.h>
#include <mach/port.h>
#include <mach/mach_traps.h>
#include <mach/mach_port.h>
#include <mach/mach_host.h>
#include <mach/mach_interface.h>
#include <mach/task_info.h>
#include <mach/thread_info.h>
#include <mach/thread_status.h>
#include <mach/thread_switch.h>
#include <mach/policy.h>
#include <string.h>
#include "mt.h"

#define SELF mach_task_self()
#define PAGE 4096UL

/* The priority the kernel reports for every task and thread for now. */
#define PRIORITY_USER 25

static mach_port_t idle;
static uint64_t stack[2048] __attribute__((aligned(16)));

/* The second thread: wait on a port nobody sends to. */
static void waiter(void)
{
	mach_msg_header_t h;

	mach_msg(&h, MACH_RCV_MSG, 0, sizeof h, idle, 0, 0);
	for (;;)
		thread_switch(MACH_PORT_NULL, SWITCH_OPTION_WAIT, 1000);
}

/* Write to `pages' stack pages below the caller's frame. */
static __attribute__((noinline)) void touch_stack(unsigned pages)
{
	char area[32 * PAGE];
	volatile char *p = area;

	for (unsigned i = 0; i < pages && i < 32; i++)
		p[i * PAGE] = (char)i;
}

static kern_return_t basic_info(mach_port_t task, task_basic_info_t bi,
				mach_msg_type_number_t *n)
{
	*n = TASK_BASIC_INFO_COUNT;
	return task_info(task, TASK_BASIC_INFO, (task_info_t)bi, n);
}

static void test_task_info(mach_port_t host)
{
	task_basic_info_data_t b1, b2;
	task_thread_times_info_data_t tt;
	task_info_data_t big;
	mach_msg_type_number_t n;
	time_value_t now;
	kern_return_t kr;

	kr = basic_info(SELF, &b1, &n);
	MT_CHECK(kr == KERN_SUCCESS && n == TASK_BASIC_INFO_COUNT,
		 "task_info basic (kr %d count %u)", kr, n);
	MT_CHECK(b1.suspend_count == 0 && b1.base_priority == PRIORITY_USER,
		 "not suspended, the user priority (%d, %d)", b1.suspend_count,
		 b1.base_priority);
	MT_CHECK(b1.resident_size > 0 && b1.resident_size % PAGE == 0 &&
		 b1.virtual_size % PAGE == 0 &&
		 b1.virtual_size >= b1.resident_size,
		 "sizes in pages, resident within virtual");
	kr = host_get_time(host, &now);
	MT_CHECK(kr == KERN_SUCCESS &&
		 (b1.creation_time.seconds < now.seconds ||
		  (b1.creation_time.seconds == now.seconds &&
		   b1.creation_time.microseconds <= now.microseconds)) &&
		 b1.user_time.seconds == 0 && b1.system_time.seconds == 0,
		 "created before now; under a second of user time, no "
		 "system time");

	touch_stack(24);
	kr = basic_info(SELF, &b2, &n);
	MT_CHECK(kr == KERN_SUCCESS &&
		 b2.resident_size >= b1.resident_size + 16 * PAGE &&
		 b2.virtual_size == b1.virtual_size,
		 "new stack pages become resident, the reservation stays");

	n = TASK_INFO_MAX;
	kr = task_info(SELF, TASK_BASIC_INFO, big, &n);
	MT_CHECK(kr == KERN_SUCCESS && n == TASK_BASIC_INFO_COUNT,
		 "task_info: a large count comes back as the size "
		 "(kr %d count %u)", kr, n);
	n = TASK_THREAD_TIMES_INFO_COUNT;
	kr = task_info(SELF, TASK_THREAD_TIMES_INFO, (task_info_t)&tt, &n);
	MT_CHECK(kr == KERN_SUCCESS && n == TASK_THREAD_TIMES_INFO_COUNT,
		 "task_info thread times (kr %d count %u)", kr, n);

	n = TASK_BASIC_INFO_COUNT - 1;
	MT_EXPECT_KR(task_info(SELF, TASK_BASIC_INFO, big, &n),
		     KERN_INVALID_ARGUMENT, "task_info basic with a short count");
	n = TASK_THREAD_TIMES_INFO_COUNT - 1;
	MT_EXPECT_KR(task_info(SELF, TASK_THREAD_TIMES_INFO, big, &n),
		     KERN_INVALID_ARGUMENT, "task_info thread times short count");
	n = TASK_INFO_MAX;
	MT_EXPECT_KR(task_info(SELF, 99, big, &n), KERN_INVALID_ARGUMENT,
		     "task_info unknown flavor");
	n = TASK_INFO_MAX;
	MT_EXPECT_KR(task_info(SELF, TASK_EVENTS_INFO, big, &n),
		     KERN_INVALID_ARGUMENT, "task_info events (not kept)");
	n = TASK_INFO_MAX;
	MT_EXPECT_KR(task_info(host, TASK_BASIC_INFO, big, &n),
		     KERN_INVALID_ARGUMENT, "task_info on the host port");
}

/*
 * task_threads of `task': the names, in order, must be want[0..nwant-1].
 * Drops the rights and the array it got.
 */
static int threads_are(mach_port_t task, const mach_port_t *want,
		       unsigned nwant)
{
	thread_array_t list = 0;
	mach_msg_type_number_t n = 0;
	kern_return_t kr;
	int ok;

	kr = task_threads(task, &list, &n);
	if (kr != KERN_SUCCESS)
		return 0;
	ok = n == nwant && (n == 0 || list != 0);
	for (unsigned i = 0; i < n; i++) {
		ok &= i < nwant && list[i] == want[i];
		ok &= mach_port_deallocate(SELF, list[i]) == KERN_SUCCESS;
	}
	/* Not served before the VM issue; the pages go with the task. */
	if (list != 0)
		(void)vm_deallocate(SELF, (vm_address_t)list, n * sizeof(*list));
	return ok;
}

/*
 * A task_threads request with no reply port: the kernel serves it and
 * drops the reply, its rights and its out-of-line array (ipc.exp's zone
 * check sees any right left behind).  Then a real call still works.
 */
static int task_threads_oneway(mach_port_t self_th)
{
	mach_msg_header_t h;

	memset(&h, 0, sizeof h);
	h.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, 0);
	h.msgh_size = sizeof h;
	h.msgh_remote_port = SELF;
	h.msgh_local_port = MACH_PORT_NULL;
	h.msgh_id = 2011;		/* task_threads */
	if (mach_msg(&h, MACH_SEND_MSG, sizeof h, 0, MACH_PORT_NULL, 0, 0) !=
	    MACH_MSG_SUCCESS)
		return 0;
	return threads_are(SELF, &self_th, 1);
}

/* The references of our send right `name'. */
static mach_port_urefs_t send_refs(mach_port_t name)
{
	mach_port_urefs_t refs = 0;

	(void)mach_port_get_refs(SELF, name, MACH_PORT_RIGHT_SEND, &refs);
	return refs;
}

static kern_return_t thread_basic(mach_port_t th, thread_basic_info_t bi)
{
	mach_msg_type_number_t n = THREAD_BASIC_INFO_COUNT;
	kern_return_t kr = thread_info(th, THREAD_BASIC_INFO, (thread_info_t)bi, &n);

	return kr == KERN_SUCCESS && n != THREAD_BASIC_INFO_COUNT ? -1 : kr;
}

static void test_threads(mach_port_t host)
{
	mach_port_t self_th = mach_thread_self(), t1, t2, child, want[3];
	thread_basic_info_data_t bi;
	thread_sched_info_data_t si;
	thread_info_data_t big;
	struct i386_thread_state st;
	mach_msg_type_number_t n;
	mach_port_urefs_t refs;
	thread_array_t list = 0;
	kern_return_t kr;

	want[0] = self_th;
	MT_CHECK(threads_are(SELF, want, 1),
		 "task_threads: only this thread, named as mach_thread_self");
	refs = send_refs(self_th);
	kr = task_threads(SELF, &list, &n);
	MT_CHECK(kr == KERN_SUCCESS && n == 1 && list[0] == self_th &&
		 send_refs(self_th) == refs + 1 &&
		 mach_port_deallocate(SELF, list[0]) == KERN_SUCCESS &&
		 send_refs(self_th) == refs,
		 "task_threads adds one reference to the name, dropped again "
		 "(kr %d)", kr);
	if (kr == KERN_SUCCESS)
		(void)vm_deallocate(SELF, (vm_address_t)list, n * sizeof(*list));

	MT_CHECK(task_threads_oneway(self_th),
		 "task_threads with no reply port: served, nothing comes back");

	kr = thread_create(SELF, &t1);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "thread_create t1");
	kr = thread_create(SELF, &t2);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "thread_create t2");
	want[1] = t1;
	want[2] = t2;
	MT_CHECK(threads_are(SELF, want, 3),
		 "task_threads: three threads in creation order, same names");

	kr = thread_basic(self_th, &bi);
	MT_CHECK(kr == KERN_SUCCESS && bi.run_state == TH_STATE_RUNNING &&
		 bi.suspend_count == 0 && bi.base_priority == PRIORITY_USER &&
		 bi.cur_priority == PRIORITY_USER && bi.flags == 0,
		 "thread_info basic: this thread runs (kr %d state %d)", kr,
		 bi.run_state);
	kr = thread_basic(t1, &bi);
	MT_CHECK(kr == KERN_SUCCESS && bi.run_state == TH_STATE_STOPPED &&
		 bi.suspend_count == 1,
		 "a created thread is stopped, suspended once (kr %d state %d "
		 "count %d)", kr, bi.run_state, bi.suspend_count);

	/* t2 waits in mach_msg once it has run. */
	mach_port_allocate(SELF, MACH_PORT_RIGHT_RECEIVE, &idle);
	memset(&st, 0, sizeof st);
	st.rip = (uint64_t)(uintptr_t)waiter;
	st.ursp = (uint64_t)(uintptr_t)&stack[2048 - 1];
	thread_set_state(t2, i386_THREAD_STATE, (thread_state_t)&st,
			 i386_THREAD_STATE_COUNT);
	MT_EXPECT_KR(thread_resume(t2), KERN_SUCCESS, "thread_resume t2");
	thread_switch(t2, SWITCH_OPTION_NONE, 0);	/* it runs and blocks */
	kr = thread_basic(t2, &bi);
	MT_CHECK(kr == KERN_SUCCESS && bi.run_state == TH_STATE_WAITING &&
		 bi.suspend_count == 0,
		 "a thread in mach_msg is waiting (kr %d state %d)", kr,
		 bi.run_state);

	n = THREAD_SCHED_INFO_COUNT;
	kr = thread_info(t2, THREAD_SCHED_INFO, (thread_info_t)&si, &n);
	MT_CHECK(kr == KERN_SUCCESS && n == THREAD_SCHED_INFO_COUNT &&
		 si.policy == POLICY_TIMESHARE &&
		 si.base_priority == PRIORITY_USER && !si.depressed,
		 "thread_info sched: timesharing, not depressed (kr %d)", kr);
	n = THREAD_INFO_MAX;
	kr = thread_info(t2, THREAD_BASIC_INFO, big, &n);
	MT_CHECK(kr == KERN_SUCCESS && n == THREAD_BASIC_INFO_COUNT,
		 "thread_info: a large count comes back as the size "
		 "(kr %d count %u)", kr, n);
	n = THREAD_BASIC_INFO_COUNT - 1;
	MT_EXPECT_KR(thread_info(t2, THREAD_BASIC_INFO, big, &n),
		     KERN_INVALID_ARGUMENT, "thread_info basic short count");
	n = THREAD_SCHED_INFO_COUNT - 1;
	MT_EXPECT_KR(thread_info(t2, THREAD_SCHED_INFO, big, &n),
		     KERN_INVALID_ARGUMENT, "thread_info sched short count");
	n = THREAD_INFO_MAX;
	MT_EXPECT_KR(thread_info(t2, 99, big, &n), KERN_INVALID_ARGUMENT,
		     "thread_info unknown flavor");
	n = THREAD_INFO_MAX;
	MT_EXPECT_KR(thread_info(SELF, THREAD_BASIC_INFO, big, &n),
		     KERN_INVALID_ARGUMENT, "thread_info on a task port");
	MT_EXPECT_KR(task_threads(host, &list, &n), KERN_INVALID_ARGUMENT,
		     "task_threads on the host port");

	/* Terminated threads leave the list; their names die. */
	MT_EXPECT_KR(thread_terminate(t1), KERN_SUCCESS, "thread_terminate t1");
	MT_EXPECT_KR(thread_terminate(t2), KERN_SUCCESS, "thread_terminate t2");
	MT_CHECK(threads_are(SELF, want, 1),
		 "task_threads after thread_terminate: this thread alone");
	MT_EXPECT_KR(thread_basic(t1, &bi), MACH_SEND_INVALID_DEST,
		     "thread_info on a terminated thread's dead name");
	mach_port_deallocate(SELF, t1);
	mach_port_deallocate(SELF, t2);

	/* Another task's threads. */
	kr = task_create(SELF, 0, &child);
	MT_EXPECT_KR(kr, KERN_SUCCESS, "task_create");
	list = (thread_array_t)1;
	n = 7;
	kr = task_threads(child, &list, &n);
	MT_CHECK(kr == KERN_SUCCESS && n == 0 && list == 0,
		 "task_threads of a task without threads: none (kr %d n %u)",
		 kr, n);
	kr = thread_create(child, &t1);
	want[0] = t1;
	MT_CHECK(kr == KERN_SUCCESS && threads_are(child, want, 1),
		 "task_threads of the child: its thread");
	MT_EXPECT_KR(task_terminate(child), KERN_SUCCESS, "task_terminate");
	mach_port_deallocate(SELF, t1);
	mach_port_deallocate(SELF, child);
	mach_port_deallocate(SELF, self_th);
	mach_port_destroy(SELF, idle);
}

static uint64_t usec(time_value_t t)
{
	return (uint64_t)t.seconds * 1000000 + (uint64_t)t.microseconds;
}

/*
 * CPU time: the clock samples it, so a thread that spins in user mode sees
 * its user_time grow (by at least 50 ms within a bounded spin), and the
 * task's times include it.
 */
static void test_times(void)
{
	mach_port_t th = mach_thread_self();
	thread_basic_info_data_t t0, t1;
	task_basic_info_data_t b;
	task_thread_times_info_data_t tt;
	mach_msg_type_number_t n = THREAD_BASIC_INFO_COUNT;
	kern_return_t kr;
	int tries = 0;

	kr = thread_info(th, THREAD_BASIC_INFO, (thread_info_t)&t0, &n);
	t1 = t0;
	while (kr == KERN_SUCCESS && tries++ < 400 &&
	       usec(t1.user_time) < usec(t0.user_time) + 50000) {
		for (volatile int i = 0; i < 1000000; i++)
			;
		n = THREAD_BASIC_INFO_COUNT;
		kr = thread_info(th, THREAD_BASIC_INFO, (thread_info_t)&t1,
				 &n);
	}
	MT_CHECK(kr == KERN_SUCCESS &&
		 usec(t1.user_time) >= usec(t0.user_time) + 50000 &&
		 t1.user_time.microseconds < 1000000,
		 "spinning in user mode shows as user_time (%u.%06u s after "
		 "%u.%06u s)", (unsigned)t1.user_time.seconds,
		 (unsigned)t1.user_time.microseconds,
		 (unsigned)t0.user_time.seconds,
		 (unsigned)t0.user_time.microseconds);
	MT_CHECK(t1.system_time.seconds == 0 &&
		 t1.system_time.microseconds == 0,
		 "no system time (the kernel is not preemptible)");
	n = TASK_BASIC_INFO_COUNT;
	kr = task_info(SELF, TASK_BASIC_INFO, (task_info_t)&b, &n);
	MT_CHECK(kr == KERN_SUCCESS && usec(b.user_time) >= usec(t1.user_time),
		 "the task's user_time includes the thread's");
	n = TASK_THREAD_TIMES_INFO_COUNT;
	kr = task_info(SELF, TASK_THREAD_TIMES_INFO, (task_info_t)&tt, &n);
	MT_CHECK(kr == KERN_SUCCESS &&
		 usec(tt.user_time) >= usec(t1.user_time) &&
		 usec(tt.user_time) <= usec(b.user_time),
		 "the live threads' user_time: the thread's at least, the "
		 "task's at most");
	mach_port_deallocate(SELF, th);
}

int main(void)
{
	mach_port_t host = mach_host_self();

	MT_BEGIN("kipc/taskinfo", 41);
	test_task_info(host);
	test_threads(host);
	test_times();
	mach_port_deallocate(SELF, host);
	return MT_END();
}
