#!/usr/bin/env bash
# `npm start`: installs what is missing (Docker engine, debootstrap, node modules),
# then starts the whole game (scripts/start.ts). Safe to run twice.
#   npm start -- --no-orchestrator   web app only, no Docker needed
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ " $* " != *" --no-orchestrator "* ]]; then
  bash scripts/setup/ensure-system.sh
  bash scripts/docker/ensure-docker.sh
fi
bash scripts/setup/ensure-node-modules.sh
# exec: this bash becomes node, so a signal to `npm start` (which npm forwards) reaches start.ts itself.
exec node --import tsx scripts/start.ts "$@"
