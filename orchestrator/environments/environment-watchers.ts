/**
 * Live streams that cost something (stats every 2 s with a `df` exec per
 * instance, `docker logs --follow` per instance) run only while someone
 * watches the environment, shared by all its watchers, torn down after the last.
 */
import type { Deps } from "../deps";
import { collectStats } from "./collect-stats";

interface Watch {
  count: number;
  stop: () => void;
}

export class EnvironmentWatchers {
  private readonly watches = new Map<string, Watch>();

  constructor(
    private readonly deps: Deps,
    private readonly statsEveryMs = 2_000,
  ) {}

  /** Returns the release function; call it exactly once. */
  acquire(envId: string): () => void {
    const existing = this.watches.get(envId);
    if (existing) existing.count++;
    else this.watches.set(envId, { count: 1, stop: this.start(envId) });
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const w = this.watches.get(envId);
      if (!w) return;
      if (--w.count === 0) {
        w.stop();
        this.watches.delete(envId);
      }
    };
  }

  stopAll(): void {
    for (const w of this.watches.values()) w.stop();
    this.watches.clear();
  }

  private start(envId: string): () => void {
    const { deps } = this;
    let stopped = false;
    let busy = false;
    const timer = setInterval(() => {
      if (busy || deps.envs.get(envId)?.state !== "ready") return;
      busy = true;
      collectStats(deps, envId)
        .then((stats) => !stopped && deps.bus.publish(envId, { type: "stats", stats }))
        .catch(() => undefined)
        .finally(() => (busy = false));
    }, this.statsEveryMs);
    timer.unref();

    const stopLogs = new Map<string, () => void>();
    // Follow again after the stream ends (a restart ends it), from where it ended.
    const follow = async (slot: string, instance: string, sinceSeconds?: number): Promise<void> => {
      if (stopped) return;
      const stop = await deps.driver
        .followLogs(slot, instance, (line) => deps.bus.publish(envId, { type: "log", instance, line }), {
          sinceSeconds,
          onEnd: () => {
            const since = Math.floor(Date.now() / 1000);
            setTimeout(() => void follow(slot, instance, since), 1_000).unref();
          },
        })
        .catch(() => undefined);
      if (!stop) {
        if (!stopped) setTimeout(() => void follow(slot, instance, sinceSeconds), 5_000).unref();
        return;
      }
      if (stopped) stop();
      else stopLogs.set(instance, stop);
    };
    void (async () => {
      const rec = deps.envs.get(envId);
      if (!rec || rec.state !== "ready") return;
      const stack = await deps.levels.stack(rec.stack);
      for (const inst of stack.instances) await follow(rec.slot, inst.name);
    })().catch(() => undefined);

    return () => {
      stopped = true;
      clearInterval(timer);
      for (const stop of stopLogs.values()) stop();
    };
  }
}
