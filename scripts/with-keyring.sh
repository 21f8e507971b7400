#!/usr/bin/env bash
# Runs a command (the keychain tests) against a real Secret Service: a throwaway D-Bus session
# with gnome-keyring unlocked by a random password, its files in a temporary directory, so the
# user's own keyring is never touched. Installs gnome-keyring and dbus from apt when missing and
# allowed (root, or passwordless sudo). When no Secret Service can be arranged, the command still
# runs, with STATUSPAGE_TEST_KEYCHAIN_SKIP naming what is missing; under CI=true that is an error.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: scripts/with-keyring.sh COMMAND [ARG...]" >&2
  exit 2
fi

unavailable() {
  if [ "${CI:-}" = true ]; then
    echo "with-keyring: cannot run the keychain tests: $1" >&2
    exit 1
  fi
  STATUSPAGE_TEST_KEYCHAIN_SKIP="$1" exec "${@:2}"
}

if [ "$(uname -s)" != Linux ]; then
  STATUSPAGE_TEST_KEYCHAIN_SKIP="no Secret Service outside Linux" exec "$@"
fi

missing=()
if ! command -v dbus-run-session >/dev/null || ! command -v dbus-send >/dev/null; then missing+=(dbus); fi
command -v gnome-keyring-daemon >/dev/null || missing+=(gnome-keyring)
if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    unavailable "${missing[*]} not installed, and no apt-get to install them" "$@"
  fi
  sudo=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      unavailable "${missing[*]} not installed (installing them needs root or passwordless sudo)" "$@"
    fi
  fi
  echo "with-keyring: installing ${missing[*]} from apt" >&2
  log="$(mktemp)"
  if ! { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    rm -f "$log"
    unavailable "apt-get could not install ${missing[*]}" "$@"
  fi
  rm -f "$log"
fi
if ! command -v dbus-run-session >/dev/null || ! command -v dbus-send >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  unavailable "dbus-run-session, dbus-send or gnome-keyring-daemon is missing" "$@"
fi

dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
mkdir -m 700 "$dir/data" "$dir/runtime"

# Inside the session: start the keyring, wait until it owns its bus name, run the command,
# then stop the keyring by its process ID.
session_script='
set -u
head -c 24 /dev/urandom | base64 | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>"$KEYRING_DIR/daemon.log" &
daemon=$!
ready=
for _ in $(seq 1 300); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; then
    ready=1
    break
  fi
  kill -0 "$daemon" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$ready" ]; then
  echo "with-keyring: gnome-keyring-daemon did not start:" >&2
  cat "$KEYRING_DIR/daemon.log" >&2
  kill "$daemon" 2>/dev/null
  exit 1
fi
"$@"
status=$?
kill "$daemon" 2>/dev/null
wait "$daemon" 2>/dev/null
exit "$status"
'

# The bus logs service activations, and gnome-keyring's prompter complains that there is no
# display (when a test locks the keyring); neither is news, so they are dropped from stderr.
noise='^dbus-daemon\[[0-9]+\]: |^\(gcr-prompter:[0-9]+\): Gtk-WARNING|^$'
set +e
KEYRING_DIR="$dir" XDG_DATA_HOME="$dir/data" XDG_RUNTIME_DIR="$dir/runtime" STATUSPAGE_TEST_KEYCHAIN=secret-service \
  dbus-run-session -- bash -c "$session_script" with-keyring "$@" 2> >(grep --line-buffered -vE "$noise" >&2)
status=$?
set -e
exit "$status"
