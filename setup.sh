#!/bin/sh
# SPDX-License-Identifier: MIT
#
# setup.sh - install what is missing, build, and run a goal.
#
#   ./setup.sh          install the Debian packages the SDK needs, configure
#                       and build in _build/
#   ./setup.sh run      ... then boot the reference system under QEMU
#   ./setup.sh check    ... then run the whole test suite (make check)
#   ./setup.sh deps     only install the packages
#
# Safe to run again: it installs only what is missing and reuses _build/.
# Environment: BUILD_DIR (default _build), JOBS (default: nproc),
# CONFIGURE_FLAGS (extra ./configure arguments).
set -eu

goal=${1:-build}
top=$(cd "$(dirname "$0")" && pwd)
build=${BUILD_DIR:-$top/_build}
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}

# Everything the build, the tests and the benchmarks use, by Debian name.
packages="
  gcc make binutils libc6-dev
  autoconf automake
  flex bison
  dejagnu expect
  qemu-system-x86
  gnumach-dev mig-x86-64-gnu
  valgrind clang libclang-rt-dev
  texinfo
  python3
"

missing=""
for p in $packages; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done

if [ -n "$missing" ]; then
	echo "setup.sh: installing:$missing"
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq
	# shellcheck disable=SC2086
	$sudo apt-get install -y -qq --no-install-recommends $missing
else
	echo "setup.sh: all packages present"
fi

[ "$goal" = deps ] && exit 0

if [ ! -x "$top/configure" ] || [ "$top/configure.ac" -nt "$top/configure" ]; then
	echo "setup.sh: autoreconf"
	(cd "$top" && autoreconf -fi)
fi

mkdir -p "$build"
cd "$build"
if [ ! -f Makefile ] || [ "$top/configure" -nt config.status ]; then
	# shellcheck disable=SC2086
	"$top/configure" ${CONFIGURE_FLAGS:-}
fi
make -j"$jobs"

case "$goal" in
build) ;;
run) exec make run ;;
check)
	status=0
	make -j"$jobs" check || status=$?
	"$top/scripts/check-sums" testsuite || status=1
	exit $status ;;
*) echo "setup.sh: unknown goal '$goal' (build, run, check, deps)" >&2; exit 2 ;;
esac
