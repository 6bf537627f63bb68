#!/usr/bin/env bash
# Runs every libFuzzer target of tests/fuzz for a bounded time on a copy of its seed corpus
# and prints, per target, executions, coverage (cov: edges, ft: features), corpus size and
# crashes. Fails when any target crashes (the input is kept under BUILD_DIR/crashes/) or when
# a target of tests/fuzz/CMakeLists.txt was not built.
# Usage: scripts/run-fuzzers.sh [SECONDS per target, default 30] [BUILD_DIR, default build/asan]
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
build=${2:-build/asan}
work="$build/fuzz-run"
crashes="$build/crashes"
rm -rf "$work" "$crashes"
mkdir -p "$work" "$crashes"

# The list comes from the CMake file, so a target cannot be left out silently.
mapfile -t targets < <(sed -n 's/^ic_add_fuzzer(\([a-z_0-9]*\).*/\1/p' tests/fuzz/CMakeLists.txt)
[ ${#targets[@]} -gt 0 ] || { echo "no fuzz targets found" >&2; exit 1; }

export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:symbolize=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$PWD/tests/sanitizers/ubsan.supp"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp"

failed=0
printf '%-18s %10s %8s %8s %7s %7s\n' target executions cov ft corpus crashes
for t in "${targets[@]}"; do
    bin="$build/tests/fuzz/fuzz_$t"
    if [ ! -x "$bin" ]; then
        printf '%-18s not built (%s)\n' "$t" "$bin"
        failed=1
        continue
    fi
    corpus="$work/$t"
    mkdir -p "$corpus"
    [ -d "tests/fuzz/corpus/$t" ] && cp -r "tests/fuzz/corpus/$t/." "$corpus/"
    log="$work/$t.log"
    nice "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$crashes/$t-" "$corpus" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    size=$(find "$corpus" -type f | wc -l)
    found=$(find "$crashes" -name "$t-*" -type f | wc -l)
    printf '%-18s %10s %8s %8s %7s %7s\n' "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$size" "$found"
    if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then
        failed=1
        echo "--- $t failed (exit $rc); last lines of $log:"
        tail -40 "$log"
    fi
done
exit $failed
