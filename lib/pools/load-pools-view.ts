/**
 * The admin's view of the pre-broken pools (GET /pools), each level named by its catalogue title.
 * An orchestrator that cannot be reached, or answers out of contract, is a state the page shows,
 * not an error it throws.
 */
import type { Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import type { PoolsView } from "../contracts/orchestrator-api";
import { defaultDeps, type Deps } from "../core/deps";
import { isAppError } from "../errors";

export type PoolRow = PoolsView["levels"][number] & { title: string };

export type PoolsPageView =
  | { state: "ok"; budgetMb: number; usedMb: number; lastClaimAt: Date | null; levels: PoolRow[] }
  | { state: "unavailable"; message: string };

export async function loadPoolsView(actor: Actor, deps: Deps = defaultDeps()): Promise<PoolsPageView> {
  assertAllowed(actor, "admin");
  let view: PoolsView;
  try {
    view = await deps.orchestrator.getPools();
  } catch (err) {
    if (isAppError(err)) return { state: "unavailable", message: err.message };
    throw err;
  }
  const titles = new Map(
    (
      await deps.db.level.findMany({
        where: { id: { in: view.levels.map((l) => l.levelId) } },
        select: { id: true, title: true },
      })
    ).map((l) => [l.id, l.title]),
  );
  const levels = view.levels
    .map((l) => ({ ...l, title: titles.get(l.levelId) ?? l.levelId }))
    .sort((a, b) => b.target - a.target || a.title.localeCompare(b.title));
  return {
    state: "ok",
    budgetMb: view.budgetMb,
    usedMb: view.usedMb,
    lastClaimAt: view.lastClaimAt ? new Date(view.lastClaimAt) : null,
    levels,
  };
}
