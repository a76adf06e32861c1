#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""bootbench: boot-time and null-trap figures of issue 3 (`make bench`).

(a) TCG wall time from QEMU's start to the kernel banner, the task's first
    line, its first test verdict (MT-PASS) and QEMU's exit: the median of
    --runs boots of the tiny task; beside it, the same for a stub kernel
    that only prints a line (QEMU's and the firmware's share).
(b) Guest instructions (QEMU -icount shift=0,sleep=off, where the guest's
    rdtsc counts instructions) to the task's first instruction and to its
    first verdict, and the firmware's share (the stub kernel's entry).
(c) Guest instructions of a null trap, mach_task_self() (nulltrap.c).

Each figure is printed with its target from the issue as a ratio
(below 1.0 is better than the target)."""

import argparse
import os
import re
import statistics
import subprocess
import sys
import time

TARGET_BOOT_MS = 150.0       # boot to the first verdict, TCG wall time
TARGET_NULL_TRAP = 60.0      # guest instructions
GNU_MACH_NULL_TRAP = 77.0    # GNU Mach, same QEMU


def qemu_command(args, module, extra, kernel=None):
    cmd = [args.qemu, "-M", "pc", "-accel", "tcg", "-cpu", "max",
           "-m", "128M", "-display", "none", "-monitor", "none",
           "-serial", "stdio", "-no-reboot",
           "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
    if args.qboot and os.path.exists(args.qboot):
        cmd += ["-bios", args.qboot]
    cmd += ["-kernel", kernel or args.kernel]
    if module:
        cmd += ["-initrd", module]
    return cmd + extra


def boot(args, module, extra=(), kernel=None):
    """Boot once; return ({event: seconds since start}, console lines,
    exit status).  Events: banner, first_task_line, first_verdict, stub
    (the stub kernel's line), exit."""
    cmd = qemu_command(args, module, list(extra), kernel)
    events = {}
    lines = []
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for raw in proc.stdout:
            now = time.monotonic() - start
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            lines.append(line)
            if line.startswith("STUB "):
                events["stub"] = now
            elif "banner" not in events and line.startswith("machkernel"):
                events["banner"] = now
            elif ("first_task_line" not in events
                  and not line.startswith("machkernel")):
                events["first_task_line"] = now
            if "first_verdict" not in events and line.startswith("MT-PASS"):
                events["first_verdict"] = now
        status = proc.wait(timeout=args.timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        status = None
    events["exit"] = time.monotonic() - start
    return events, lines, status


def bench_values(lines):
    """The key=value figures of BENCH and STUB lines (decimal or 0x)."""
    values = {}
    for line in lines:
        if line.startswith("BENCH ") or line.startswith("STUB "):
            for key, value in re.findall(r"(\w+)=(0x[0-9a-f]+|\d+)", line):
                values[key] = int(value, 0)
    return values


def check(status, lines, what):
    if status != 33:
        sys.stderr.write("bootbench: %s: QEMU exit status %s, not 33; "
                         "console:\n%s\n" % (what, status, "\n".join(lines)))
        sys.exit(1)


def ratio(value, target):
    return "%.2fx of target %g" % (value / target, target)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--qemu", default="qemu-system-x86_64")
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--qboot", default="/usr/share/qemu/qboot.rom")
    ap.add_argument("--tiny", required=True)
    ap.add_argument("--nulltrap", required=True)
    ap.add_argument("--stub-kernel", required=True,
                    help="multiboot kernel that only reports its entry TSC")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--timeout", type=float, default=60.0)
    args = ap.parse_args()

    # (a) TCG wall time, median of several boots; the stub kernel's line
    # is QEMU's and the firmware's share.
    samples = {}
    for _ in range(args.runs):
        events, lines, status = boot(args, args.tiny)
        check(status, lines, "tiny")
        for key, value in events.items():
            samples.setdefault(key, []).append(value * 1000.0)
        events, lines, status = boot(args, None, kernel=args.stub_kernel)
        check(status, lines, "stub kernel")
        samples.setdefault("stub", []).append(events.get("stub", 0) * 1000.0)
    med = {k: statistics.median(v) for k, v in samples.items()}
    print("bench/boot: TCG wall time from QEMU start, median of %d boots "
          "(min-max)" % args.runs)
    for key, label in (("stub", "QEMU+firmware (stub kernel)"),
                       ("banner", "kernel banner"),
                       ("first_task_line", "first line of the task"),
                       ("first_verdict", "first test verdict (MT-PASS)"),
                       ("exit", "QEMU exit (all tasks exited)")):
        if key not in med:
            print("  %-32s (not seen)" % label)
            continue
        extra = ""
        if key == "first_verdict":
            extra = "  " + ratio(med[key], TARGET_BOOT_MS)
        print("  %-32s %8.1f ms (%.1f-%.1f)%s" % (
            label, med[key], min(samples[key]), max(samples[key]), extra))

    # (b) guest instructions to the first user instruction and the marker,
    # and the firmware's share (the stub kernel's entry).
    icount = ["-icount", "shift=0,sleep=off"]
    _, lines, status = boot(args, None, icount, kernel=args.stub_kernel)
    check(status, lines, "stub kernel -icount")
    firmware = bench_values(lines).get("tsc", 0)
    _, lines, status = boot(args, args.tiny, icount)
    check(status, lines, "tiny -icount")
    v = bench_values(lines)
    first = v.get("first_user_tsc", -1)
    marker = v.get("marker_tsc", -1)
    print("bench/boot: guest instructions from power-on (-icount shift=0)")
    print("  %-32s %10d" % ("firmware and multiboot loader", firmware))
    print("  %-32s %10d  (kernel: %d)" % (
        "to the first user instruction", first, first - firmware))
    print("  %-32s %10d  (kernel and task: %d)" % (
        "to the first verdict", marker, marker - firmware))

    # (c) the null trap.
    _, lines, status = boot(args, args.nulltrap, icount)
    check(status, lines, "nulltrap -icount")
    v = bench_values(lines)
    if "null_trap_x100" not in v:
        sys.stderr.write("bootbench: no BENCH line from nulltrap:\n%s\n"
                         % "\n".join(lines))
        sys.exit(1)
    trap = v["null_trap_x100"] / 100.0
    print("bench/boot: null trap, mach_task_self() (-icount shift=0, "
          "min of 10 x %d calls, loop overhead %.2f subtracted)"
          % (v.get("calls", 0), v.get("loop_x100", 0) / 100.0))
    print("  %-32s %8.2f instructions  %s; GNU Mach %g: %.2fx" % (
        "per trap", trap, ratio(trap, TARGET_NULL_TRAP), GNU_MACH_NULL_TRAP,
        trap / GNU_MACH_NULL_TRAP))
    return 0


if __name__ == "__main__":
    sys.exit(main())
