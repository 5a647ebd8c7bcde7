#!/bin/sh
# compare.sh BASE [NEW]: proves that the reports package of NEW writes the
# same bytes as BASE's (git commits; NEW defaults to the working tree's
# reports/ and audit/). Both runs use BASE's scanner, rules and cmd, so
# only reports/ differs, and audit/, which names the writers and the
# workbook reader where reports/ keeps them. Every file WriteAll writes
# for the demo (with history, and in English) and for the 1,000-account
# benchmark fixture is hashed, and the two lists must be equal. BASE must
# have model.Build take its Inputs, the demo's settings in audit and the
# progress display in scanner/progress (from commit f86d68c on): the dump
# names them.
set -eu
base=${1:?usage: compare.sh BASE [NEW]}
new=${2:-}
root=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

dump() { # dump <tree> <name>
	cp "$root/reports/testdata/samebytes/dump_test.go.txt" "$1/cmd/smaudit/samebytes_dump_test.go"
	(cd "$1" && SAMEBYTES_OUT="$tmp/out-$2" go test -count=1 -run '^TestSameBytesDump$' ./cmd/smaudit/ >/dev/null)
	(cd "$tmp/out-$2" && find . -type f ! -name '.*' ! -name '*.db' | sort | xargs sha256sum) >"$tmp/$2.sha256"
}

mkdir "$tmp/base" "$tmp/new"
git -C "$root" archive "$base" | tar -x -C "$tmp/base"
git -C "$root" archive "$base" | tar -x -C "$tmp/new"
rm -rf "$tmp/new/reports" "$tmp/new/audit"
if [ -n "$new" ]; then
	git -C "$root" archive "$new" reports audit | tar -x -C "$tmp/new"
else
	cp -r "$root/reports" "$tmp/new/reports"
	cp -r "$root/audit" "$tmp/new/audit"
fi
dump "$tmp/base" base
dump "$tmp/new" new
echo "$(wc -l <"$tmp/base.sha256") files hashed"
if diff "$tmp/base.sha256" "$tmp/new.sha256"; then
	echo "same bytes"
else
	echo "reports differ" >&2
	exit 1
fi
