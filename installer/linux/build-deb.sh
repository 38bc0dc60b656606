#!/bin/sh
# Builds the SendGuard .deb: configures and builds a release tree (prefix /usr) and runs
# `cpack -G DEB` in it. Prints the path of the package.
# Usage: installer/linux/build-deb.sh [BUILD_DIR]     (default: build-deb next to the sources)
# Needs the build dependencies of scripts/install-deps.sh, and dpkg-dev (dpkg-shlibdeps).
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/build-deb}

command -v dpkg-shlibdeps >/dev/null 2>&1 ||
  { echo "build-deb: dpkg-shlibdeps is missing (apt-get install dpkg-dev)" >&2; exit 1; }

cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_INSTALL_PREFIX=/usr -DSENDGUARD_BUILD_TESTS=OFF
cmake --build "$build" -j"$(nproc)"
(cd "$build" && cpack -G DEB -B "$build/packages")
deb=$(ls -t "$build"/packages/sendguard_*.deb | head -n 1)
dpkg-deb --info "$deb"
echo "build-deb: $deb"
