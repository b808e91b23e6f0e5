/**
 * timezone's `onClaim` (run when a pre-broken pooled environment is claimed), with a fake context:
 * a zone that still serves is kept (no exec, no restart); a stale one is replaced by the zone
 * right for now, through the same change the fault made.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { LevelContext } from "../_sdk";
import { onClaim } from "../timezone/fault";
import { pickZone } from "../timezone/zones";

function fakeContext(zone: string, source: "env" | "localtime") {
  const state = { zone, scripts: [] as string[] };
  const ctx = {
    params: { eastZone: "Asia/Tokyo", westZone: "America/Los_Angeles", source, ticket: 42 },
    log: () => undefined,
    http: () =>
      Promise.resolve({
        status: 200,
        body: JSON.stringify({ status: "ok", timeZone: state.zone }),
        bytes: Buffer.alloc(0),
        headers: { "content-type": "application/json" },
        ms: 1,
      }),
    exec: (_instance: string, script: string) => {
      state.scripts.push(script);
      const m = /zoneinfo\/(\S+)\n/.exec(script);
      if (m?.[1]) state.zone = m[1];
      return Promise.resolve({ exitCode: 0, stdout: "", stderr: "" });
    },
  } as unknown as LevelContext;
  return { ctx, state };
}

const best = () => pickZone(["Asia/Tokyo", "America/Los_Angeles"], new Date());

test("a zone that still shows the fault is kept: nothing runs in the instance", async (t) => {
  const now = new Date();
  if (now.getUTCHours() === 23 && now.getUTCMinutes() > 50) return t.skip("around UTC midnight the best zone changes");
  const { ctx, state } = fakeContext(best(), "env");
  await onClaim(ctx);
  assert.deepEqual(state.scripts, []);
});

test("a stale zone (its date now UTC's) is replaced by the zone right for the claim", async () => {
  for (const source of ["env", "localtime"] as const) {
    const { ctx, state } = fakeContext("Etc/UTC", source);
    await onClaim(ctx);
    assert.equal(state.scripts.length, 1);
    assert.equal(state.zone, best());
    assert.match(state.scripts[0] ?? "", source === "env" ? /s\|\^TZ=\.\*\|TZ=/ : /ln -sfn \/usr\/share\/zoneinfo\//);
    assert.match(state.scripts[0] ?? "", /sv restart app/);
  }
});
