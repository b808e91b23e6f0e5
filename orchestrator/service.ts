/**
 * The orchestrator as a library: `createOrchestrator(config)` wires the use-cases
 * together. main.ts puts HTTP and socket.io in front of it; the level tests call
 * it in-process. Every method awaits real completion (provision resolves when
 * the environment is ready and throws when it failed).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { AccessTokenPayload } from "../lib/contracts/access-token";
import type {
  CheckResult,
  CreateEnvironmentRequest,
  EnvironmentState,
  EnvironmentView,
  InstanceStats,
  PoolDemand,
  PoolsView,
  SliSample,
  SliView,
  Stage,
} from "../lib/contracts/orchestrator-api";
import { CreateEnvironmentRequestSchema } from "../lib/contracts/orchestrator-api";
import { AccessControl } from "./access/access-control";
import { authorizeEnvironment, authorizeInstance } from "./access/authorize";
import { resolveConfig, type OrchestratorConfig } from "./config";
import type { Deps } from "./deps";
import { createDockerDriver } from "./driver/docker/create-docker-driver";
import type { ExecResult } from "./driver/types";
import { listImages } from "./docker/images";
import { collectStats } from "./environments/collect-stats";
import { destroyEnvironment } from "./environments/destroy-environment";
import { EnvironmentWatchers } from "./environments/environment-watchers";
import { awaitChange } from "./environments/await-change";
import { describe } from "./environments/environment-view";
import { execInEnvironment } from "./environments/exec-in-environment";
import { healInstances } from "./environments/heal-instances";
import { removeAbandoned } from "./environments/remove-abandoned";
import { startProvision } from "./environments/provision-environment";
import { readLogs } from "./environments/read-logs";
import { reapEnvironments, touchEnvironment } from "./environments/reap-environments";
import { reconcile, type ReconcileReport } from "./environments/reconcile";
import { EnvironmentRecordSchema, type EnvironmentRecord } from "./state/environment-record";
import { restartInstance } from "./environments/restart-instance";
import { runCheck } from "./environments/run-check";
import { refillWarmPool, removePoolSlot } from "./environments/warm-pool/refill-warm-pool";
import { OrchestratorError, messageOf, notFound } from "./errors";
import { PoolManager } from "./environments/pools/pool-manager";
import { InMemoryEventBus, type Listener } from "./events/event-bus";
import { IMAGE_LABELS } from "./images/names";
import { StackImages } from "./images/stack-images";
import { applyHostFirewall } from "./isolation/host-firewall";
import { LevelRegistry } from "./levels/level-registry";
import { MockClients } from "./mock-client/mock-clients";
import { JsonDirStore } from "./state/json-dir-store";
import { TerminalManager } from "./terminals/terminal-manager";
import type { TerminalSession } from "./terminals/terminal-session";
import { pruneRecordings } from "./terminals/prune-recordings";
import { recordingsDirOf } from "./terminals/recordings";
import { claimedReadyMade } from "./environments/pools/claimed-ready-made";
import { Gate } from "./util/gate";
import { KeyedLock } from "./util/keyed-lock";

export interface ImageView {
  tag: string;
  id: string;
  stack: string | null;
  createdAt: string;
  sizeBytes: number;
}

export type OrchestratorOptions = Partial<OrchestratorConfig> & {
  /** FIREDRILL_DATA_DIR equivalent: state goes to `<dataDir>/orchestrator`. */
  dataDir?: string;
  /** Build stack images during start() (default false: built on first use). */
  prebuildImages?: boolean;
};

export type Orchestrator = ReturnType<typeof createOrchestrator>;

/** The recordings' retention policy runs with reconcile, at most this often. */
const PRUNE_EVERY_MS = 10 * 60_000;
/** Pooled environments' memory is measured (container stats) at most this often. */
const MEASURE_POOLS_EVERY_MS = 5 * 60_000;
/** How long POST /environments waits for a claimed ready-made environment to be marked ready. */
const CLAIM_ANSWER_WAIT_MS = 2000;

