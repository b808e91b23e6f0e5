/**
 * The reaper: destroy environments idle longer than ORCHESTRATOR_IDLE_MINUTES
 * or older than ORCHESTRATOR_MAX_AGE_MINUTES, warning their watchers first.
 */
import type { Deps } from "../deps";
import { messageOf } from "../errors";
import { destroyEnvironment } from "./destroy-environment";
import { save } from "./environment-view";
import { reapDecision } from "./reap-decision";

export const WARN_BEFORE_MS = 5 * 60_000;

export async function reapEnvironments(deps: Deps): Promise<string[]> {
  const policy = {
    idleMs: deps.config.idleMinutes * 60_000,
    maxAgeMs: deps.config.maxAgeMinutes * 60_000,
    warnMs: WARN_BEFORE_MS,
  };
  const destroyed: string[] = [];
  const now = deps.now();
  for (const r of deps.envs.all()) {
    if (r.state !== "ready" || deps.locks.busy(r.id)) continue;
    const d = reapDecision(r, now.getTime(), policy);
    if (d.action === "warn") {
      const destroyAt = new Date(d.destroyAt).toISOString();
      const minutes = Math.max(1, Math.round((d.destroyAt - now.getTime()) / 60_000));
      deps.bus.publish(r.id, {
        type: "warning",
        reason: d.reason,
        destroyAt,
        message:
          d.reason === "idle"
            ? `This environment has been idle; it will be removed in ${minutes} min unless you use it.`
            : `This environment reaches its maximum age; it will be removed in ${minutes} min.`,
      });
      await save(deps, { ...r, warnedAt: now.toISOString() });
    } else if (d.action === "destroy") {
      deps.config.log("info", `reaping ${r.id} (${d.reason})`);
      destroyed.push(r.id);
      await destroyEnvironment(deps, r.id).catch((err) => deps.config.log("warn", `reap ${r.id}: ${messageOf(err)}`));
    }
  }
  return destroyed;
}

/** Someone used the environment: the idle clock starts again (written at most once a minute). */
export function touchEnvironment(deps: Deps, id: string): void {
  const r = deps.envs.get(id);
  if (!r || r.state !== "ready") return;
  const now = deps.now();
  const stale = now.getTime() - Date.parse(r.lastActivityAt) > 60_000;
  const updated = { ...r, lastActivityAt: now.toISOString(), warnedAt: null };
  if (stale || r.warnedAt) void save(deps, updated);
  else deps.envs.remember(updated);
}
