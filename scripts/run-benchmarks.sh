#!/usr/bin/env bash
# Runs every QBENCHMARK suite of a build and prints one line per figure:
#   <suite>::<benchmark>[<data tag>]  <value> <unit> per iteration
# Usage: scripts/run-benchmarks.sh [BUILD_DIR] [extra QTest args, e.g. -iterations 5]
set -euo pipefail
build=${1:-build/ci}
shift || true
list="$build/benchmarks.txt"
[ -f "$list" ] || { echo "no $list: configure and build $build first" >&2; exit 2; }
export QT_QPA_PLATFORM=offscreen
while IFS= read -r exe; do
    [ -n "$exe" ] || continue
    [ -x "$exe" ] || { echo "missing $exe (build it first)" >&2; continue; }
    suite=$(basename "$exe")
    # QTest prints: RESULT : Class::function():"tag":\n     12.5 msecs per iteration (total: ...)
    "$exe" "$@" 2>&1 | awk -v suite="$suite" '
        /^RESULT : / { name = $3; sub(/:$/, "", name); next }
        name != "" && /per iteration/ { printf "%-70s %s %s per iteration\n", suite "::" name, $1, $2; name = "" }
        /^FIGURE / { sub(/^FIGURE /, ""); printf "%-70s %s\n", suite, $0 }
    '
done < "$list"
