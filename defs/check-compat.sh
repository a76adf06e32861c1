#!/bin/sh
# SPDX-License-Identifier: MIT
#
# check-compat.sh -- check that the project's interface definitions are
# wire-compatible with a reference set (GNU Mach's, as Debian's gnumach-dev
# installs them), by compiling both with one MIG and comparing what comes out.
#
# Usage: check-compat.sh [options] OURS REF
#   OURS, REF   a directory holding the .defs; either flat (like defs/, which
#               then serves as <mach/...>, <device/...> and <mach_debug/...>)
#               or a root with mach/, device/ (and mach_debug/) below it,
#               like /usr/include/<triplet>.
# Options:
#   --mig PROG        the MIG to compile both sides with (default: $MIG, else
#                     x86_64-gnu-mig)
#   --ref-types       compile our interfaces against REF's type files, to
#                     separate interface differences from type-file ones
#   --full            also diff the whole generated files (stricter: any
#                     textual difference in the output counts)
#   --accept PROG     also check that PROG (e.g. the project's mig) accepts
#                     every one of our files in every configuration
#   --keep            keep the scratch directory and print its name
#   --only LIST       check only these interfaces (space-separated names)
#   --configs LIST    check only these configurations (space-separated names
#                     from: plain kernel_user kernel_server seqnos emulator
#                     migrating_threads hurd_hooks hurd_hooks_seqnos pcsample)
#
# For every interface and every configuration below, both sides are compiled
# (-user, -server, -header, -sheader, -list) and compared on:
#   1. routine names and message ids           (the -list output)
#   2. the user and server prototypes          (names and C parameter types)
#   3. the request/reply structs and every type descriptor the user stubs
#      send or check                           (the messages on the wire)
# The differences are printed as unified diffs; the exit status is 1 if
# there is any, 2 on a usage or compile error, 0 when all agree.

set -u

MIG=${MIG:-x86_64-gnu-mig}
ref_types=no
full=no
accept=
keep=no
only=
only_configs=

while [ $# -gt 0 ]; do
	case $1 in
	--mig) MIG=$2; shift 2 ;;
	--mig=*) MIG=${1#--mig=}; shift ;;
	--ref-types) ref_types=yes; shift ;;
	--full) full=yes; shift ;;
	--accept) accept=$2; shift 2 ;;
	--accept=*) accept=${1#--accept=}; shift ;;
	--keep) keep=yes; shift ;;
	--only) only=$2; shift 2 ;;
	--only=*) only=${1#--only=}; shift ;;
	--configs) only_configs=$2; shift 2 ;;
	--configs=*) only_configs=${1#--configs=}; shift ;;
	-h|--help) sed -n '4,37p' "$0"; exit 0 ;;
	--) shift; break ;;
	-*) echo "check-compat.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