export function createOrchestrator(options: OrchestratorOptions = {}) {
  const config = resolveConfig(options);
  const log = config.log;
  mkdirSync(config.stateDir, { recursive: true });
  const badFile = (file: string, error: string) => log("warn", `state file ${file} set aside: ${error}`);
  const deps: Deps = {
    config,
    driver: createDockerDriver(config.orchestratorId, { envCpus: config.envCpus }),
    envs: new JsonDirStore(join(config.stateDir, "environments"), EnvironmentRecordSchema, badFile),
    pool: new JsonDirStore(join(config.stateDir, "pool"), EnvironmentRecordSchema, badFile),
    pools: new JsonDirStore(join(config.stateDir, "pools"), EnvironmentRecordSchema, badFile),
    poolClaims: new Map(),
    levels: new LevelRegistry(config.levelsDir),
    images: new StackImages(config.levelsDir, (line) => log("info", `[build] ${line}`)),
    bus: new InMemoryEventBus(),
    locks: new KeyedLock(),
    bootGate: new Gate(config.bootParallel),
    inflight: new Map(),
    cancelled: new Set(),
    claiming: new Set(),
    restarting: new Set(),
    now: () => new Date(),
    onDestroy: [],
  };
  // Every deliberate restart goes through the driver: mark it, so the healer does not race it.
  const restartOnPurpose = deps.driver.restart.bind(deps.driver);
  deps.driver.restart = async (slot, instance) => {
    const key = `${slot}/${instance}`;
    deps.restarting.add(key);
    try {
      await restartOnPurpose(slot, instance);
    } finally {
      setTimeout(() => deps.restarting.delete(key), 2000).unref();
    }
  };
  const mockClients = new MockClients(deps);
  const recordingsDir = recordingsDirOf(config.stateDir);
  const terminals = new TerminalManager(deps.driver, recordingsDir, undefined, {
    headBytes: Math.floor(config.recordingMaxBytes * 0.75),
    tailBytes: Math.ceil(config.recordingMaxBytes * 0.25),
  });
  let prunedAt = 0;
  const pruneOldRecordings = async () => {
    if (Date.now() - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = Date.now();
    const policy = { maxAgeDays: config.recordingsMaxAgeDays, maxTotalBytes: config.recordingsMaxTotalBytes };
    const r = await pruneRecordings(recordingsDir, policy, terminals.liveRecordingFiles());
    if (r.removed.length) log("info", `recordings: removed ${r.removed.length} (${r.freedBytes} bytes) by retention`);
  };
  const watchers = new EnvironmentWatchers(deps);
  const access = new AccessControl(config.secret, config.stateDir);
  deps.onDestroy.push(
    (id) => mockClients.stop(id),
    (id) => terminals.closeEnvironment(id),
  );
  let timer: NodeJS.Timeout | undefined;
  let stopHealing: (() => void) | undefined;
  let stopped = true;
  const pools = new PoolManager(deps, () => stopped);
  let measuredAt = 0;
  let ticking: Promise<unknown> | undefined;

  const record = (id: string): EnvironmentRecord => {
    const r = deps.envs.get(id);
    if (!r) throw notFound(`environment ${id}`);
    return r;
  };
  const afterChange = () => {
    mockClients.sync(deps.envs.all());
    // A claim lowers a pool, a cold start that ended lets refills go on.
    if (!stopped) void pools.kick();
  };

  async function tick(): Promise<ReconcileReport> {
    deps.levels.reload();
    const report = await reconcile(deps);
    if (config.removeAbandoned)
      await removeAbandoned(deps).catch((err) => log("warn", `abandoned objects: ${messageOf(err)}`));
    await reapEnvironments(deps);
    await pruneOldRecordings().catch((err) => log("warn", `recordings retention: ${messageOf(err)}`));
    for (const r of deps.envs.all()) if (r.state !== "ready") terminals.closeEnvironment(r.id);
    await reapShells();
    afterChange();
    if (config.warmPool > 0 && !stopped) void refill();
    if (!stopped && Date.now() - measuredAt > MEASURE_POOLS_EVERY_MS && deps.pools.all().length) {
      measuredAt = Date.now();
      await pools.measure().catch((err) => log("warn", `pools: measuring: ${messageOf(err)}`));
    }
    const changed = report.resumed.length + report.lost.length + report.orphans.length + report.restarted.length;
    if (changed) log("info", `reconcile: ${JSON.stringify(report)}`);
    return report;
  }

  /** Shells no session serves any more (an earlier run's, or an ended session's) are hung up. */
  async function reapShells(): Promise<void> {
    for (const r of deps.envs.all()) {
      if (r.state !== "ready") continue;
      try {
        const stack = await deps.levels.stack(r.stack);
        const n = await terminals.reapOrphanShells(
          r.id,
          r.slot,
          stack.instances.map((i) => i.name),
        );
        if (n) log("info", `${r.id}: hung up ${n} shell(s) no session serves any more`);
      } catch (err) {
        log("warn", `${r.id}: reaping old shells: ${messageOf(err)}`);
      }
    }
  }

  /**
   * A player's environment is ready: open a shell on each of the level's instances now, so the room's
   * terminals find one waiting (the engine's exec and bash's login take 0.3–0.7 s under load).
   */
  function prewarmShells(rec: EnvironmentRecord): void {
    if (rec.state !== "ready") return;
    try {
      // The shell in view first, alone: the room connects it first, and three logins at once on a busy
      // host each take longer. The others once it is open (the room connects them after it, too).
      const [first, ...others] = deps.levels.get(rec.levelId).manifest.shells;
      if (first === undefined) return;
      void terminals.prewarm(rec.id, rec.slot, first).then(() => {
        for (const instance of others) void terminals.prewarm(rec.id, rec.slot, instance);
      });
    } catch (err) {
      log("warn", `${rec.id}: opening shells ahead: ${messageOf(err)}`);
    }
  }

  let refilling: Promise<void> | undefined;
  const refill = () => (refilling = refillWarmPool(deps, () => stopped));

  const runTick = () => {
    ticking ??= tick()
      .catch((err) => log("warn", `reconcile failed: ${messageOf(err)}`))
      .finally(() => (ticking = undefined));
    return ticking;
  };

  return {
    config,
    access,
    /** The use-cases' shared state and the terminal sessions: for in-process tests and benches, not for handlers. */
    deps,
    terminals,

    async start(): Promise<void> {
      const version = await deps.driver.ping();
      log("info", `docker ${version}; orchestrator id ${config.orchestratorId}; state in ${config.stateDir}`);
      const posture = await deps.driver.posture();
      const weak = !posture.diskCapped || !posture.userNamespace;
      if (weak && config.enginePosture === "require")
        throw new OrchestratorError(
          "unavailable",
          `the Docker engine does not sandbox environments: ${posture.detail}. Run scripts/docker/ensure-docker.sh --reconfigure (docs/SECURITY.md)`,
        );
      log(weak ? "warn" : "info", `engine: ${posture.detail}`);
      deps.envs.load();
      deps.pool.load();
      deps.pools.load();
      pools.demand.load();
      const catalogue = deps.levels.reload();
      for (const e of catalogue.errors) log("warn", `level refused: ${e.file}: ${e.field}: ${e.message}`);
      if (config.firewall === "auto") {
        const fw = await applyHostFirewall();
        log(fw.applied ? "info" : "warn", `host firewall: ${fw.details.join("; ")}`);
      }
      if (options.prebuildImages) for (const s of deps.levels.stacksInUse()) await deps.images.ensure(s);
      // Check the stack images in the background so the first provision does not wait for it.
      else
        for (const s of deps.levels.stacksInUse())
          deps.images.ensure(s).catch((err) => log("warn", `image ${s}: ${messageOf(err)}`));
      stopped = false;
      await runTick();
      timer = setInterval(() => void runTick(), config.reconcileSeconds * 1000);
      // A dead instance is restarted when the engine says so, not at the next reconcile.
      if (config.healOnExit) stopHealing = healInstances(deps, () => stopped);
      timer.unref();
    },

    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      stopHealing?.();
      mockClients.stopAll();
      watchers.stopAll();
      await terminals.closeAll();
      await ticking;
      // A pool slot being built is finished (not abandoned half-made); no new one starts.
      await refilling;
      await pools.idle();
      await Promise.allSettled([...deps.inflight.values()]);
    },

    /** Resolves with the ready environment; throws OrchestratorError("failed") with the reason. */
    async provision(
      req: CreateEnvironmentRequest,
      onStage?: (stage: Stage, view: EnvironmentRecord) => void,
    ): Promise<EnvironmentView> {
      const parsed = CreateEnvironmentRequestSchema.safeParse(req);
      if (!parsed.success)
        throw new OrchestratorError(
          "bad_request",
          parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
        );
      try {
        const rec = await startProvision(deps, parsed.data, (r, name) => {
          const stage = r.stages.find((s) => s.name === name);
          if (stage) onStage?.(stage, r);
        });
        return describe(deps, rec);
      } finally {
        afterChange();
      }
    },

    /** For HTTP: start (or join) provisioning and answer at once. */
    async provisionInBackground(req: CreateEnvironmentRequest): Promise<EnvironmentView> {
      const work = startProvision(deps, req);
      work.then(
        (rec) => {
          afterChange();
          if (req.shellsAhead !== false) prewarmShells(rec);
        },
        (err) => {
          afterChange();
          log("warn", messageOf(err));
        },
      );
      // Answer once this request's record is written (or the work ended: conflict, unknown level…).
      let settled = false;
      void work.then(
        () => (settled = true),
        () => (settled = true),
      );
      const fresh = () => {
        const r = deps.envs.get(req.id);
        return r && (r.state === "provisioning" || r.state === "ready");
      };
      for (let i = 0; i < 200 && !settled && !fresh(); i++) await new Promise((r) => setTimeout(r, 10));
      if (settled && !deps.envs.get(req.id)) await work; // failed before recording: rethrow
      // A claimed pre-broken environment is ready a few hundred ms later at most: answer ready, so the room
      // opens with its token and shells instead of polling for them. Anything slower answers "provisioning".
      const now = deps.envs.get(req.id);
      if (!settled && now && claimedReadyMade(now))
        await Promise.race([work.catch(() => undefined), new Promise((r) => setTimeout(r, CLAIM_ANSWER_WAIT_MS))]);
      await deps.envs.flushed(req.id); // 202 means recorded: a crash from here on resumes it
      return describe(deps, record(req.id));
    },

    /** The environment's view; while it provisions, held until its next change or `waitMs` (the room's long poll). */
    async get(id: string, waitMs = 0): Promise<EnvironmentView> {
      return awaitChange(deps, record(id), waitMs);
    },

    async list(): Promise<EnvironmentView[]> {
      return Promise.all(
        deps.envs
          .all()
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
          .map((r) => describe(deps, r)),
      );
    },

    async destroy(id: string): Promise<EnvironmentView> {
      terminals.closeEnvironment(id);
      mockClients.stop(id);
      const rec = await destroyEnvironment(deps, id);
      afterChange();
      return describe(deps, rec);
    },

    /** For HTTP: mark destroying and finish in the background. */
    async destroyInBackground(id: string): Promise<EnvironmentView> {
      const rec = record(id);
      terminals.closeEnvironment(id);
      mockClients.stop(id);
      destroyEnvironment(deps, id).then(afterChange, (err) => log("warn", `destroy ${id}: ${messageOf(err)}`));
      return describe(deps, rec.state === "destroyed" ? rec : { ...rec, state: "destroying" });
    },

    async restartInstance(id: string, name: string): Promise<EnvironmentView> {
      touchEnvironment(deps, id);
      return describe(deps, await restartInstance(deps, id, name));
    },

    async exec(
      id: string,
      instance: string,
      script: string,
      opts: { user?: string; timeoutMs?: number } = {},
    ): Promise<ExecResult> {
      touchEnvironment(deps, id);
      return execInEnvironment(deps, id, instance, script, opts);
    },

    async check(id: string): Promise<CheckResult> {
      touchEnvironment(deps, id);
      return runCheck(deps, id);
    },

    sli(id: string): SliView {
      record(id);
      return mockClients.view(id);
    },

    /** Every environment's current SLI sample in one answer (the facilitators' board polls it). */
    sliSamples(): Record<string, SliSample> {
      const ids = deps.envs
        .all()
        .filter((r) => r.kind === "environment")
        .map((r) => r.id);
      return mockClients.currentSamples(ids);
    },

    stats(id: string): Promise<InstanceStats[]> {
      return collectStats(deps, id);
    },

    logs(id: string, instance: string, tail = 200): Promise<string[]> {
      return readLogs(deps, id, instance, tail);
    },

    levels() {
      return deps.levels.view();
    },

    async images(): Promise<ImageView[]> {
      const images = await listImages({ [IMAGE_LABELS.managed]: "true" });
      const base = await listImages({}).then((all) =>
        all.filter((i) => (i.RepoTags ?? []).some((t) => t.startsWith("firedrill/debian:"))),
      );
      return [...base, ...images].flatMap((i) =>
        (i.RepoTags ?? []).map((tag) => ({
          tag,
          id: i.Id,
          stack: i.Labels?.[IMAGE_LABELS.stack] ?? null,
          createdAt: new Date(i.Created * 1000).toISOString(),
          sizeBytes: i.Size,
        })),
      );
    },

    /** What an operator has set (no secret): limits, retention, CPU budget. */
    async settings() {
      return {
        orchestratorId: config.orchestratorId,
        warmPool: config.warmPool,
        pools: { floor: config.poolFloor, ceiling: config.poolCeiling, budgetMb: config.poolBudgetMb },
        idleMinutes: config.idleMinutes,
        maxAgeMinutes: config.maxAgeMinutes,
        cpu: await deps.driver.cpuPolicy(),
        recordings: {
          maxBytesEach: config.recordingMaxBytes,
          maxAgeDays: config.recordingsMaxAgeDays,
          maxTotalBytes: config.recordingsMaxTotalBytes,
        },
      };
    },

    async health(): Promise<{ ok: true; docker: string }> {
      return { ok: true, docker: await deps.driver.ping() };
    },

    /** Record activity (terminal input, app requests) for the reaper. */
    touch(id: string): void {
      touchEnvironment(deps, id);
    },

    /** The app entry's address on the environment's private network (for the browser proxy). */
    async appTarget(id: string): Promise<{ host: string; port: number }> {
      const rec = record(id);
      if (rec.state !== "ready") throw new OrchestratorError("conflict", `environment ${id} is ${rec.state}`);
      const app = deps.levels.get(rec.levelId).manifest.app;
      const inst = (await deps.driver.instances(rec.slot)).find((i) => i.name === app.instance);
      if (!inst?.address) throw new OrchestratorError("unavailable", `${app.instance} is not running`);
      return { host: inst.address, port: app.port };
    },

    /**
     * A browser token's right to an environment (its own, or the one a URL names):
     * throws `forbidden` unless the token is for this environment and its attempt.
     */
    authorize(payload: AccessTokenPayload, envId: string = payload.env): { id: string; state: EnvironmentState } {
      const rec = deps.envs.get(envId);
      authorizeEnvironment(payload, rec);
      return { id: rec.id, state: rec.state };
    },

    /** Where an environment is now (undefined: no record). */
    stateOf(id: string): EnvironmentState | undefined {
      return deps.envs.get(id)?.state;
    },

    /**
     * Open (or join) a terminal for a token's holder: the environment must be ready and
     * the instance one of the level's `shells`; `ro` tokens watch.
     */
    async openTerminal(
      payload: AccessTokenPayload,
      want: { instance: string; session?: string },
    ): Promise<TerminalSession> {
      const rec = deps.envs.get(payload.env);
      authorizeEnvironment(payload, rec);
      if (rec.state !== "ready") throw new OrchestratorError("conflict", `environment ${payload.env} is ${rec.state}`);
      const instance = authorizeInstance(want.instance, deps.levels.get(rec.levelId).manifest.shells);
      return terminals.open({
        envId: rec.id,
        slot: rec.slot,
        instance,
        session: want.session,
        mode: payload.mode,
        user: payload.name || payload.sub,
      });
    },

    /**
     * Follow an environment's events. Its costly streams (stats, logs) run while it is
     * ready and someone follows it. Returns the stop function.
     */
    follow(envId: string, listener: Listener): () => void {
      let release: (() => void) | undefined;
      const stream = () => {
        if (!release && deps.envs.get(envId)?.state === "ready") release = watchers.acquire(envId);
      };
      const unsubscribe = deps.bus.subscribe(envId, (e) => {
        listener(e);
        if (e.type === "state" && e.view.state === "ready") stream();
      });
      stream();
      return () => {
        unsubscribe();
        release?.();
      };
    },

    /** Run one reconcile pass now (tests; the timer runs it every ORCHESTRATOR_RECONCILE_SECONDS). */
    reconcileNow: () => runTick() as Promise<ReconcileReport | void>,

    /** Fill the warm pool now and wait for it (benchmarks, tests). */
    fillWarmPool: () => refill(),

    /** The pre-broken pools: targets, ready and filling per level, memory (GET /pools). */
    pools(): PoolsView {
      return pools.view();
    },

    /** The web's forecast replaces the previous one (PUT /pools/demand); refills follow it. */
    setPoolDemand(demand: PoolDemand): PoolsView {
      for (const d of demand.levels)
        if (d.until !== null && Number.isNaN(Date.parse(d.until)))
          throw new OrchestratorError("bad_request", `levels: ${d.levelId}: until is not a date: ${d.until}`);
      return pools.setDemand(demand);
    },

    /** Fill the pre-broken pools towards their targets now and wait until nothing is filling (tests, benchmarks). */
    async fillPools(): Promise<PoolsView> {
      const ready = () => deps.pools.all().filter((p) => p.state === "ready").length;
      for (let round = 0; round < 20 && !stopped; round++) {
        const before = ready();
        pools.retryNow();
        await pools.kick();
        await pools.idle();
        // Done, or nothing came of a whole round (fills keep failing): one more round after a failure.
        if (pools.plan().fill.length === 0 || (ready() <= before && round > 0)) break;
      }
      return pools.view();
    },

    /** Remove every pre-broken pooled environment (they otherwise outlive a stop and are adopted at the next start). */
    drainPools: () => pools.drain(),

    poolManager: pools,

    /** Remove every warm-pool slot (they otherwise outlive a stop and are adopted at the next start). */
    async drainWarmPool(): Promise<void> {
      for (const p of deps.pool.all()) await removePoolSlot(deps, p);
    },
  };
}
