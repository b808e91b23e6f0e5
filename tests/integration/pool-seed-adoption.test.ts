/**
 * The web side of a pre-broken pool claim (lib/attempts/provision-environment.ts): the
 * orchestrator answers with the POOL's seed, and the attempt adopts it with its parameters,
 * so the facilitator's solution notes and injects expand with the variant the player is in.
 * A certification attempt never asks for a pooled environment (its seed is chosen to be new
 * to its player), and a team attempt asks for no shells opened ahead (its members share keyed
 * shells). The orchestrator is a fake answering the contract (the claim itself is
 * tested against the real engine in orchestrator/tests/pools-claim.test.ts).
 */
import "./support/env";
import assert from "node:assert/strict";
import { test } from "node:test";
import type { CreateEnvironmentRequest, EnvironmentView } from "../../lib/contracts/orchestrator-api";
import { defaultDeps } from "../../lib/core/deps";
import { provisionEnvironment } from "../../lib/attempts/provision-environment";
import { startAttempt } from "../../lib/attempts/start-attempt";
import { expandTemplate, resolveParams, type ResolvedParams } from "../../lib/levels/params";
import { FakeOrchestrator, manifest, saveLevel } from "./support/incident";
import { db, makeUser, uid } from "./support/people";

const POOL_SEED = "a1b2c3d4e5f60718";

/** An orchestrator holding one pre-broken environment per level, dealt under POOL_SEED. */
function pooledOrchestrator(params: (seed: string) => ResolvedParams) {
  const fake = new FakeOrchestrator();
  const asked: CreateEnvironmentRequest[] = [];
  const client = fake.client();
  const deps = defaultDeps({
    orchestrator: {
      ...client,
      createEnvironment: async (req) => {
        asked.push(req);
        const view: EnvironmentView = await client.createEnvironment(req);
        if (req.pooled === false) return { ...view, params: params(req.seed) };
        return { ...view, seed: POOL_SEED, params: params(POOL_SEED), fromWarmPool: true };
      },
    },
  });
  return { fake, deps, asked };
}

test("a claimed pre-broken environment's seed and parameters become the attempt's", async () => {
  const m = manifest(`it-${uid()}`);
  m.solution = "Raise client_max_body_size from {{limit}} back to 25m and reload nginx.";
  m.params = { limit: { choose: ["1k", "2k", "3k", "4k", "5k", "6k", "7k", "8k"] } };
  const levelId = await saveLevel(m);
  const { deps, asked } = pooledOrchestrator((seed) => resolveParams(m.params, seed));
  const player = await makeUser("PLAYER");

  const { attemptId } = await startAttempt(player, { levelId }, deps);
  const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, include: { environment: true } });
  assert.equal(asked.length, 1);
  assert.notEqual(asked[0]?.seed, POOL_SEED, "the web asked with its own seed");
  assert.equal(asked[0]?.pooled, undefined, "a training attempt accepts a pooled environment");
  assert.equal(asked[0]?.shellsAhead, undefined, "a player's shells are opened ahead");
  assert.equal(attempt.variantSeed, POOL_SEED);
  assert.deepEqual(attempt.params, resolveParams(m.params, POOL_SEED));
  assert.equal(attempt.environment?.fromWarmPool, true);
  assert.equal(
    expandTemplate(m.solution, attempt.params),
    `Raise client_max_body_size from ${resolveParams(m.params, POOL_SEED).limit} back to 25m and reload nginx.`,
  );
});

/** An attempt made as the web makes one (`extra`: its kind or play mode), provisioned through the fake. */
async function provisionedAttempt(seed: string, extra: { kind?: "TEAM"; playMode?: "CERTIFICATION" }) {
  const m = manifest(`it-${uid()}`);
  const levelId = await saveLevel(m);
  const { deps, asked } = pooledOrchestrator((s) => resolveParams(m.params, s));
  const player = await makeUser("PLAYER");
  const attempt = await db.attempt.create({
    data: {
      ...extra,
      levelId,
      startedById: player.id,
      variantSeed: seed,
      params: resolveParams(m.params, seed),
      members: { create: { userId: player.id, role: "PLAYER" } },
    },
  });
  await db.environment.create({ data: { id: `env-${attempt.id}`, attemptId: attempt.id } });
  await provisionEnvironment(deps, attempt, `env-${attempt.id}`);
  return { attemptId: attempt.id, asked };
}

test("a certification attempt asks for no pooled environment and keeps its seed", async () => {
  const { attemptId, asked } = await provisionedAttempt("cert-seed-0001", { playMode: "CERTIFICATION" });
  assert.equal(asked[0]?.pooled, false);
  const after = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
  assert.equal(after.variantSeed, "cert-seed-0001");
});

test("a team attempt asks for no shells opened ahead", async () => {
  const { asked } = await provisionedAttempt("team-seed-0001", { kind: "TEAM" });
  assert.equal(asked[0]?.shellsAhead, false);
});
