#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""bench/mig: our mig against Debian's GNU MIG (x86_64-gnu-mig), same run.

1. Compile time of the whole gnumach-dev corpus (every .defs with a
   subsystem under GNUMACH_INCLUDE/{mach,device,mach_debug}): user stubs,
   server stubs and header of each, one compiler after the other, the order
   alternating between runs; the median of the runs, wall and CPU time.
2. Instructions per round trip (valgrind --tool=callgrind) of the routines
   of bench.defs: null, int in/out, 1 KiB inline array, 4 KiB out-of-line
   array, string.  Both sides are the same program (bench_main.c) over the
   same kind of in-process transport (bench_rt.c); ours is built against
   libmach/include, GNU MIG's against gnumach-dev's headers and its old
   4-byte descriptors.  Counted: user stub + demultiplexer + server stub +
   server function; the kernel's copying (bk_copyin/bk_destroy) and
   vm_deallocate are left out with --toggle-collect.

Prints counts and ratios (ours / GNU MIG: below 1 is better).
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROUTINES = [
    ("null", "null routine"),
    ("int", "int in, int out"),
    ("inline", "1 KiB inline array"),
    ("ool", "4 KiB out-of-line array"),
    ("string", "c_string[256]"),
]


def corpus(gm):
    files = []
    for sub in ("mach", "device", "mach_debug"):
        d = os.path.join(gm, sub)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if not name.endswith(".defs"):
                continue
            path = os.path.join(d, name)
            with open(path, errors="replace") as f:
                if any(line.lstrip().startswith("subsystem") for line in f):
                    files.append(path)
    return files


def compile_pass(mig, gm, files, out):
    """Compile every file once; returns (wall, cpu) seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    for i, f in enumerate(files):
        b = os.path.join(out, "f%d" % i)
        subprocess.run([mig, "-I" + gm, "-user", b + "User.c", "-server",
                        b + "Server.c", "-header", b + ".h", f],
                       check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def bench_compile(args, files):
    sides = {"ours": args.mig, "gnu": args.gnu_mig}
    res = {"ours": [], "gnu": []}
    for r in range(args.runs):
        order = ["ours", "gnu"] if r % 2 == 0 else ["gnu", "ours"]
        for side in order:
            out = os.path.join(args.workdir, "compile-" + side)
            shutil.rmtree(out, ignore_errors=True)
            os.makedirs(out)
            res[side].append(compile_pass(sides[side], args.gnumach_include, files, out))
    return res


def sh(cmd, cwd):
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    if p.returncode != 0:
        sys.stderr.write("migbench: %s failed:\n%s\n" % (" ".join(cmd), p.stdout))
        sys.exit(1)


def build_side(args, side):
    d = os.path.join(args.workdir, "rt-" + side)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    src = args.srcdir
    mig = args.mig if side == "ours" else args.gnu_mig
    sh([mig, "-I" + args.gnumach_include, "-I" + src, "-user", "benchUser.c",
        "-server", "benchServer.c", "-header", "bench.h",
        os.path.join(src, "bench.defs")], d)
    if side == "ours":
        inc = ["-I" + args.mach_include]
        extra = []
    else:
        # gnumach-dev's headers (on the compiler's default path) plus the
        # mig_support.h they lack.
        inc = ["-I" + os.path.join(src, "gnu")]
        extra = ["-DBENCH_OLD_ABI"]
    cc = args.cc.split()
    flags = ["-O2", "-g", "-w"] + inc + ["-iquote", src, "-iquote", "."]
    sh(cc + flags + ["-include", os.path.join(src, "bench_renames.h"), "-c",
                     "benchUser.c", "-o", "u.o"], d)
    sh(cc + flags + ["-c", "benchServer.c", "-o", "s.o"], d)
    sh(cc + flags + ["-c", os.path.join(src, "bench_main.c"), "-o", "m.o"], d)
    sh(cc + flags + extra + ["-c", os.path.join(src, "bench_rt.c"), "-o", "r.o"], d)
    sh(cc + ["-o", "bench", "u.o", "s.o", "m.o", "r.o"], d)
    sh([os.path.join(d, "bench")], d)      # every routine once: results checked
    return os.path.join(d, "bench")


def callgrind(args, prog, routine):
    out = prog + ".cg." + routine
    cmd = [args.valgrind, "--tool=callgrind", "--callgrind-out-file=" + out,
           "--collect-atstart=no", "--toggle-collect=bench_loop_" + routine,
           "--toggle-collect=bk_copyin", "--toggle-collect=bk_destroy",
           "--toggle-collect=vm_deallocate", prog, routine, str(args.iterations)]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        sys.stderr.write("migbench: callgrind failed:\n%s\n" % p.stderr)
        sys.exit(1)
    with open(out) as f:
        for line in f:
            if line.startswith("totals:") or line.startswith("summary:"):
                return int(line.split()[1]) / args.iterations
    sys.exit("migbench: no totals in " + out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mig", required=True)
    ap.add_argument("--gnu-mig", default=shutil.which("x86_64-gnu-mig"))
    ap.add_argument("--gnumach-include", default="/usr/include/x86_64-linux-gnu")
    ap.add_argument("--mach-include", required=True)
    ap.add_argument("--srcdir", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--workdir", default="mig-bench-work")
    ap.add_argument("--cc", default="gcc")
    ap.add_argument("--valgrind", default=shutil.which("valgrind"))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--iterations", type=int, default=1000)
    args = ap.parse_args()

    if not args.gnu_mig:
        sys.exit("migbench: x86_64-gnu-mig not found (apt-get install mig-x86-64-gnu)")
    args.mig = os.path.abspath(args.mig)
    args.srcdir = os.path.abspath(args.srcdir)
    args.mach_include = os.path.abspath(args.mach_include)
    os.makedirs(args.workdir, exist_ok=True)
    args.workdir = os.path.abspath(args.workdir)

    files = corpus(args.gnumach_include)
    if not files:
        sys.exit("migbench: no .defs under " + args.gnumach_include + " (gnumach-dev)")
    res = bench_compile(args, files)
    print("mig compile time: whole gnumach-dev corpus (%d .defs with a subsystem; "
          "user + server + header), median of %d runs" % (len(files), args.runs))
    print("  %-10s %10s %10s %10s" % ("", "ours", "GNU MIG", "ours/GNU"))
    for k, label in ((0, "wall (s)"), (1, "cpu (s)")):
        o = statistics.median(x[k] for x in res["ours"])
        g = statistics.median(x[k] for x in res["gnu"])
        print("  %-10s %10.3f %10.3f %10.2f" % (label, o, g, o / g if g else float("nan")))

    if not args.valgrind:
        print("instructions per round trip: skipped (valgrind not found)")
        return
    progs = {side: build_side(args, side) for side in ("ours", "gnu")}
    print("instructions per round trip (callgrind, %d calls; user stub + demux + "
          "server stub + server function, kernel copy excluded)" % args.iterations)
    print("  %-26s %10s %10s %10s" % ("routine", "ours", "GNU MIG", "ours/GNU"))
    for r, label in ROUTINES:
        o = callgrind(args, progs["ours"], r)
        g = callgrind(args, progs["gnu"], r)
        print("  %-26s %10.1f %10.1f %10.2f" % (label, o, g, o / g))


if __name__ == "__main__":
    main()
