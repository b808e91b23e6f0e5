/**
 * The pre-broken pools in the background: sizes them (plan-pools.ts), removes stale-image
 * and surplus environments (the least wanted level's first), and refills at most
 * `poolFillParallel` at a time, most-wanted levels first, never past the memory budget, and
 * not at all while a player's cold start runs (it resumes when that ends). `kick()` is called
 * at every reconcile, after each claim and each fill.
 */
import type { PoolDemand, PoolsView } from "../../../lib/contracts/orchestrator-api";
import type { Deps } from "../../deps";
import { messageOf } from "../../errors";
import { recentClaims } from "./claim-pooled";
import { fillPooled, removePooled } from "./fill-pooled";
import { PoolDemandStore } from "./pool-demand";
import { planPools, type PoolPlan } from "./plan-pools";

const MB = 1024 * 1024;

export class PoolManager {
  readonly demand: PoolDemandStore;
  private readonly fills = new Set<Promise<unknown>>();
  /** Measured memory of one pooled environment, per stack (MB). */
  private readonly measuredMb = new Map<string, number>();
  private planning: Promise<void> | undefined;
  /** A level whose fill failed waits before the next (30 s, doubling to 10 minutes): a broken level must not spin. */
  private readonly backoff = new Map<string, { failures: number; until: number }>();
  private again = false;

  constructor(
    private readonly deps: Deps,
    private readonly stopped: () => boolean,
  ) {
    this.demand = new PoolDemandStore(deps.config.stateDir, (m) => deps.config.log("warn", m));
  }

  envMb(stack: string): number {
    return this.measuredMb.get(stack) ?? this.deps.config.poolEnvMbEstimate;
  }

  usedMb(): number {
    return this.deps.pools
      .all()
      .filter((p) => p.state === "ready" || p.state === "provisioning")
      .reduce((sum, p) => sum + this.envMb(p.stack), 0);
  }

  /** A player's cold start is being built: refills wait. */
  coldStartRunning(): boolean {
    return this.deps.envs
      .all()
      .some((r) => r.state === "provisioning" && !r.fromWarmPool && this.deps.inflight.has(r.id));
  }

  plan(): PoolPlan {
    const { deps } = this;
    const now = deps.now();
    const demand = this.demand.current(now);
    const pools = deps.pools.all();
    const inputs = deps.levels.all().map((l) => {
      const mine = pools.filter((p) => p.levelId === l.manifest.id);
      const d = demand.get(l.manifest.id);
      return {
        levelId: l.manifest.id,
        stack: l.manifest.stack,
        poolable: l.manifest.pool !== "off",
        want: d?.want ?? 0,
        reason: d?.reason ?? null,
        recentClaims: recentClaims(deps, l.manifest.id, now.getTime()),
        ready: mine.filter((p) => p.state === "ready").length,
        filling: mine.filter((p) => p.state === "provisioning").length,
        envMb: this.envMb(l.manifest.stack),
      };
    });
    return planPools(inputs, {
      floor: deps.config.poolFloor,
      ceiling: deps.config.poolCeiling,
      budgetMb: deps.config.poolBudgetMb,
    });
  }

  view(): PoolsView {
    const claims = [...this.deps.poolClaims.values()].flat();
    return {
      budgetMb: this.deps.config.poolBudgetMb,
      usedMb: Math.round(this.usedMb()),
      levels: this.plan().levels.map(({ wanted: _wanted, ...l }) => l),
      lastClaimAt: claims.length ? new Date(Math.max(...claims)).toISOString() : null,
    };
  }

  setDemand(demand: PoolDemand): PoolsView {
    this.demand.replace(demand);
    void this.kick();
    return this.view();
  }

  /** Plan and act now (or once more after the pass that runs). */
  kick(): Promise<void> {
    if (this.planning) {
      this.again = true;
      return this.planning;
    }
    this.planning = (async () => {
      do {
        this.again = false;
        await this.pass();
      } while (this.again && !this.stopped());
    })()
      .catch((err) => this.deps.config.log("warn", `pools: ${messageOf(err)}`))
      .finally(() => (this.planning = undefined));
    return this.planning;
  }

