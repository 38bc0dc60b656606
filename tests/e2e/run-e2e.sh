#!/bin/sh
# Run the e2e modules outside ctest, inside a private D-Bus session with an unlocked
# gnome-keyring (needed by `sendguard credentials` and listen.auth "required").
# usage: tests/e2e/run-e2e.sh [BIN] [MODULE...]   (default BIN: build/app/sendguard)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../../build/app/sendguard}
[ $# -gt 0 ] && shift
modules=${*:-test_relay test_auth_tls test_robustness test_large_message test_durability test_cli_config test_policy}
export SENDGUARD_BIN=$(readlink -f "$bin") PYTHONDONTWRITEBYTECODE=1
exec dbus-run-session -- sh -c '
  echo -n e2e | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  cd "$0"; rc=0
  for m in $1; do
    start=$(date +%s)
    timeout 200 /usr/bin/python3 -m unittest -v "$m" || rc=1
    echo "== $m took $(( $(date +%s) - start ))s"
  done
  exit $rc' "$here" "$modules"
