/**
 * Incident test kit: a uniquely-named level in the catalogue and a fake
 * orchestrator that answers the contract from memory (environments, SLI,
 * checks, exec), recording what it was asked.
 */
import "./env";
import type { Prisma } from "@prisma/client";
import type {
  EnvironmentView,
  PoolDemand,
  PoolsView,
  RecordingSummary,
  SliView,
} from "../../../lib/contracts/orchestrator-api";
import { defaultDeps, type Deps } from "../../../lib/core/deps";
import type { OrchestratorClient } from "../../../lib/orchestrator-client/client";
import { LevelManifestSchema, type LevelManifest } from "../../../lib/levels/manifest-schema";
import { AppError } from "../../../lib/errors";
import { db, uid } from "./people";

export function manifest(id: string, category: LevelManifest["category"] = "proxy"): LevelManifest {
  return LevelManifestSchema.parse({
    id,
    title: `Integration level ${id}`,
    category,
    difficulty: "easy",
    parMinutes: 15,
    briefing: "Users say uploads fail. Find out why and fix it.",
    objectives: ["Restore uploads"],
    shells: ["proxy", "app"],
    hints: [
      { text: "Look at the proxy's error log.", cost: 5 },
      { text: "client_max_body_size is too small.", cost: 10 },
    ],
    rubric: {
      report: [{ id: "impact", title: "Impact", description: "Impact stated", points: 4 }],
      postmortem: [{ id: "root-cause", title: "Root cause", description: "Root cause found", points: 6 }],
    },
    params: { limit: { choose: ["1k", "2k"] } },
    mockClient: { requests: [{ name: "home", path: "/" }] },
    referenceFix: [{ instance: "proxy", run: "true" }],
    symptomFix: [{ instance: "proxy", run: "true" }],
    solution: "Raise client_max_body_size and reload nginx.",
  });
}

export async function makeLevel(category: LevelManifest["category"] = "proxy"): Promise<string> {
  return saveLevel(manifest(`it-${uid()}`, category));
}

/** Puts a level in the catalogue as the level sync would (its id doubles as its hash); returns its id. */
export async function saveLevel(m: LevelManifest): Promise<string> {
  await db.level.create({
    data: {
      id: m.id,
      title: m.title,
      category: m.category,
      difficulty: m.difficulty,
      parMinutes: m.parMinutes,
      manifest: m as unknown as Prisma.InputJsonValue,
      manifestHash: m.id,
    },
  });
  return m.id;
}

export class FakeOrchestrator {
  created: { id: string; attemptId: string; levelId: string; seed: string }[] = [];
  destroyed: string[] = [];
  execs: { id: string; instance: string; script: string }[] = [];
  state: EnvironmentView["state"] = "provisioning";
  checkPasses = false;
  down = true;
  /** When set, the success rate every sample reports (overrides `down`). */
  rate: number | null = null;
  /** Seconds the samples are shifted by (time passing between syncs). */
  later = 0;
  unreachable = false;
  /** Runs while a check runs, before its verdict (a sync meanwhile, say). */
  whileChecking: (() => Promise<void>) | null = null;
  /** What the orchestrator says about machines that died and were healed. */
  machineEvents: EnvironmentView["machineEvents"] = [];
  /** Terminal recordings by environment id, as the orchestrator would list and serve them. */
  recordings = new Map<string, { summary: RecordingSummary; cast: string }[]>();
  /** What GET /pools answers, and every forecast PUT /pools/demand was sent. */
  pools: PoolsView = { budgetMb: 2048, usedMb: 0, levels: [], lastClaimAt: null };
  demands: PoolDemand[] = [];
  private t0 = Date.now();

  /** A recording as asciicast v2: the header names the instance, then `[seconds, code, data]` events. */
  addRecording(
    envId: string,
    rec: { session: string; instance: string; startedAt: Date; events: [number, "o" | "i" | "r", string][] },
  ): string {
    const header = {
      version: 2,
      width: 80,
      height: 24,
      timestamp: rec.startedAt.getTime() / 1000,
      title: `${envId} ${rec.instance} (test)`,
      firedrill: { env: envId, instance: rec.instance, session: rec.session, user: "test" },
    };
    const cast = [header, ...rec.events].map((l) => JSON.stringify(l)).join("\n") + "\n";
    const summary: RecordingSummary = {
      session: rec.session,
      instance: rec.instance,
      user: "test",
      title: header.title,
      startedAt: rec.startedAt.toISOString(),
      durationSeconds: rec.events.at(-1)?.[0] ?? 0,
      bytes: Buffer.byteLength(cast),
    };
    this.recordings.set(envId, [...(this.recordings.get(envId) ?? []), { summary, cast }]);
    return cast;
  }

