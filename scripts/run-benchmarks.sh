#!/usr/bin/env bash
# Runs every benchmark of a build and prints, at the end, each figure of the performance table
# (issue #10) with its goal, and the ratio to the official Node SDK where there is one.
#
#   scripts/run-benchmarks.sh [BUILD_DIR] [RUNS]
#
# BUILD_DIR: a RelWithDebInfo build (cmake --preset bench → build/perf); RUNS (default 7): how
# often each CLI / Node listing runs. The CLI listing and its Node baseline run alternately
# against the same emulator in the same run; medians are reported. The Node baseline
# (tests/bench/baseline) needs node and npm: `npm ci` installs its pinned packages into
# BUILD_DIR/bench-baseline once; without node/npm it is skipped with a message.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-build/perf}" && pwd)
runs=${2:-7}
list="$build/benchmarks.txt"
[ -f "$list" ] || { echo "no $list: configure and build $build first" >&2; exit 2; }
export QT_QPA_PLATFORM=offscreen
work=$(mktemp -d)
emulator_pid=
cleanup() {
    [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null && wait "$emulator_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
figures="$work/figures"
: > "$figures"
# figure KEY VALUE UNIT: one measured figure, for the summary.
figure() { printf '%s %s %s\n' "$1" "$2" "$3" >> "$figures"; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# --- 1. QBENCHMARK suites (and their FIGURE lines) ------------------------------------------
echo "== benchmark suites"
while IFS= read -r exe; do
    [ -n "$exe" ] || continue
    [ -x "$exe" ] || { echo "missing $exe (build it first)" >&2; continue; }
    suite=$(basename "$exe")
    # QTest prints: RESULT : Class::function():"tag":\n     12.5 msecs per iteration (total: ...)
    nice "$exe" 2>&1 | awk -v suite="$suite" -v figures="$figures" '
        /^RESULT : / { name = $3; sub(/:$/, "", name); sub(/\(\)$/, "", name); sub(/^[^:]*::/, "", name); next }
        name != "" && /per iteration/ {
            printf "%-70s %s %s per iteration\n", suite "::" name, $1, $2
            printf "%s::%s %s %s\n", suite, name, $1, $2 >> figures
            name = ""
        }
        /^FIGURE / {
            line = $0; sub(/^FIGURE /, "", line); printf "%-70s %s\n", suite, line
            key = $2; sub(/:$/, "", key); printf "%s::%s %s %s\n", suite, key, $3, $4 >> figures
        }
        /^(FAIL!|QFATAL|QWARN)/ { print suite ": " $0 }
    ' || echo "$suite failed" >&2
done < "$list"
# The console's memory with 100,000 caches, in a process of its own.
console=$(grep '/bench_console$' "$list" || true)
if [ -n "$console" ] && [ -x "$console" ]; then
    IMAGECACHE_BENCH_MEMORY=1 nice "$console" memoryWith100000 2>&1 | awk -v figures="$figures" '
        /^FIGURE / { key = $2; sub(/:$/, "", key); printf "bench_console::%s %s %s\n", key, $3, $4 >> figures }
        /^(FIGURE|  100,000|FAIL!|QFATAL)/ { print "bench_console (memory): " $0 }' \
        || echo "bench_console memoryWith100000 failed" >&2
fi

# --- 2. The CLI listing against the emulator, and the Node SDK baseline ----------------------
echo "== imagecache caches list: 2,000 ECI caches, 20 pages of 100, $runs runs each"
cli="$build/app/cli/imagecache"
emulator="$build/emulator/imagecache-emulator"
[ -x "$cli" ] && [ -x "$emulator" ] || { echo "build imagecache and imagecache-emulator in $build" >&2; exit 2; }
"$emulator" --port 0 --bulk-alibaba-caches 2000 > "$work/emulator.out" 2> "$work/emulator.err" &
emulator_pid=$!
for _ in $(seq 100); do
    grep -q 'listening on' "$work/emulator.out" 2>/dev/null && break
    kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.err" >&2; exit 2; }
    sleep 0.05
done
endpoint=$(sed -n 's/.*listening on //p' "$work/emulator.out")
[ -n "$endpoint" ] || { echo "the emulator did not start" >&2; exit 2; }
export ALIBABA_CLOUD_ACCESS_KEY_ID=EMULATORALIBABAAK01
export ALIBABA_CLOUD_ACCESS_KEY_SECRET=emulator-alibaba-secret-0001
ours=("$cli" --provider alibaba --region cn-hangzhou --endpoint "$endpoint" caches list)

node_dir=
if command -v node >/dev/null && command -v npm >/dev/null; then
    node_dir="$build/bench-baseline"
    mkdir -p "$node_dir"
    cp "$here/tests/bench/baseline/package.json" "$here/tests/bench/baseline/package-lock.json" \
        "$here/tests/bench/baseline/list-caches.js" "$node_dir/"
    if ! cmp -s "$node_dir/package-lock.json" "$node_dir/node_modules/.package-lock.json.ci" 2>/dev/null; then
        (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
            && cp "$node_dir/package-lock.json" "$node_dir/node_modules/.package-lock.json.ci" \
            || { echo "npm ci failed: the Node baseline is skipped" >&2; node_dir=; }
    fi
else
    echo "node or npm not found: the Node SDK baseline is skipped"
fi

# timed NAME CMD...: runs CMD with stdout to $work/NAME.out, appends "wall cpu rss_kib" (s, s,
# KiB) to $work/NAME.times. Bash's `time` gives milliseconds; GNU time the peak RSS.
TIMEFORMAT='%3R %3U %3S'
timed() {
    local name=$1
    shift
    local t
    t=$({ time /usr/bin/time -f %M -o "$work/$name.rss" "$@" > "$work/$name.out" 2> "$work/$name.err"; } 2>&1) \
        || { echo "$name failed:" >&2; cat "$work/$name.err" >&2; exit 1; }
    read -r wall user sys <<< "$t"
    echo "$wall $(echo "$user + $sys" | bc) $(tail -1 "$work/$name.rss")" >> "$work/$name.times"
}
count_json() { python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$1"; }

for i in $(seq "$runs"); do
    timed start "$cli" --version
    timed json "${ours[@]}" --json
    [ "$(count_json "$work/json.out")" = 2000 ] || { echo "--json did not list 2,000 caches" >&2; exit 1; }
    if [ -n "$node_dir" ]; then
        timed node node "$node_dir/list-caches.js" "$endpoint" cn-hangzhou
        [ "$(count_json "$work/node.out")" = 2000 ] || { echo "the Node SDK did not list 2,000 caches" >&2; cat "$work/node.err" >&2; exit 1; }
    fi
    timed table "${ours[@]}"
    [ "$(wc -l < "$work/table.out")" = 2001 ] || { echo "the table did not show 2,000 caches" >&2; exit 1; }
done
col() { awk -v c="$2" '{ print $c }' "$work/$1.times" | median; }
json_wall=$(col json 1)
figure cli::json-wall "$json_wall" s
figure cli::json-cpu-beyond-start "$(echo "($(col json 2) - $(col start 2)) * 1000" | bc)" ms
figure cli::json-rss "$(echo "scale=1; $(col json 3) / 1024" | bc)" MiB
figure cli::table-wall "$(col table 1)" s
if [ -n "$node_dir" ]; then
    node_wall=$(col node 1)
    figure node::json-wall "$node_wall" s
    figure node::json-rss "$(echo "scale=1; $(col node 3) / 1024" | bc)" MiB
    figure cli::json-ratio-to-node "$(echo "scale=2; $json_wall / $node_wall" | bc)" x
fi
printf '%-28s %s\n' "runs (wall s, cpu s, rss KiB):" ""
for name in start json node table; do
    [ -f "$work/$name.times" ] && printf '  %-6s %s\n' "$name" "$(tr '\n' ';' < "$work/$name.times")"
done

# --- 3. Summary: the issue's table ------------------------------------------------------------
value() { awk -v k="$1" '$1 == k { v = $2 " " $3 } END { print (v == "" ? "n/a" : v) }' "$figures"; }
row() { printf '%-62s %-16s goal %s\n' "$1" "$(value "$2")" "$3"; }
echo
echo "== figures of the performance table (median of $runs runs for the CLI lines)"
row "CLI --json, 2,000 ECI caches, whole process" cli::json-wall "≤ 0.5 × the Node SDK"
row "  Node SDK (@alicloud/eci20180808), same listing, same run" node::json-wall "(baseline)"
row "  ratio CLI / Node SDK" cli::json-ratio-to-node "≤ 0.5"
row "  client CPU beyond process start" cli::json-cpu-beyond-start "≤ 60 ms"
row "  peak RSS (Node SDK: $(value node::json-rss))" cli::json-rss "≤ 40 MiB"
row "CLI table output, same listing" cli::table-wall "≤ 0.2 s"
row "one DescribeImageCaches page of 100, round trip" bench_poll::describePageOf100 "≤ 2 ms"
row "100,000 caches, 1 % changed, sorted + filtered proxy" \
    bench_cachetablemodel::applyOnePercentChangedThroughSortedFilteredProxy "≤ 5 ms"
row "100,000 caches, one filter keystroke (visible rows read)" \
    bench_cachetablemodel::filterKeystroke "≤ 30 ms"
row "100,000 caches, load" bench_cachetablemodel::load "≤ 100 ms"
row "100,000 caches, first sort by name" bench_cachetablemodel::sortByNameFirstTime "≤ 100 ms"
row "100,000 caches, CSV export" bench_csv::exportCaches "≤ 200 ms"
row "console start to first painted table, 10,000 caches" \
    bench_console::start-to-first-paint-10000 "≤ 300 ms"
row "  longest GUI-thread stall during that start" \
    bench_console::gui-thread-longest-stall-start-10000 "≤ 50 ms"
row "console memory, 100,000 caches (5 events, 3 tags each)" \
    bench_console::rss-100000 "≤ 300 MB"
