#!/usr/bin/env bash
# Runs every test Firedrill has and exits non-zero if any fails:
#   lint · typecheck · import boundaries · unit · integration (real PostgreSQL) · docker (real engine:
#   orchestrator and levels) · end-to-end (Playwright in Debian's Chromium).
# Installs what it needs first; safe to run twice.
#   bash scripts/test.sh [layer ...]   layers: static unit integration docker service e2e
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
logs=.data/test-logs
mkdir -p "$logs"

layers=("$@")
((${#layers[@]})) || layers=(static unit integration docker service e2e)
want() { [[ " ${layers[*]} " == *" $1 "* ]]; }

bash scripts/setup/ensure-system.sh --browser || exit 1
bash scripts/setup/ensure-node-modules.sh || exit 1

declare -A passed failed status
order=()
# Run one layer: record its exit status and the pass/fail counts its runner printed.
layer() {
  local name=$1
  shift
  order+=("$name")
  echo
  echo "==> $name: $*"
  local started=$SECONDS
  "$@" 2>&1 | tee "$logs/$name.log"
  local rc=${PIPESTATUS[0]}
  local p f
  # node --test prints "ℹ pass N" / "ℹ fail N"; Playwright prints "N passed" / "N failed".
  p=$(grep -aoE '^(ℹ )?pass [0-9]+$|^ +[0-9]+ passed' "$logs/$name.log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
  f=$(grep -aoE '^(ℹ )?fail [0-9]+$|^ +[0-9]+ failed' "$logs/$name.log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
  passed[$name]=${p:-0}
  failed[$name]=${f:-0}
  if ((rc != 0)) && ((${failed[$name]} == 0)); then failed[$name]=1; fi
  status[$name]=$rc
  echo "<== $name: exit $rc in $((SECONDS - started)) s"
}

node_test() { node --import tsx --test --test-reporter=spec "$@"; }
files() { find "$@" -name '*.test.ts' 2>/dev/null | sort; }
# The docker layer: the orchestrator's files one at a time (they share ports and time the host), then the
# levels' files FD_LEVEL_TEST_CONCURRENCY (default 2) at a time: each provisions its own environments
# under its own orchestrator, and a level's tests inside one file still run in order. Files named
# *-load.test.ts saturate the host on purpose, so they run last and alone.
docker_tests() {
  local rc=0
  mapfile -t orchestratorTests < <(files orchestrator/tests | grep -v '\.unit\.test\.ts$')
  mapfile -t levelTests < <(files levels/tests | grep -v -e '\.unit\.test\.ts$' -e '-load\.test\.ts$')
  mapfile -t loadTests < <(files levels/tests | grep -e '-load\.test\.ts$')
  local started=$SECONDS
  node_test --test-concurrency=1 "${orchestratorTests[@]}" || rc=1
  echo "<== docker (orchestrator): $((SECONDS - started)) s"
  started=$SECONDS
  node_test --test-concurrency="${FD_LEVEL_TEST_CONCURRENCY:-2}" "${levelTests[@]}" || rc=1
  echo "<== docker (levels, ${FD_LEVEL_TEST_CONCURRENCY:-2} files at a time): $((SECONDS - started)) s"
  if ((${#loadTests[@]})); then
    started=$SECONDS
    node_test --test-concurrency=1 "${loadTests[@]}" || rc=1
    echo "<== docker (levels under load, alone): $((SECONDS - started)) s"
  fi
  return $rc
}

if want static; then
  layer format npx prettier --check .
  layer lint npx eslint --max-warnings=0 .
  layer typecheck npx tsc --noEmit -p tsconfig.json
  # No cycle between top-level folders of lib/ or orchestrator/, no framework in the domain (lib/).
  layer boundaries npx tsx scripts/check/check-boundaries.ts
fi
if want unit; then
  mapfile -t unit < <({ files tests/unit; find orchestrator lib levels -name '*.unit.test.ts' -not -path '*/node_modules/*'; } | sort -u)
  layer unit node_test "${unit[@]}"
fi
if want integration; then
  mapfile -t integration < <(files tests/integration)
  layer integration npx tsx scripts/with-test-db.ts node --import tsx --test --test-reporter=spec --test-concurrency=1 "${integration[@]}"
fi
if want docker; then
  if bash scripts/docker/ensure-docker.sh && npx tsx orchestrator/cli/build-images.ts; then
    layer docker docker_tests
  else
    order+=(docker); status[docker]=1; passed[docker]=0; failed[docker]=1
    echo "<== docker: the engine or the level images could not be prepared"
  fi
fi
if want service; then
  # npm start itself, on ports of its own: kill -9 of each part, signals, a second start, a stale lock.
  mapfile -t serviceTests < <(files tests/service)
  layer service node_test --test-concurrency=1 "${serviceTests[@]}"
fi
if want e2e; then
  layer e2e npx playwright test
  # The game the browser tests started keeps a warm pool: remove what that run left on the engine.
  npx tsx scripts/clean.ts --data-dir .data/e2e >/dev/null || echo "could not remove the e2e run's environments"
fi

# CI shows only the tail of this run: say what failed, briefly, right above the summary.
failedLogs=()
for name in "${order[@]}"; do ((${failed[$name]} > 0)) && failedLogs+=("$logs/$name.log"); done
if ((${#failedLogs[@]})); then
  echo
  echo "What failed"
  npx tsx scripts/check/print-failures.ts "${failedLogs[@]}" | head -c 6000
fi

echo
echo "Summary"
total_pass=0
total_fail=0
for name in "${order[@]}"; do
  printf '  %-12s exit %-3s %4s passed %4s failed\n' "$name" "${status[$name]}" "${passed[$name]}" "${failed[$name]}"
  total_pass=$((total_pass + passed[$name]))
  total_fail=$((total_fail + failed[$name]))
done
echo "$total_pass passed, $total_fail failed"
((total_fail == 0))
