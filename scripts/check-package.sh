#!/usr/bin/env bash
# check-package.sh
#
# What a user gets from the package, checked end to end (as root, or through sudo): builds it
# (build-deb.sh), installs it with dpkg -i (then apt-get -f install for what is missing), runs
# the three executables' --version, checks the installed files (desktop entry, AppStream
# metainfo, icon, man pages, completions, Qt's zh_CN catalogue), validates the desktop entry and
# the metainfo, runs lintian (errors fail; warnings are listed), and removes the package again,
# also when a check fails. .ci/run calls it after the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
if [[ "$(id -u)" -ne 0 ]]; then sudo="sudo"; fi
app_id=org.imagecacheconsole.Console
failures=0
check() { # check DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@"; then
        echo "check-package: ok   $what"
    else
        echo "check-package: FAIL $what" >&2
        failures=$((failures + 1))
    fi
}

deb=$(scripts/build-deb.sh | tail -n 1)
version=$(dpkg-deb -f "$deb" Version)
echo "check-package: built $deb (version $version)"

echo "check-package: lintian"
lintian_out=$(lintian --tag-display-limit 0 "$deb" || true)
echo "${lintian_out:-  (no tags)}"
check "lintian reports no errors" bash -c '! grep -q "^E:" <<<"$1"' _ "$lintian_out"

if dpkg-query -W -f='${Status}' imagecache-console 2>/dev/null | grep -q "install ok installed"; then
    echo "check-package: imagecache-console is installed already; it is replaced and removed" >&2
fi
cleanup() { $sudo dpkg --purge imagecache-console >/dev/null 2>&1 || true; }
trap cleanup EXIT

if ! $sudo dpkg -i "$deb"; then
    # dpkg leaves the package unconfigured when dependencies are missing; apt resolves them.
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get -f install -y -qq
fi
check "the package is installed" bash -c \
    'dpkg-query -W -f="\${Status}" imagecache-console | grep -q "install ok installed"'

expect_version() { # expect_version PROGRAM [ENV...]
    local program=$1 out
    shift
    out=$(env "$@" "/usr/bin/$program" --version 2>&1) || return 1
    grep -qx "$program $version" <<<"$out" || { echo "  $program --version said: $out" >&2; return 1; }
}
check "imagecache --version" expect_version imagecache
check "imagecache-emulator --version" expect_version imagecache-emulator
check "imagecache-console --version (offscreen)" expect_version imagecache-console QT_QPA_PLATFORM=offscreen

installed=(
    /usr/share/applications/$app_id.desktop
    /usr/share/metainfo/$app_id.metainfo.xml
    /usr/share/icons/hicolor/scalable/apps/$app_id.svg
    /usr/share/man/man1/imagecache.1.gz
    /usr/share/man/man1/imagecache-console.1.gz
    /usr/share/man/man1/imagecache-emulator.1.gz
    /usr/share/bash-completion/completions/imagecache
    /usr/share/zsh/vendor-completions/_imagecache
    /usr/share/fish/vendor_completions.d/imagecache.fish
    /usr/share/doc/imagecache-console/copyright
    # The console's own catalogue is embedded; Qt's comes from qt6-translations-l10n.
    /usr/share/qt6/translations/qtbase_zh_CN.qm
)
for file in "${installed[@]}"; do
    check "installed: $file" test -s "$file"
done
# The console's and the CLI's zh_CN catalogues are embedded resources: their --help speaks it.
check "imagecache-console --lang zh_CN --help is in Chinese" bash -c \
    'QT_QPA_PLATFORM=offscreen /usr/bin/imagecache-console --lang zh_CN --help 2>/dev/null | grep -q "界面语言"'
check "imagecache --help is in Chinese under a zh_CN locale" bash -c \
    'LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 /usr/bin/imagecache --help 2>/dev/null | grep -q "用法"'
check "man imagecache renders" bash -c 'man -l /usr/share/man/man1/imagecache.1.gz 2>&1 >/dev/null | (! grep .)'
check "bash completion completes 'imagecache jo'" bash -c '
    if [[ -f /usr/share/bash-completion/bash_completion ]]; then
        source /usr/share/bash-completion/bash_completion
    fi
    source /usr/share/bash-completion/completions/imagecache
    COMP_WORDS=(imagecache jo); COMP_CWORD=1; COMP_LINE="imagecache jo"; COMP_POINT=${#COMP_LINE}
    _imagecache imagecache jo imagecache
    [[ "${COMPREPLY[*]}" == journal ]]'

validate_desktop() {
    local out
    out=$(desktop-file-validate "/usr/share/applications/$app_id.desktop" 2>&1)
    [[ -z "$out" ]] || { echo "$out" >&2; return 1; }
}
validate_metainfo() {
    local out
    out=$(appstreamcli validate --no-net "/usr/share/metainfo/$app_id.metainfo.xml" 2>&1) \
        || { echo "$out" >&2; return 1; }
    echo "$out" | sed 's/^/  /'
    ! grep -qE '^(E|W):' <<<"$out"
}
check "desktop-file-validate: no errors or warnings" validate_desktop
check "appstreamcli validate --no-net: no errors or warnings" validate_metainfo

$sudo dpkg --purge imagecache-console
trap - EXIT
check "the package is removed" bash -c '! test -e /usr/bin/imagecache-console'

if ((failures > 0)); then
    echo "check-package: $failures check(s) failed" >&2
    exit 1
fi
echo "check-package: all checks passed"