if [ $# -ne 2 ]; then
	echo "usage: check-compat.sh [options] OURS REF (see --help)" >&2
	exit 2
fi
ours=$(cd "$1" && pwd) || exit 2
ref=$(cd "$2" && pwd) || exit 2

# Interfaces: directory/name.  Optional ones are checked only when we have them.
required="mach/mach mach/mach_port mach/mach_host mach/memory_object
mach/memory_object_default mach/exc mach/notify mach/default_pager
device/device device/device_reply device/device_request"
optional="mach/mach4 mach/gnumach"
companions="mach/default_pager_types mach_debug/mach_debug_types"

# Configurations: the macros GNU Mach and the Hurd compile these files with.
# Each line is one configuration; __x86_64__ is always defined because the
# type files choose 64-bit vm types on it and MIG runs cpp with -undef.
hurd_hooks="-DMACH_PAYLOAD_TO_PORT=payload_to_port \
-DNOTIFY_INTRAN=port_info_t@begin_using(mach_port_t) \
-DNOTIFY_INTRAN_PAYLOAD=port_info_t@begin_using_payload \
-DNOTIFY_DESTRUCTOR=end_using(port_info_t) \
-DNOTIFY_IMPORTS=import@\"hooks.h\"; \
-DMEMORY_OBJECT_INTRAN=pager_t@begin_pager(mach_port_t) \
-DMEMORY_OBJECT_INTRAN_PAYLOAD=pager_t@begin_pager_payload \
-DMEMORY_OBJECT_DESTRUCTOR=end_pager(pager_t) \
-DMEMORY_OBJECT_IMPORTS=import@\"hooks.h\"; \
-DDEVICE_INTRAN=dev_t@begin_dev(device_t) \
-DDEVICE_INTRAN_PAYLOAD=dev_t@begin_dev_payload \
-DDEVICE_OUTTRAN=mach_port_t@dev_to_port(dev_t) \
-DDEVICE_DESTRUCTOR=end_dev(dev_t) \
-DDEVICE_IMPORTS=import@\"hooks.h\"; \
-DMACH_IMPORTS=import@\"hooks.h\"; \
-DMACH_HOST_IMPORTS=import@\"hooks.h\";"
configs="plain|
kernel_user|-DKERNEL_USER
kernel_server|-DKERNEL_SERVER
seqnos|-DSEQNOS
emulator|-DEMULATOR
migrating_threads|-DMIGRATING_THREADS
hurd_hooks|$hurd_hooks
hurd_hooks_seqnos|$hurd_hooks -DSEQNOS
pcsample|-DMACH_PCSAMPLE"

if [ "$keep" = yes ]; then
	work=$(mktemp -d /tmp/check-compat.XXXXXX) || exit 2
	echo "scratch directory: $work"
else
	work=$(mktemp -d /tmp/check-compat.XXXXXX) || exit 2
	trap 'rm -rf "$work"' EXIT INT TERM
fi

# make_farm SRC DEST: DEST/mach, DEST/device and DEST/mach_debug over SRC.
make_farm() {
	mkdir -p "$2"
	if [ -d "$1/mach" ]; then
		ln -s "$1/mach" "$2/mach"
		for sub in device mach_debug; do
			if [ -d "$1/$sub" ]; then
				ln -s "$1/$sub" "$2/$sub"
			else
				ln -s "$1/mach" "$2/$sub"
			fi
		done
	else
		# A flat directory serves as <mach/...>, <device/...> and
		# <mach_debug/...>; its machine_types.defs (when there is no
		# machine/) as <mach/machine/machine_types.defs>.
		for sub in mach device mach_debug; do
			mkdir -p "$2/$sub"
			for f in "$1"/*; do
				ln -s "$f" "$2/$sub/"
			done
		done
		if [ ! -e "$1/machine" ] && [ -f "$1/machine_types.defs" ]; then
			mkdir -p "$2/mach/machine"
			ln -s "$1/machine_types.defs" "$2/mach/machine/"
		fi
	fi
}

# defs_path ROOT IFACE: where IFACE (mach/x or device/x) lives under ROOT.
defs_path() {
	if [ -d "$1/mach" ]; then
		echo "$1/$2.defs"
	else
		echo "$1/${2#*/}.defs"
	fi
}

make_farm "$ref" "$work/ref/inc"
if [ "$ref_types" = yes ]; then
	# REF's whole tree, with our interface files laid over it.
	for sub in mach device mach_debug; do
		mkdir -p "$work/ours/inc/$sub"
		for f in "$work/ref/inc/$sub/"*; do
			ln -s "$f" "$work/ours/inc/$sub/"
		done
	done
	# Our companion type files that are not the ABI's own go in too.
	for i in $required $optional $companions; do
		src=$(defs_path "$ours" "$i")
		if [ -f "$src" ]; then
			rm -f "$work/ours/inc/$i.defs"
			ln -s "$src" "$work/ours/inc/$i.defs"
		fi
	done
	oursinc="$work/ours/inc"
else
	make_farm "$ours" "$work/ours/inc"
	oursinc="$work/ours/inc"
fi

# Normalizers: each reads a generated file and prints one comparable view.

# Prototypes in a MIG header: "name(type param, type param)" per line.
protos() {
	awk '
	/^(mig_external |extern )?(kern_return_t|mig_routine_t|boolean_t|void) [A-Za-z_0-9]+$/ {
		name = $0; sub(/^(mig_external|extern) /, "", name)
		inproto = 1; args = ""; next
	}
	inproto && /^\($/ { next }
	inproto && /^\);/ { print name "(" args ")"; inproto = 0; next }
	inproto {
		line = $0; gsub(/^[ \t]+|,?[ \t]*$/, "", line)
		args = (args == "" ? line : args ", " line)
	}' "$1"
}

# Messages in a MIG User.c: per routine, the Request and Reply structs and
# every mach_msg_type_t it builds or checks, one line each.
wire() {
	awk '
	/^\/\* (Simple)?[Rr]outine [A-Za-z_0-9]+ \*\/$/ { r = $3; next }
	/^mig_external .* [A-Za-z_0-9]+$/ { r = $NF; next }
	/^[ \t]*typedef struct \{/ { instruct = 1; body = ""; next }
	instruct && /^[ \t]*\} [A-Za-z_0-9]+;/ {
		n = $0; gsub(/[ \t};]/, "", n)
		print r ": struct " n " {" body " }"; instruct = 0; next
	}
	instruct {
		l = $0; gsub(/^[ \t]+|[ \t]+$/, "", l); gsub(/[ \t]+/, " ", l)
		body = body " " l; next
	}
	/const mach_msg_type(_long)?_t [A-Za-z_0-9]+ = \{/ {
		d = $0; sub(/=.*/, "", d); gsub(/^[ \t]+|[ \t]+$/, "", d)
		intype = 1; vals = ""; next
	}
	intype && /^[ \t]*\};/ { print r ": " d " =" vals; intype = 0; next }
	intype {
		v = $0; sub(/\/\*.*\*\//, "", v); gsub(/[ \t,]/, "", v)
		vals = vals " " v; next
	}' "$1"
}

