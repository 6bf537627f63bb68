#!/usr/bin/env bash
# Installs what ImageCache Console needs on Debian 12 that is not there yet.
# Safe to run again: packages already installed are skipped.
set -euo pipefail

packages=(
    cmake ninja-build g++ ccache clang-format
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev
    qtkeychain-qt6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
    libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 qt6-qpa-plugins libgl-dev
    postgresql qt6-translations-l10n
    dpkg-dev fakeroot lintian appstream desktop-file-utils man-db
    postgresql libyaml-cpp-dev
    xvfb xauth
    # The asan workflow and the libFuzzer targets (.ci/run): clang 14 with its sanitizer and
    # fuzzer runtimes; python3 records the fuzz seed corpus (tests/fuzz/capture-seeds.py).
    clang-14 libclang-rt-14-dev libfuzzer-14-dev python3
    # The soak reads SQLite's heap size (tests/soak) from the library Qt's driver uses.
    libsqlite3-dev
    time bc # scripts/run-benchmarks.sh: GNU time, bc (the Node SDK baseline uses the machine's node/npm when present)
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: everything is installed"
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
