/**
 * A time-dependent fault dealt at claim (levels/timezone: the app's zone must differ from UTC's
 * date when the player starts, whenever that is). The pool applies the fault when it is filled;
 * its `onClaim` hook runs at claim: a pooled environment whose zone still serves keeps it (no
 * restart: levels/tests/timezone-claim.unit.test.ts), one whose zone went stale (simulated here:
 * the pooled app moved to Etc/UTC, as a zone meeting UTC's date would) is moved to the zone right
 * for the moment of the claim.
 */
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { after, before, test } from "node:test";
import { pickZone, dateIn } from "../../levels/timezone/zones";
import type { Orchestrator } from "../service";
import { labelled, testOrchestrator } from "./support/harness";

const LEVEL = "timezone";
let orch: Orchestrator;
const made: string[] = [];

before(async () => {
  orch = testOrchestrator({ levelsDir: resolve(import.meta.dirname, "../../levels"), poolCeiling: 1 });
  await orch.start();
});

after(async () => {
  for (const id of made) await orch.destroy(id).catch(() => undefined);
  await orch.drainPools();
  await orch.stop();
  assert.deepEqual((await labelled(orch.config.orchestratorId)).containers, []);
});

async function appZone(envId: string): Promise<string> {
  const r = await orch.exec(envId, "proxy", "curl -fsS -m 3 http://app:3000/healthz");
  return (JSON.parse(r.stdout) as { timeZone: string }).timeZone;
}

test("timezone: the zone is dealt at claim when the pool's went stale", { timeout: 170_000 }, async (t) => {
  const now = new Date();
  const toMidnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime();
  if (toMidnight < 6 * 60_000) return t.skip("no zone can differ from UTC's date in the last minutes of a UTC day");

  orch.setPoolDemand({ levels: [{ levelId: LEVEL, want: 1, reason: "test", until: null }] });
  const filled = await orch.fillPools();
  assert.equal(filled.levels.find((l) => l.levelId === LEVEL)?.ready, 1, JSON.stringify(filled));
  const [second] = orch.deps.pools.all().filter((p) => p.levelId === LEVEL);
  assert.ok(second);

  // Stale: the pooled app is on a zone whose date is UTC's (what a zone dealt hours ago can become).
  const source = String(second.params.source);
  const stale =
    source === "env"
      ? "sed -i 's|^TZ=.*|TZ=Etc/UTC|' /etc/app/app.env"
      : "ln -sfn /usr/share/zoneinfo/Etc/UTC /etc/localtime && echo Etc/UTC > /etc/timezone";
  const moved = await orch.deps.driver.exec(second.slot, "app", ["sh", "-c", `${stale} && sv restart app >/dev/null`]);
  assert.equal(moved.exitCode, 0, moved.stderr);
  for (let i = 0; i < 40; i++) {
    const r = await orch.deps.driver.exec(second.slot, "proxy", ["sh", "-c", "curl -fsS -m 2 http://app:3000/healthz"]);
    if (r.stdout.includes('"Etc/UTC"')) break;
    await new Promise((res) => setTimeout(res, 500));
  }

  const claimed = await orch.provision({ id: "tz-stale", attemptId: "a-stale", levelId: LEVEL, seed: "s-stale" });
  made.push(claimed.id);
  assert.equal(claimed.state, "ready");
  assert.equal(claimed.seed, second.seed);
  const zone = await appZone(claimed.id);
  const at = new Date();
  assert.equal(zone, pickZone([String(claimed.params.eastZone), String(claimed.params.westZone)], at));
  assert.notEqual(dateIn(zone, at), dateIn("UTC", at), "the player starts with the fault showing");

  const verdict = await orch.check(claimed.id);
  assert.equal(verdict.passed, false, verdict.message);
});