# The -list output: subsystem, routine, ids.
ids() {
	sort -k5n "$1"
}

# The whole file, minus what names the source file.
whole() {
	grep -v '^#line\|^# [0-9]' "$1"
}

status=0
errors=no
report() {	# report LABEL OURSFILE REFFILE
	if ! cmp -s "$2" "$3"; then
		echo "--- difference: $1"
		diff -u --label "ref/$1" --label "ours/$1" "$3" "$2"
		status=1
	fi
}

compile() {	# compile INC DEFS OUTDIR CONFIGFLAGS...
	inc=$1; defs=$2; out=$3; shift 3
	mkdir -p "$out"
	( cd "$out" && "$MIG" -D__x86_64__ "$@" -I"$inc" -n \
		-user User.c -server Server.c -header User.h \
		-sheader Server.h -list ids.list "$defs" ) >"$out/log" 2>&1
}

checked=0
old_ifs=$IFS
nl='
'
IFS=$nl
for cfg in $configs; do
	IFS=$old_ifs
	cname=${cfg%%|*}
	if [ -n "$only_configs" ]; then
		case " $only_configs " in *" $cname "*) ;; *) IFS=$nl; continue ;; esac
	fi
	cflags=$(echo "${cfg#*|}" | sed 's/@/ /g')
	for i in $required $optional; do
		if [ -n "$only" ]; then
			case " $only " in *" ${i#*/} "*) ;; *) continue ;; esac
		fi
		refdefs="$work/ref/inc/$i.defs"
		ourdefs="$oursinc/$i.defs"
		if [ ! -f "$(defs_path "$ours" "$i")" ]; then
			case " $(echo $optional) " in *" $i "*) continue ;; esac
			echo "--- missing: ours/$i.defs"
			status=1
			continue
		fi
		[ -f "$refdefs" ] || continue
		tag="$cname/${i#*/}"
		# Split flags by hand so macro values keep their spaces.
		set --
		IFS=$nl
		for f in $(echo "$cflags" | sed 's/ -D/\n-D/g'); do
			[ -n "$f" ] && set -- "$@" "$(echo "$f" | sed 's/ *$//')"
		done
		IFS=$old_ifs
		if ! compile "$work/ref/inc" "$refdefs" "$work/out/ref/$tag" "$@"; then
			echo "--- reference does not compile: $tag (skipped)"
			sed 's/^/    /' "$work/out/ref/$tag/log"
			continue
		fi
		if ! compile "$oursinc" "$ourdefs" "$work/out/ours/$tag" "$@"; then
			echo "--- ours does not compile: $tag"
			sed 's/^/    /' "$work/out/ours/$tag/log"
			errors=yes
			continue
		fi
		o="$work/out/ours/$tag"
		r="$work/out/ref/$tag"
		for side in "$o" "$r"; do
			ids "$side/ids.list" >"$side/1-ids"
			protos "$side/User.h" >"$side/2-user-protos"
			protos "$side/Server.h" >"$side/2-server-protos"
			wire "$side/User.c" >"$side/3-wire"
		done
		if [ ! -s "$r/2-user-protos" ] && [ -s "$r/1-ids" ]; then
			echo "--- check-compat.sh: no prototypes found in $r/User.h" >&2
			errors=yes
		fi
		for v in 1-ids 2-user-protos 2-server-protos 3-wire; do
			report "$tag: $v" "$o/$v" "$r/$v"
		done
		if [ "$full" = yes ]; then
			for g in User.c Server.c User.h Server.h; do
				whole "$o/$g" >"$o/full-$g"
				whole "$r/$g" >"$r/full-$g"
				report "$tag: $g" "$o/full-$g" "$r/full-$g"
			done
		fi
		checked=$((checked + 1))
		if [ -n "$accept" ]; then
			if ! ( cd "$o" && "$accept" -D__x86_64__ "$@" -I"$oursinc" \
				-n -user a-User.c -server a-Server.c \
				-header a-User.h "$ourdefs" ) >"$o/accept.log" 2>&1
			then
				echo "--- $accept rejects: $tag"
				sed 's/^/    /' "$o/accept.log"
				status=1
			fi
		fi
	done
	IFS=$nl
done
IFS=$old_ifs

[ "$errors" = yes ] && status=2
echo "check-compat: $checked interface/configuration pairs compared," \
	"$( [ $status -eq 0 ] && echo 'no difference' || echo 'DIFFERENCES FOUND')"
exit $status
