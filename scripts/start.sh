#!/bin/sh
# Installs what is missing, builds SendGuard and starts it.
# With no upstream configured it uses the built-in demo upstream: every message you send to it
# is written to ~/.local/share/SendGuard/demo-outbox/ instead of leaving the computer.
# Extra arguments are passed to sendguard (for example --config FILE or --lang ja).
set -eu
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default -j"$(nproc)" --target sendguard

bin="$PWD/build/app/sendguard"
args="$*"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "start: no display, so SendGuard runs headless and approves each message itself"
  echo "       (--auto-confirm, recorded in the audit log). On a desktop it asks you instead."
  args="--headless --auto-confirm $args"
fi

if [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  # A desktop session: its keyring holds SendGuard's passwords.
  "$bin" $args &
  pid=$!
  sleep 2
  "$bin" credentials show local || true
  wait $pid
  exit $?
fi

# No desktop session (a server, a container, ssh): start a private Secret Service for this run,
# with its own keyring folder, unlocked with a random password kept next to the configuration
# (owner only). On a real desktop the login keyring is used instead.
conf_dir="${XDG_CONFIG_HOME:-$HOME/.config}/SendGuard"
data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/SendGuard"
mkdir -p "$conf_dir/keyring"
chmod 700 "$conf_dir" "$conf_dir/keyring"
unlock="$conf_dir/keyring-unlock"
if [ ! -s "$unlock" ]; then
  (umask 077; head -c 24 /dev/urandom | base64 > "$unlock")
fi
export SENDGUARD_BIN="$bin" SENDGUARD_ARGS="$args --data-dir $data_dir" SENDGUARD_DATA="$data_dir"
export SENDGUARD_UNLOCK="$unlock" SENDGUARD_KEYRING_HOME="$conf_dir/keyring"
exec dbus-run-session -- sh -c '
  XDG_DATA_HOME="$SENDGUARD_KEYRING_HOME" gnome-keyring-daemon --unlock --components=secrets \
    < "$SENDGUARD_UNLOCK" >/dev/null
  "$SENDGUARD_BIN" $SENDGUARD_ARGS &
  pid=$!
  trap "kill -TERM $pid 2>/dev/null" INT TERM
  for i in 1 2 3 4 5 6 7 8 9 10; do
    kill -0 $pid 2>/dev/null || break
    "$SENDGUARD_BIN" queue list --data-dir "$SENDGUARD_DATA" >/dev/null 2>&1 && break
    sleep 0.5
  done
  if kill -0 $pid 2>/dev/null; then
    echo "Point your mail client at SMTP server 127.0.0.1 port 2525 (STARTTLS) with:"
    "$SENDGUARD_BIN" credentials show local --data-dir "$SENDGUARD_DATA" || true
    echo "Each message is held for policy.hold_seconds (60 by default), then written to"
    echo "$SENDGUARD_DATA/demo-outbox/ until an upstream server is configured."
  fi
  wait $pid'
