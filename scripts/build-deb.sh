#!/usr/bin/env bash
# build-deb.sh [OUTDIR]
#
# Builds the Debian package imagecache-console_<version>_amd64.deb from this source tree (a
# fresh clone is enough): installs what is missing (install-deps.sh), configures and builds the
# `package` preset (Release, no tests) in build/package, runs `cpack -G DEB` there, and copies
# the package to OUTDIR (default: build/package). Prints the path of the .deb on the last line.
set -euo pipefail
cd "$(dirname "$0")/.."
outdir=${1:-build/package}

scripts/install-deps.sh >&2
cmake --preset package >&2
cmake --build --preset package >&2
(cd build/package && cpack -G DEB) >&2

version=$(sed -n 's/^#define IMAGECACHE_VERSION "\(.*\)"$/\1/p' build/package/generated/imagecache/version.h)
arch=$(dpkg --print-architecture)
deb=build/package/imagecache-console_${version}_${arch}.deb
[[ -f "$deb" ]] || { echo "build-deb: cpack made no $deb" >&2; exit 1; }
mkdir -p "$outdir"
if [[ "$(realpath "$outdir")" != "$(realpath build/package)" ]]; then
    cp "$deb" "$outdir/"
    deb=$outdir/$(basename "$deb")
fi
echo "$deb"