  private async pass(): Promise<void> {
    const { deps } = this;
    if (this.stopped()) return;
    const free = (id: string) => !deps.claiming.has(id) && !deps.locks.busy(id);
    // Stale image: a pooled environment of an older image is never handed out.
    const current = new Map<string, string>();
    for (const stack of new Set(deps.pools.all().map((p) => p.stack))) {
      const tag = await deps.images
        .current(stack)
        .then((i) => i.tag)
        .catch(() => null);
      if (tag) current.set(stack, tag);
    }
    for (const p of deps.pools.all()) {
      const tag = current.get(p.stack);
      if (p.state === "ready" && tag && p.image !== tag && free(p.id)) {
        deps.config.log("info", `pool ${p.levelId}: ${p.id} is of an older image, removed`);
        await removePooled(deps, p);
      }
    }
    const plan = this.plan();
    for (const e of plan.evict) {
      const victims = deps.pools
        .all()
        .filter((p) => p.levelId === e.levelId && p.state === "ready" && free(p.id))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, e.count);
      for (const v of victims) await removePooled(deps, v);
    }
    if (this.coldStartRunning()) return;
    for (const levelId of plan.fill) {
      if (this.stopped() || this.fills.size >= deps.config.poolFillParallel) return;
      if ((this.backoff.get(levelId)?.until ?? 0) > Date.now()) continue;
      const level = deps.levels.get(levelId);
      if (this.usedMb() + this.envMb(level.manifest.stack) > deps.config.poolBudgetMb) return;
      const image = (await deps.images.ensure(level.manifest.stack)).tag;
      let recorded!: () => void;
      const written = new Promise<void>((resolve) => (recorded = resolve));
      const fill = fillPooled(deps, levelId, image, recorded)
        .then((made) => {
          if (made) return void this.backoff.delete(levelId);
          const failures = (this.backoff.get(levelId)?.failures ?? 0) + 1;
          this.backoff.set(levelId, { failures, until: Date.now() + Math.min(600_000, 30_000 * 2 ** (failures - 1)) });
        })
        .catch((err) => deps.config.log("warn", `pool ${levelId}: ${messageOf(err)}`))
        .finally(() => {
          recorded();
          this.fills.delete(fill);
          if (!this.stopped()) void this.kick();
        });
      this.fills.add(fill);
      // Plan again once this fill's record is written, so it is counted.
      await written;
      this.again = true;
      return;
    }
  }

  /** Memory of ready pooled environments, measured from their containers (per stack, the mean). */
  async measure(): Promise<void> {
    const { deps } = this;
    const byStack = new Map<string, number[]>();
    for (const p of deps.pools.all().filter((r) => r.state === "ready")) {
      try {
        const stack = await deps.levels.stack(p.stack);
        let bytes = 0;
        for (const inst of stack.instances) bytes += (await deps.driver.sample(p.slot, inst.name)).memoryBytes;
        byStack.set(p.stack, [...(byStack.get(p.stack) ?? []), bytes / MB]);
      } catch {
        // gone or busy: measured next time
      }
    }
    for (const [stack, mbs] of byStack)
      this.measuredMb.set(stack, Math.ceil(mbs.reduce((a, b) => a + b, 0) / mbs.length));
  }

  /** Forget the failed fills' back-off (an explicit "fill now": tests, benchmarks). */
  retryNow(): void {
    this.backoff.clear();
  }

  /** Wait for the fills under way (stop, tests). */
  async idle(): Promise<void> {
    while (this.planning || this.fills.size) {
      await this.planning;
      await Promise.allSettled([...this.fills]);
    }
  }

  /** Remove every pooled environment (tests, benchmarks; they otherwise outlive a stop and are adopted). */
  async drain(): Promise<void> {
    await this.idle();
    for (const p of this.deps.pools.all()) await removePooled(this.deps, p);
  }
}
