#!/usr/bin/env bash
# Make sure a Docker engine answers. Idempotent: safe to run twice.
#  1. an engine already answers at DOCKER_HOST or /var/run/docker.sock → nothing to do;
#  2. root on Debian → install docker.io (+ debootstrap, iptables) when missing,
#     merge our defaults into /etc/docker/daemon.json, start dockerd (no systemd here);
#  3. otherwise → exit 1 saying what to install.
set -euo pipefail

log() { echo "[ensure-docker] $*" >&2; }

engine_answers() {
  command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1
}

if engine_answers; then
  log "engine answers at ${DOCKER_HOST:-unix:///var/run/docker.sock}"
  exit 0
fi

if [[ -n "${DOCKER_HOST:-}" ]]; then
  log "DOCKER_HOST=${DOCKER_HOST} is set but no engine answers there; start it or unset DOCKER_HOST."
  exit 1
fi

if [[ "$(id -u)" != "0" ]] || ! grep -qi debian /etc/os-release 2>/dev/null; then
  log "no Docker engine answers. Install and start Docker (Docker Engine or Docker Desktop),"
  log "make sure your user may use /var/run/docker.sock, and for offline base images install debootstrap."
  exit 1
fi

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v docker >/dev/null 2>&1 || missing+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
command -v iptables >/dev/null 2>&1 || missing+=(iptables)
if ((${#missing[@]})); then
  pkgs=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
  log "installing: ${pkgs}"
  export DEBIAN_FRONTEND=noninteractive
  # apt-get update only when the package lists are missing or stale (> 1 day).
  if [[ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -1)" ]]; then
    apt-get update -qq
  fi
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends ${pkgs} >/dev/null
fi

# Merge our defaults into daemon.json without clobbering keys somebody else set.
mkdir -p /etc/docker
node - <<'NODE'
const fs = require("node:fs");
const file = "/etc/docker/daemon.json";
let current = {};
if (fs.existsSync(file)) {
  const text = fs.readFileSync(file, "utf8").trim();
  if (text) {
    try { current = JSON.parse(text); } catch (e) {
      console.error(`[ensure-docker] ${file} is not valid JSON; leaving it alone: ${e.message}`);
      process.exit(0);
    }
  }
}
const defaults = { "live-restore": true, "log-driver": "json-file", "log-opts": { "max-size": "10m", "max-file": "3" } };
const merged = { ...defaults, ...current };
if (!current["log-opts"] && (current["log-driver"] ?? "json-file") !== "json-file") delete merged["log-opts"];
if (JSON.stringify(merged) !== JSON.stringify(current)) {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(merged, null, 2) + "\n");
  fs.renameSync(tmp, file);
  console.error(`[ensure-docker] wrote ${file}`);
}
NODE

dockerd_running() { pgrep -x dockerd >/dev/null 2>&1 || pidof dockerd >/dev/null 2>&1; }

if ! dockerd_running; then
  log "starting dockerd (log: /var/log/dockerd.log)"
  # setsid: dockerd must outlive this script and the shell that called it.
  setsid nohup dockerd >/var/log/dockerd.log 2>&1 </dev/null &
fi

for _ in $(seq 1 60); do
  if engine_answers; then
    log "engine ready: $(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?')"
    exit 0
  fi
  sleep 1
done
log "dockerd did not answer within 60 s; see /var/log/dockerd.log:"
tail -20 /var/log/dockerd.log >&2 || true
exit 1
