#!/usr/bin/env bash
# Runs a command (the terminal tests, test/tmux/) where tmux can be had: installs it when missing
# and allowed (apt-get as root or with passwordless sudo on Linux; Homebrew on macOS). When it
# cannot, the command still runs, with STATUSPAGE_TEST_TMUX_SKIP naming what is missing, and the
# tests skip with that reason; under CI=true that is an error instead.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: scripts/with-tmux.sh COMMAND [ARG...]" >&2
  exit 2
fi

unavailable() {
  if [ "${CI:-}" = true ]; then
    echo "with-tmux: cannot run the terminal tests: $1" >&2
    exit 1
  fi
  STATUSPAGE_TEST_TMUX_SKIP="$1" exec "${@:2}"
}

if ! command -v tmux >/dev/null; then
  log="$(mktemp)"
  case "$(uname -s)" in
    Linux)
      if ! command -v apt-get >/dev/null; then
        unavailable "tmux is not installed, and there is no apt-get to install it" "$@"
      fi
      sudo=()
      if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
          sudo=(sudo -n)
        else
          unavailable "tmux is not installed (installing it needs root or passwordless sudo)" "$@"
        fi
      fi
      echo "with-tmux: installing tmux from apt" >&2
      if ! { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends tmux; } >"$log" 2>&1; then
        tail -n 20 "$log" >&2
        rm -f "$log"
        unavailable "apt-get could not install tmux" "$@"
      fi
      ;;
    Darwin)
      if ! command -v brew >/dev/null; then
        unavailable "tmux is not installed, and there is no Homebrew to install it" "$@"
      fi
      echo "with-tmux: installing tmux with Homebrew" >&2
      if ! HOMEBREW_NO_AUTO_UPDATE=1 brew install tmux >"$log" 2>&1; then
        tail -n 20 "$log" >&2
        rm -f "$log"
        unavailable "brew could not install tmux" "$@"
      fi
      ;;
    *)
      rm -f "$log"
      unavailable "tmux is not installed on $(uname -s)" "$@"
      ;;
  esac
  rm -f "$log"
fi
if ! tmux -V >/dev/null 2>&1; then
  unavailable "tmux is installed but does not run (tmux -V failed)" "$@"
fi
exec "$@"
