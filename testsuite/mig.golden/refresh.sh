#!/bin/sh
# SPDX-License-Identifier: MIT
#
# refresh.sh MIG DIR: regenerate the golden files of every DIR/*.defs
# (DIR/NAME/NAMEUser.c, NAMEServer.c, NAME.h, NAME_S.h, NAME_I.h, NAME.list)
# with the compiler MIG.  Run after an intended change of the generated
# text, then review `git diff` and commit the new files with the change.
set -e
mig=${1:?usage: refresh.sh MIG DIR}
dir=${2:?usage: refresh.sh MIG DIR}
mig=$(cd "$(dirname "$mig")" && pwd)/$(basename "$mig")
dir=$(cd "$dir" && pwd)
for defs in "$dir"/*.defs; do
	b=$(basename "$defs" .defs)
	mkdir -p "$dir/$b"
	(cd "$dir/$b" && "$mig" -user "${b}User.c" -server "${b}Server.c" \
		-header "$b.h" -sheader "${b}_S.h" -iheader "${b}_I.h" \
		-list "$b.list" "../$b.defs")
	echo "refreshed $dir/$b"
done
