#!/usr/bin/env bash
# Make sure a Docker engine answers, and that it sandboxes environments. Idempotent: safe to run twice.
#  1. an engine already answers at DOCKER_HOST or /var/run/docker.sock → keep it; warn when it does
#     not cap container disk or remap container root (--reconfigure fixes an engine we run);
#  2. root on Debian → install docker.io (+ debootstrap, iptables, btrfs-progs) when missing,
#     give the engine a btrfs data root on a loop file (so each container's writable layer can be
#     size-capped: `--storage-opt size=`; overlay2 on ext4 cannot), merge our defaults (userns-remap:
#     container root is an unprivileged host uid) into /etc/docker/daemon.json, start dockerd;
#  3. otherwise → exit 1 saying what to install.
#   bash scripts/docker/ensure-docker.sh [--reconfigure]
# --reconfigure: the engine answers but lacks the sandbox → stop EVERY container on it, restart
# dockerd with our defaults (images are rebuilt: a remapped engine has its own image store).
# Variables: FIREDRILL_DOCKER_ROOT (/var/lib/firedrill-docker), FIREDRILL_DOCKER_DISK_GB (90 % of
# free space, at most 200): the loop file's size (sparse: it takes what is written).
set -euo pipefail

log() { echo "[ensure-docker] $*" >&2; }

reconfigure=0
[[ "${1:-}" == "--reconfigure" ]] && reconfigure=1

DATA_ROOT="${FIREDRILL_DOCKER_ROOT:-/var/lib/firedrill-docker}"
DISK_IMG="${DATA_ROOT}.btrfs"

engine_answers() {
  command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1
}

