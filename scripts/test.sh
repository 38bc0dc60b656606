#!/bin/sh
# Builds SendGuard and runs the whole test suite: unit tests, GUI tests (offscreen) and the
# end-to-end tests with real SMTP clients and servers on loopback.
# Usage: ./scripts/test.sh            (as root, or as a user with sudo, on Debian 12)
set -eu
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default -j"$(nproc)"

# A short run of the MIME analysis fuzzer (libFuzzer, ASan, UBSan) with a fixed seed and a fixed
# number of inputs, so that every run tries the same inputs and a failure is reproducible
# (longer, open-ended campaigns: ./scripts/fuzz.sh SECONDS). SENDGUARD_FUZZ_SECONDS=0 skips it.
if [ "${SENDGUARD_FUZZ_SECONDS:-60}" != 0 ]; then
  FUZZ_ARGS="-seed=1 -runs=${SENDGUARD_FUZZ_RUNS:-15000}" ./scripts/fuzz.sh "${SENDGUARD_FUZZ_SECONDS:-60}"
fi

# The keychain tests need a real Secret Service: a private D-Bus session with a fresh
# gnome-keyring whose data lives in a throw-away folder.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM
mkdir -p "$scratch/data" "$scratch/runtime"
chmod 700 "$scratch/runtime"

export XDG_DATA_HOME="$scratch/data"
export XDG_RUNTIME_DIR="$scratch/runtime"
export QT_QPA_PLATFORM=offscreen

exec dbus-run-session -- sh -c '
  printf %s sendguard-tests | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec ctest --preset default -j2 "$@"' sh "$@"