  private view(id: string): EnvironmentView {
    const c = this.created.find((e) => e.id === id);
    if (!c) throw new AppError("NOT_FOUND", "The environment service refused: environment not found");
    return {
      ...c,
      state: this.state,
      stages: [
        {
          name: "containers",
          status: this.state === "ready" ? "done" : "running",
          startedAt: null,
          endedAt: null,
          message: null,
        },
      ],
      error: null,
      params: {},
      instances: [{ name: "proxy", state: "running", health: "healthy" }],
      fromWarmPool: false,
      createdAt: new Date(this.t0).toISOString(),
      readyAt: this.state === "ready" ? new Date().toISOString() : null,
      lastActivityAt: new Date().toISOString(),
      machineEvents: this.machineEvents,
    };
  }

  sliView(): SliView {
    const rate = this.rate ?? (this.down ? 0 : 1);
    const history = [0, 30, 60, 90].map((s) => ({
      at: new Date(this.t0 + (this.later + s) * 1000).toISOString(),
      successRate: rate,
      p50Ms: 10,
      p95Ms: 20,
      requests: 10,
      failures: Math.round((1 - rate) * 10),
      lastError: rate < 1 ? "413 from /api/uploads" : null,
    }));
    return { current: history.at(-1)!, history };
  }

  client(): OrchestratorClient {
    const guard = () => {
      if (this.unreachable) throw new AppError("UNAVAILABLE", "The environment service cannot be reached (test).");
    };
    return {
      health: () => {
        guard();
        return Promise.resolve({ ok: true });
      },
      createEnvironment: (req) => {
        guard();
        if (!this.created.some((c) => c.id === req.id)) this.created.push(req);
        return Promise.resolve(this.view(req.id));
      },
      listEnvironments: () => Promise.resolve({ environments: this.created.map((c) => this.view(c.id)) }),
      sliSamples: () =>
        Promise.resolve({ samples: Object.fromEntries(this.created.map((c) => [c.id, this.sliView().current])) }),
      getEnvironment: (id) => Promise.resolve(this.view(id)),
      destroyEnvironment: (id) => {
        this.destroyed.push(id);
        return Promise.resolve({ ...this.view(id), state: "destroying" as const });
      },
      check: async () => {
        await this.whileChecking?.();
        return {
          passed: this.checkPasses,
          unjudged: false,
          message: this.checkPasses ? "uploads work" : "uploads still fail with 413",
          durationMs: 5,
        };
      },
      exec: (id, req) => {
        this.execs.push({ id, instance: req.instance, script: req.script });
        return Promise.resolve({
          exitCode: 0,
          stdout: req.script.startsWith("find") ? "/srv/app/src/server.js\n" : "console.log('hi')",
          stderr: "",
        });
      },
      sli: () => Promise.resolve(this.sliView()),
      stats: () => Promise.resolve({ instances: [] }),
      logs: () => Promise.resolve({ lines: [] }),
      revokeAccess: () => Promise.resolve({ ended: 0 }),
      getPools: () => {
        guard();
        return Promise.resolve(this.pools);
      },
      putPoolDemand: (demand) => {
        guard();
        this.demands.push(demand);
        return Promise.resolve(this.pools);
      },
      listRecordings: (id) => {
        guard();
        return Promise.resolve({ recordings: (this.recordings.get(id) ?? []).map((r) => r.summary) });
      },
      getRecording: (id, session) => {
        guard();
        const found = this.recordings.get(id)?.find((r) => r.summary.session === session);
        if (!found) return Promise.reject(new AppError("NOT_FOUND", "The environment service refused: no recording"));
        const res = new Response(found.cast);
        return Promise.resolve({ body: res.body!, bytes: Buffer.byteLength(found.cast) });
      },
    } satisfies OrchestratorClient;
  }

  deps(): Deps {
    return defaultDeps({ orchestrator: this.client() });
  }
}
