# SPDX-License-Identifier: MIT
#
# ipc-lib.tcl: helpers of the IPC test directories (mach.ipc, mach.port,
# mach.notify), sourced by their .exp files.
#
# Which programs run: testsuite/Makefile.am writes MACH_TEST_NAMES (the
# programs wired into make check) and MACH_PENDING_NAMES (written against
# the documented semantics, waiting for kernel support) into site.exp.
# A program runs when it is wired, or when it is pending and the run asks
# for them:  make check DEJATOOL=mach RUNTESTFLAGS="MACH_RUN_PENDING=1"
# (after `make -C testsuite pending-elfs`).

proc mach_ipc_selected { name } {
    global MACH_TEST_NAMES MACH_PENDING_NAMES MACH_RUN_PENDING
    if {[info exists MACH_TEST_NAMES] &&
        [lsearch -exact $MACH_TEST_NAMES $name] >= 0} {
        return 1
    }
    if {[info exists MACH_RUN_PENDING] && $MACH_RUN_PENDING &&
        [info exists MACH_PENDING_NAMES] &&
        [lsearch -exact $MACH_PENDING_NAMES $name] >= 0} {
        return 1
    }
    return 0
}

# The zone statistics the kernel prints at halt with the `zone_stats'
# word ("zone NAME elem_size in_use peak max pages allocs fails", NAME may
# have blanks: "ipc kmsgs"), as a dict NAME -> in_use.
proc mach_zone_in_use { r } {
    set zones [dict create]
    foreach line [dict get $r console] {
        if {[regexp {^zone (.+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)\s*$} \
                 $line -> name size inuse]} {
            dict set zones $name $inuse
        }
    }
    return $zones
}

# Boot program NAME twice with the `zone_stats' kernel word, with
# arguments base and loaded, report both runs' cases, and (unless zones is
# 0) check that every zone's in-use count at halt is the same after the
# loaded run.
proc mach_leak_test { name what base loaded {budget 120} {zones 1} } {
    set prog [mach_program $name]
    if {![file exists $prog]} {
        unresolved "$name: test program $prog not built"
        return
    }
    set runs {}
    foreach progargs [list $base $loaded] {
        set r [mach_run -modules [list [concat [list $prog] $progargs]] \
                   -append zone_stats -timeout $budget]
        dict set r verdict [mach_report [mach_record_name $r $name] $r]
        lappend runs $r
    }
    lassign $runs r0 r1
    if {!$zones} {
        return
    }
    set z0 [mach_zone_in_use $r0]
    set z1 [mach_zone_in_use $r1]
    set test "$name: $what: kernel zones back to the baseline"
    if {[lindex [dict get $r0 verdict] 0] ne "ok" ||
        [lindex [dict get $r1 verdict] 0] ne "ok"} {
        unresolved $test
        return
    }
    # The IPC zones must be among them (the kernel names them "ipc ...").
    if {[llength [lsearch -all -glob [dict keys $z0] "ipc *"]] < 2} {
        verbose -log "mach: $name: no ipc zone lines at halt: [dict keys $z0]" 0
        unresolved $test
        return
    }
    set diffs {}
    dict for {zone n0} $z0 {
        set n1 [expr {[dict exists $z1 $zone] ? [dict get $z1 $zone] : "missing"}]
        if {$n1 ne $n0} {
            lappend diffs "$zone: $n0 -> $n1"
        }
    }
    if {[llength $diffs] == 0} {
        verbose -log "mach: $name: $what: [dict size $z0] zones equal:\
            [join [dict keys $z0] {, }]" 0
        pass $test
    } else {
        verbose -log "mach: $name: $what: zones differ: [join $diffs {; }]" 0
        fail $test
    }
}

# The kernel command lines every IPC program is booted with: the default
# (the IPC fast path on) and with the fast path off (STYLE.md: the suite
# passes both ways).
set mach_ipc_modes [list {} ipc_fastpath=0]

# Boot program NAME once per mode of mach_ipc_modes (progargs and more
# options as mach_test's); the cases of a run with a kernel command line
# are reported as "AREA [LINE]: case".
proc mach_ipc_test { name {progargs {}} args } {
    global mach_ipc_modes
    set prog [mach_program $name]
    if {![file exists $prog]} {
        unresolved "$name: test program $prog not built"
        return
    }
    array set opt [list -modules {}]
    array set opt $args
    set opt(-modules) [linsert $opt(-modules) 0 [concat [list $prog] $progargs]]
    foreach mode $mach_ipc_modes {
        set opt(-append) $mode
        set r [eval mach_run [array get opt]]
        set rname [mach_record_name $r $name]
        if {$mode ne ""} {
            set rname "$rname \[$mode\]"
        }
        dict set r verdict [mach_report $rname $r]
    }
}
