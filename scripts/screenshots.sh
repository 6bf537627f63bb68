#!/usr/bin/env bash
# Takes the README's screenshots of the --demo console under Xvfb.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (writes docs/screenshots/*.png)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/ci}
tool="$build/tests/ui/imagecache-screenshots"
[ -x "$tool" ] || { echo "build $tool first" >&2; exit 2; }
mkdir -p docs/screenshots
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1400x860x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
home=$(mktemp -d)
export HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share"
DISPLAY=$display QT_QPA_PLATFORM=xcb "$tool" docs/screenshots
DISPLAY=$display QT_QPA_PLATFORM=xcb "$tool" docs/screenshots --lang zh_CN
rm -rf "$home"
