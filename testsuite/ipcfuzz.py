#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""ipcfuzz: long fuzzing of the kernel's IPC (`make fuzz-ipc`, not `make check`).

Boots the kernel again and again under QEMU (TCG) with the two fuzz tasks of
the test suite, a new seed each boot, until FUZZ_SECONDS have passed:

  mach.ipc/fuzz.elf SEED COUNT      random and mutated messages to the task's
                                    own ports and to kernel ports;
  mach.ipc/fpfuzz.elf SEED COUNT    RPCs of the fast path's shape, mutated,
                                    between two threads.

Each boot alternates the fast path on and off.  A boot passes when QEMU exits
with 33 (every task exited), the console shows no panic and no MT-FAIL line,
and the program's MT-END reports no failure.  The first failure stops the run
and prints the QEMU command that repeats it; the log of that boot is kept in
ipcfuzz-failure.log.  Exit status 0 when every boot passed."""

import argparse
import os
import subprocess
import sys
import time


def command(args, elf, seed, count, fast):
    cmd = [args.qemu, "-M", "pc", "-accel", "tcg", "-cpu", "max",
           "-m", "128M", "-display", "none", "-monitor", "none",
           "-serial", "stdio", "-no-reboot",
           "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
    if args.qboot and os.path.exists(args.qboot):
        cmd += ["-bios", args.qboot]
    cmd += ["-kernel", args.kernel]
    if not fast:
        cmd += ["-append", "ipc_fastpath=0"]
    cmd += ["-initrd", "%s %d %d" % (elf, seed, count)]
    return cmd


def boot(cmd, timeout):
    """(passed, reason, console text) of one boot."""
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout)
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        return False, "timeout after %d s" % timeout, out
    out = p.stdout.decode("utf-8", "replace")
    if any(line.startswith("panic:") for line in out.splitlines()):
        return False, "kernel panic", out
    if "MT-FAIL" in out:
        return False, "a case failed", out
    ends = [line for line in out.splitlines() if line.startswith("MT-END")]
    if not ends or not ends[-1].rstrip().endswith(" 0"):
        return False, "no clean MT-END", out
    if p.returncode != 33:
        return False, "QEMU exit status %d" % p.returncode, out
    return True, "", out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--qemu", required=True)
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--qboot", default="")
    ap.add_argument("--fuzz", required=True, help="mach.ipc/fuzz.elf")
    ap.add_argument("--fpfuzz", required=True, help="mach.ipc/fpfuzz.elf")
    ap.add_argument("--seconds", type=int, default=600)
    ap.add_argument("--count", type=int, default=20000,
                    help="messages or RPCs per boot")
    ap.add_argument("--first-seed", type=int, default=100)
    args = ap.parse_args()

    start = time.monotonic()
    boots = calls = 0
    seed = args.first_seed
    progs = [("fuzz", args.fuzz), ("fpfuzz", args.fpfuzz)]
    while time.monotonic() - start < args.seconds:
        for name, elf in progs:
            fast = seed % 2 == 0
            cmd = command(args, elf, seed, args.count, fast)
            ok, reason, out = boot(cmd, 300)
            boots += 1
            if not ok:
                with open("ipcfuzz-failure.log", "w") as f:
                    f.write(out)
                print("ipcfuzz: %s seed %d (fast path %s): %s"
                      % (name, seed, "on" if fast else "off", reason))
                print("ipcfuzz: repeat with: %s"
                      % " ".join("'%s'" % c if " " in c else c for c in cmd))
                print("ipcfuzz: console in ipcfuzz-failure.log")
                return 1
            calls += args.count
        seed += 1
    print("ipcfuzz: %d boots, %d fuzzed messages and RPCs, seeds %d-%d, "
          "%.0f s: no failure" % (boots, calls, args.first_seed, seed - 1,
                                  time.monotonic() - start))
    return 0


if __name__ == "__main__":
    sys.exit(main())
