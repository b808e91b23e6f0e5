#!/usr/bin/env bash
# Installs the system packages Firedrill needs, when missing, on Debian as root.
#   ensure-system.sh            Docker engine + debootstrap (to play)
#   ensure-system.sh --browser  also Debian's Chromium (to run the browser tests)
# Safe to run twice: it installs only what is missing.
set -euo pipefail
want_browser=0
[[ "${1:-}" == "--browser" ]] && want_browser=1

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
command -v iptables >/dev/null 2>&1 || missing+=(iptables)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
if [[ $want_browser == 1 ]] && ! [[ -x /usr/bin/chromium ]]; then missing+=(chromium fonts-liberation); fi

if ((${#missing[@]} == 0)); then
  exit 0
fi
if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Firedrill needs: ${missing[*]}. Install them (Debian: apt-get install ${missing[*]}) or run this as root on Debian." >&2
  exit 1
fi
echo "==> installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Retry once: mirrors occasionally drop a connection.
apt-get update -qq || { sleep 5; apt-get update -qq; }
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
  { sleep 5; apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
echo "==> system packages installed"
