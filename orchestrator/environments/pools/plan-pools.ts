/**
 * Pure sizing of the pre-broken pools: per level a target (the web's demand or recent claims, the larger,
 * clamped by floor and ceiling), then the memory budget shared out most-wanted first, one
 * environment per level per round (every wanted level gets its first before any gets a second).
 * Says which pooled environments to evict (over target: the least wanted level first) and which
 * levels to fill next (most wanted first).
 */
export interface PoolLevelInput {
  levelId: string;
  stack: string;
  /** "off": never pooled. */
  poolable: boolean;
  /** The web's demand (0 when none), and why. */
  want: number;
  reason: string | null;
  /** Claims in the recent window. */
  recentClaims: number;
  ready: number;
  filling: number;
  /** Memory one pooled environment of this level's stack takes (measured or estimated). */
  envMb: number;
}

export interface PoolPlanLevel {
  levelId: string;
  stack: string;
  floor: number;
  ceiling: number;
  target: number;
  ready: number;
  filling: number;
  reason: string;
  /** How wanted the level is (demand + recent claims): evictions start with the least, fills with the most. */
  wanted: number;
}

export interface PoolPlan {
  levels: PoolPlanLevel[];
  /** Ready pooled environments to remove, per level (how many). */
  evict: { levelId: string; count: number }[];
  /** Levels to fill, in order (a level appears once per environment it lacks). */
  fill: string[];
}

/**
 * The web's forecast already counts recent starts (lib/pools/plan-demand.ts): the larger of it and
 * this orchestrator's own recent claims, not their sum, so one start is not counted twice. The
 * claims still count alone when the web has sent nothing (it is down, or an older version).
 */
function wantedOf(l: PoolLevelInput): number {
  return Math.max(l.want, l.recentClaims);
}

export function planPools(
  inputs: PoolLevelInput[],
  opts: { floor: number; ceiling: number; budgetMb: number },
): PoolPlan {
  const ceiling = Math.max(opts.ceiling, opts.floor);
  const byWant = [...inputs].sort((a, b) => wantedOf(b) - wantedOf(a) || a.levelId.localeCompare(b.levelId));
  const desired = new Map<string, number>();
  const reasons = new Map<string, string>();
  for (const l of inputs) {
    if (!l.poolable) {
      desired.set(l.levelId, 0);
      reasons.set(l.levelId, "not pooled (level.yaml pool: off)");
      continue;
    }
    const wanted = wantedOf(l);
    const clamped = Math.min(ceiling, Math.max(opts.floor, wanted));
    desired.set(l.levelId, clamped);
    const why = [
      l.want > 0 ? (l.reason ?? `${l.want} wanted`) : null,
      l.recentClaims > 0 ? `${l.recentClaims} recent starts` : null,
    ]
      .filter(Boolean)
      .join("; ");
    reasons.set(
      l.levelId,
      wanted > ceiling
        ? `ceiling (${why})`
        : wanted >= opts.floor && why
          ? why
          : opts.floor > 0
            ? "floor"
            : "no demand",
    );
  }
  // Share the budget: round k gives the k-th environment to each level that wants it, most wanted first.
  const granted = new Map(inputs.map((l) => [l.levelId, 0]));
  let used = 0;
  const most = Math.max(0, ...desired.values());
  for (let k = 1; k <= most; k++) {
    for (const l of byWant) {
      if ((desired.get(l.levelId) ?? 0) < k) continue;
      if (used + l.envMb > opts.budgetMb) continue;
      used += l.envMb;
      granted.set(l.levelId, k);
    }
  }
  const levels: PoolPlanLevel[] = inputs.map((l) => {
    const target = granted.get(l.levelId) ?? 0;
    const want = desired.get(l.levelId) ?? 0;
    return {
      levelId: l.levelId,
      stack: l.stack,
      floor: l.poolable ? opts.floor : 0,
      ceiling: l.poolable ? ceiling : 0,
      target,
      ready: l.ready,
      filling: l.filling,
      reason: target < want ? `budget: capped (${target} of ${want})` : (reasons.get(l.levelId) ?? ""),
      wanted: wantedOf(l),
    };
  });
  const evict = [...levels]
    .sort((a, b) => a.wanted - b.wanted || a.levelId.localeCompare(b.levelId))
    .filter((l) => l.ready + l.filling > l.target && l.ready > 0)
    .map((l) => ({ levelId: l.levelId, count: Math.min(l.ready, l.ready + l.filling - l.target) }));
  const fill: string[] = [];
  const missing = new Map(levels.map((l) => [l.levelId, Math.max(0, l.target - l.ready - l.filling)]));
  for (let more = true; more;) {
    more = false;
    for (const l of [...levels].sort((a, b) => b.wanted - a.wanted || a.levelId.localeCompare(b.levelId))) {
      const m = missing.get(l.levelId) ?? 0;
      if (m <= 0) continue;
      fill.push(l.levelId);
      missing.set(l.levelId, m - 1);
      more = true;
    }
  }
  return { levels, evict, fill };
}
