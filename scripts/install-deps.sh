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
    xvfb xauth fonts-wqy-microhei # scripts/screenshots.sh: the console under Xvfb, Chinese glyphs
    # The asan workflow and the libFuzzer targets (.ci/run): clang 14 with its sanitizer and
    # fuzzer runtimes; python3 records the fuzz seed corpus (tests/fuzz/capture-seeds.py).
    clang-14 libclang-rt-14-dev libfuzzer-14-dev python3
    # The soak reads SQLite's heap size (tests/soak) from the library Qt's driver uses.
    libsqlite3-dev
    # tests/registry builds real gzip layers with zlib.
    zlib1g-dev
    time bc # scripts/run-benchmarks.sh: GNU time, bc (the Node SDK baseline uses the machine's node/npm when present)
)
# The registry suites (tests/registry) start their own loopback instances of Debian's
# distribution 2.8; htpasswd writes the Basic-auth file of one of them. Installed by
# install_registry below so that the package's own service never starts.
registry_packages=(docker-registry apache2-utils)


missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

registry_missing=()
for p in "${registry_packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        registry_missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ] && [ ${#registry_missing[@]} -eq 0 ]; then
    echo "install-deps: everything is installed"
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
    echo "install-deps: installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# docker-registry's package starts a daemon listening on all interfaces (:5000). Keep it from
# starting: a policy-rc.d that refuses every start (exit 101) for the duration of the install,
# restoring whatever policy-rc.d was there before; then stop and disable it in case it ran anyway.
install_registry() {
    local policy=/usr/sbin/policy-rc.d backup=""
    if [ -e "$policy" ]; then
        backup=$(mktemp)
        $sudo cp -p "$policy" "$backup"
    fi
    printf '#!/bin/sh\n# install-deps.sh: no service starts while docker-registry installs\nexit 101\n' \
        | $sudo tee "$policy" >/dev/null
    $sudo chmod 755 "$policy"
    local rc=0
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${registry_missing[@]}" || rc=$?
    if [ -n "$backup" ]; then
        $sudo cp -p "$backup" "$policy"
        rm -f "$backup"
    else
        $sudo rm -f "$policy"
    fi
    if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
        $sudo systemctl disable --now docker-registry.service >/dev/null 2>&1 || true
    fi
    if command -v update-rc.d >/dev/null 2>&1; then
        $sudo update-rc.d docker-registry disable >/dev/null 2>&1 || true
    fi
    if [ -x /etc/init.d/docker-registry ]; then
        $sudo /etc/init.d/docker-registry stop >/dev/null 2>&1 || true
    fi
    return $rc
}
if [ ${#registry_missing[@]} -gt 0 ]; then
    echo "install-deps: installing ${registry_missing[*]} (its service kept from starting)"
    install_registry
fi
