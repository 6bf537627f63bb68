#!/usr/bin/env bash
# A narrated tour of the `imagecache` command line against the local emulator, for both clouds:
# list caches, create one and wait until it is ready, show it, export CSV, delete it and wait
# until it is gone, then browse images and their layers. No cloud account needed.
#
# Usage: scripts/demo.sh [BUILD_DIR]   (default: build/dev; needs the targets imagecache and
#        imagecache-emulator, e.g. cmake --build build/dev --target imagecache imagecache-emulator)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build/dev}"
cli="$build/app/cli/imagecache"
emulator_bin="$build/emulator/imagecache-emulator"
for binary in "$cli" "$emulator_bin"; do
    if [[ ! -x "$binary" ]]; then
        echo "demo: $binary not found; build it first:" >&2
        echo "  cmake --build $build --target imagecache imagecache-emulator" >&2
        exit 2
    fi
done

work="$(mktemp -d)"
emulator_pid=""
cleanup() {
    if [[ -n "$emulator_pid" ]] && kill -0 "$emulator_pid" 2>/dev/null; then
        kill "$emulator_pid" 2>/dev/null || true
        wait "$emulator_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
run() {
    printf '$ imagecache %s\n' "$*"
    "$cli" "$@"
}

# The emulator prints its address on its first stdout line.
"$emulator_bin" --port 0 --demo-data >"$work/emulator.log" 2>&1 &
emulator_pid=$!
endpoint=""
for _ in $(seq 1 100); do
    endpoint="$(sed -n 's/^imagecache-emulator listening on \(http[^ ]*\).*/\1/p' "$work/emulator.log" | head -n1)"
    [[ -n "$endpoint" ]] && break
    if ! kill -0 "$emulator_pid" 2>/dev/null; then
        echo "demo: the emulator exited:" >&2
        cat "$work/emulator.log" >&2
        exit 1
    fi
    sleep 0.1
done
if [[ -z "$endpoint" ]]; then
    echo "demo: the emulator did not report its address" >&2
    exit 1
fi
say "Emulator of Huawei Cloud and Alibaba Cloud listening on $endpoint"

# The emulator's demo credentials (emulator/emulator.h, emulator::demo), in the official
# SDK environment variables: the only place imagecache reads credentials from.
export HUAWEICLOUD_SDK_AK=EMULATORHUAWEIAK0001
export HUAWEICLOUD_SDK_SK=emulator-huawei-secret-key-0001
export HUAWEICLOUD_SDK_PROJECT_ID=0123456789abcdef0123456789abcdef
export ALIBABA_CLOUD_ACCESS_KEY_ID=EMULATORALIBABAAK01
export ALIBABA_CLOUD_ACCESS_KEY_SECRET=emulator-alibaba-secret-0001

tour() {
    local provider="$1" region="$2" name="$3"
    shift 3
    local create_options=("$@")
    local g=(--provider "$provider" --region "$region" --endpoint "$endpoint")

    say "[$provider] The image caches in $region"
    run "${g[@]}" caches list

    say "[$provider] Create '$name' and follow it until it is ready (progress on stderr)"
    run "${g[@]}" caches create --name "$name" --image nginx:latest --image redis:7 \
        --size 40 --retention-days 7 "${create_options[@]}" --wait --poll-interval 500 \
        | tee "$work/created.txt"
    local id
    id="$(sed -n 's/^ID: *//p' "$work/created.txt" | head -n1)"

    say "[$provider] Show it"
    run "${g[@]}" caches show "$id"

    say "[$provider] Export every cache to CSV (UTF-8 with BOM for Excel)"
    run "${g[@]}" export caches --csv "$work/$provider-caches.csv" --bom --one-line
    printf -- '--- first lines of %s-caches.csv ---\n' "$provider"
    head -n 3 "$work/$provider-caches.csv" | sed 's/^\xEF\xBB\xBF//'

    say "[$provider] Delete it and wait until it is gone"
    run "${g[@]}" caches delete "$id" --wait --poll-interval 500

    say "[$provider] Images"
    run "${g[@]}" images list | tee "$work/images.txt"
    local image
    image="$(awk '$1 != "ID" && $1 != "$" {print $1; exit}' "$work/images.txt")"
    if [[ -n "$image" ]]; then
        say "[$provider] Details and base-image layers of $image"
        run "${g[@]}" images show "$image"
        run "${g[@]}" images layers "$image" || true
    fi
}

tour huawei cn-north-4 demo-cli-huawei --cluster 8b3b4b2d-e39d-11ef-a9ac-0255ac100113 \
    --pull-secret default:default-secret
tour alibaba cn-hangzhou demo-cli-alibaba --security-group sg-demo --vswitch vsw-demo \
    --tag env=demo

say "A wrong secret is a provider error (exit 1) with its code and request id"
HUAWEICLOUD_SDK_SK=wrong run --provider huawei --region cn-north-4 --endpoint "$endpoint" \
    caches list || echo "(exit status $?)"

say "Invalid settings are refused before sending (exit 3), naming each field"
run --provider huawei --region cn-north-4 --endpoint "$endpoint" caches create \
    --name Bad_Name --image nginx --size 5 --cluster c1 || echo "(exit status $?)"

say "Done; the emulator stops now."