# "ok", or what the engine lacks.
engine_sandbox() {
  local driver opts lacks=()
  driver=$(timeout 10 docker info --format '{{.Driver}}' 2>/dev/null || echo '?')
  opts=$(timeout 10 docker info --format '{{json .SecurityOptions}}' 2>/dev/null || echo '')
  [[ "$driver" == btrfs || "$driver" == zfs ]] || lacks+=("disk caps (storage driver ${driver})")
  [[ "$opts" == *name=userns* ]] || lacks+=("userns-remap")
  if ((${#lacks[@]})); then
    local IFS=,
    echo "${lacks[*]}"
  else echo ok; fi
}

local_root_debian() {
  [[ "$(id -u)" == "0" ]] && grep -qi debian /etc/os-release 2>/dev/null && [[ -z "${DOCKER_HOST:-}" ]]
}

if engine_answers; then
  state=$(engine_sandbox)
  if [[ "$state" == ok ]]; then
    log "engine answers at ${DOCKER_HOST:-unix:///var/run/docker.sock} (disk caps and userns-remap on)"
    exit 0
  fi
  if ((!reconfigure)) || ! local_root_debian; then
    log "WARNING: the engine answers but lacks ${state}: a player could fill the host's disk or escape as host root."
    log "         Run 'bash scripts/docker/ensure-docker.sh --reconfigure' as root (stops every container; see docs/SECURITY.md)."
    exit 0
  fi
  log "reconfiguring the engine (lacks ${state}): stopping every container"
  ids=$(docker ps -q)
  # shellcheck disable=SC2086
  [[ -z "$ids" ]] || docker stop -t 5 $ids >/dev/null
elif [[ -n "${DOCKER_HOST:-}" ]]; then
  log "DOCKER_HOST=${DOCKER_HOST} is set but no engine answers there; start it or unset DOCKER_HOST."
  exit 1
fi

if ! local_root_debian; then
  log "no Docker engine answers. Install and start Docker (Docker Engine or Docker Desktop),"
  log "make sure your user may use /var/run/docker.sock, and for offline base images install debootstrap."
  exit 1
fi

missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v docker >/dev/null 2>&1 || missing+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
command -v iptables >/dev/null 2>&1 || missing+=(iptables)
command -v mkfs.btrfs >/dev/null 2>&1 || missing+=(btrfs-progs)
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

# The engine's data root is ours (a btrfs loop disk) only when nobody chose a data root or a
# storage driver, or when it is the one we chose before.
mkdir -p /etc/docker
own_storage=$(DATA_ROOT="$DATA_ROOT" node -e '
  const fs = require("node:fs");
  let c = {};
  try { c = JSON.parse(fs.readFileSync("/etc/docker/daemon.json", "utf8") || "{}"); } catch {}
  const own = (!("data-root" in c) && !("storage-driver" in c)) || c["data-root"] === process.env.DATA_ROOT;
  console.log(own ? "yes" : "no");
')

# A btrfs filesystem in a sparse loop file, mounted again after a reboot. Quotas: "simple" ones
# (kernel 6.7+) count only what a container writes and cost nothing per snapshot; older kernels
# get full qgroups (they count the image too, and make creating and removing containers slower).
# dockerd turns quotas off when it stops (its btrfs driver's Cleanup), so they are turned on again
# before every start, and each container's limit (the driver keeps it in btrfs/quotas/<id>) set again.
quota_mode() {
  local uuid
  uuid=$(btrfs filesystem show "$DATA_ROOT" 2>/dev/null | awk '/uuid:/ {print $NF; exit}')
  cat "/sys/fs/btrfs/${uuid}/qgroups/mode" 2>/dev/null || true
}
simple_quotas_on() {
  [[ "$(quota_mode)" == squota ]] && return 0
  [[ -z "$(quota_mode)" ]] || return 1
  # BTRFS_IOC_QUOTA_CTL(BTRFS_QUOTA_CTL_ENABLE_SIMPLE_QUOTA): btrfs-progs 6.2 cannot ask for it yet.
  perl -e 'use Fcntl; sysopen(my $fh, $ARGV[0], O_RDONLY | O_DIRECTORY) or die "$!\n";
           my $args = pack("QQ", 4, 0); ioctl($fh, 0xC0109428, $args) or die "$!\n";' "$DATA_ROOT" 2>/dev/null
}
reapply_limits() {
  local f id sub
  for f in "$DATA_ROOT"/*/btrfs/quotas/* "$DATA_ROOT"/btrfs/quotas/*; do
    [[ -f "$f" ]] || continue
    id=$(basename "$f")
    sub="$(dirname "$(dirname "$f")")/subvolumes/${id}"
    [[ -d "$sub" ]] && btrfs qgroup limit "$(cat "$f")" "$sub" >/dev/null 2>&1 || true
  done
}
quota=""
if [[ "$own_storage" == yes ]]; then
  if ! findmnt -n -t btrfs "$DATA_ROOT" >/dev/null 2>&1; then
    if [[ ! -e "$DISK_IMG" ]]; then
      parent=$(dirname "$DISK_IMG")
      free_gb=$(($(df --output=avail -k "$parent" | tail -1) / 1024 / 1024))
      size_gb=${FIREDRILL_DOCKER_DISK_GB:-$((free_gb * 9 / 10 < 200 ? free_gb * 9 / 10 : 200))}
      if ((size_gb < 10)); then
        log "only ${free_gb} GB free under ${parent}: the engine's disk needs 10 GB (set FIREDRILL_DOCKER_DISK_GB)"
        exit 1
      fi
      log "creating the engine's disk: ${DISK_IMG} (btrfs, sparse, ${size_gb} GB at most)"
      truncate -s "${size_gb}G" "$DISK_IMG.tmp"
      mkfs.btrfs -q "$DISK_IMG.tmp" >/dev/null 2>&1
      mv "$DISK_IMG.tmp" "$DISK_IMG"
    fi
    mkdir -p "$DATA_ROOT"
    # discard: space freed inside goes back to the host's disk.
    mount -o loop,discard "$DISK_IMG" "$DATA_ROOT"
    log "mounted ${DISK_IMG} on ${DATA_ROOT}"
  fi
  if [[ -n "$(quota_mode)" ]] || simple_quotas_on; then
    quota=$(quota_mode)
  else
    log "this kernel has no btrfs simple quotas: dockerd will use full qgroups (slower container creation)"
  fi
fi

# Merge our defaults into daemon.json without clobbering keys somebody else set.
OWN_STORAGE="$own_storage" DATA_ROOT="$DATA_ROOT" QUOTA_MODE="$quota" node - <<'NODE'
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
const defaults = {
  "live-restore": true,
  "log-driver": "json-file",
  "log-opts": { "max-size": "10m", "max-file": "3" },
  // Container root is an unprivileged host uid (the engine creates the dockremap user).
  "userns-remap": "default",
};
if (process.env.OWN_STORAGE === "yes")
  Object.assign(defaults, { "data-root": process.env.DATA_ROOT, "storage-driver": "btrfs" });
const merged = { ...defaults, ...current };
if (!current["log-opts"] && (current["log-driver"] ?? "json-file") !== "json-file") delete merged["log-opts"];
// Tells the orchestrator a writable-layer cap counts only what the container writes.
const label = "firedrill.disk-quota=btrfs-simple";
const labels = (merged.labels ?? []).filter((l) => l !== label);
if (process.env.OWN_STORAGE === "yes" && process.env.QUOTA_MODE === "squota") labels.push(label);
if (labels.length || merged.labels) merged.labels = labels;
if (JSON.stringify(merged) !== JSON.stringify(current)) {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(merged, null, 2) + "\n");
  fs.renameSync(tmp, file);
  console.error(`[ensure-docker] wrote ${file}`);
}
NODE

dockerd_pid() { pgrep -x dockerd 2>/dev/null | head -1 || true; }

start_dockerd() {
  if command -v systemctl >/dev/null 2>&1 && systemctl is-system-running >/dev/null 2>&1; then
    systemctl restart docker
  else
    log "starting dockerd (log: /var/log/dockerd.log)"
    # setsid: dockerd must outlive this script and the shell that called it.
    setsid nohup dockerd >/var/log/dockerd.log 2>&1 </dev/null &
  fi
}

pid=$(dockerd_pid)
if [[ -n "$pid" ]] && { ((reconfigure)) || [[ "$(engine_sandbox 2>/dev/null)" != ok ]]; }; then
  # Running with other settings (a package's service started it, or --reconfigure): restart it.
  log "restarting dockerd (pid ${pid}) with the new settings"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  pid=""
fi
if [[ -z "$pid" ]]; then
  [[ "$quota" != squota ]] || simple_quotas_on || log "could not turn btrfs simple quotas on again"
  start_dockerd
fi

for _ in $(seq 1 60); do
  if engine_answers; then
    [[ -z "$quota" ]] || reapply_limits
    log "engine ready: $(docker version --format '{{.Server.Version}}' 2>/dev/null || echo '?'); sandbox: $(engine_sandbox)"
    exit 0
  fi
  sleep 1
done
log "dockerd did not answer within 60 s; see /var/log/dockerd.log:"
tail -20 /var/log/dockerd.log >&2 || true
exit 1
