#!/bin/sh
# SPDX-License-Identifier: MIT
#
# refresh.sh MIG DIR: regenerate the golden files of every DIR/*.defs
# (DIR/NAME/NAMEUser.c.golden, NAMEServer.c.golden, NAME.h.golden,
# NAME_S.h.golden, NAME_I.h.golden, NAME.list.golden) with the compiler MIG,
# adding the flags of DIR/NAME.flags when there is one.  Run after an
# intended change of the generated text (`make -C testsuite golden-refresh`),
# then review `git diff` and commit the new files with the change.
set -e
mig=${1:?usage: refresh.sh MIG DIR}
dir=${2:?usage: refresh.sh MIG DIR}
mig=$(cd "$(dirname "$mig")" && pwd)/$(basename "$mig")
dir=$(cd "$dir" && pwd)
for defs in "$dir"/*.defs; do
	b=$(basename "$defs" .defs)
	flags=""
	[ -f "$dir/$b.flags" ] && flags=$(cat "$dir/$b.flags")
	mkdir -p "$dir/$b"
	# shellcheck disable=SC2086
	(cd "$dir/$b" && rm -f ./*.golden && "$mig" $flags -user "${b}User.c" \
		-server "${b}Server.c" -header "$b.h" -sheader "${b}_S.h" \
		-iheader "${b}_I.h" -list "$b.list" "../$b.defs" &&
	 for f in "${b}User.c" "${b}Server.c" "$b.h" "${b}_S.h" "${b}_I.h" "$b.list"; do
		mv "$f" "$f.golden"
	 done)
	echo "refreshed $dir/$b"
done
