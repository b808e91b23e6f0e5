/**
 * The web's latest forecast (PUT /pools/demand), kept in <stateDir>/pool-demand.json so a
 * restarted orchestrator fills towards it before the web sends the next one. Entries whose
 * `until` has passed no longer count.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PoolDemandSchema, type PoolDemand } from "../../../lib/contracts/orchestrator-api";

export class PoolDemandStore {
  private demand: PoolDemand = { levels: [] };
  private readonly file: string;

  constructor(
    stateDir: string,
    private readonly warn: (message: string) => void,
  ) {
    this.file = join(stateDir, "pool-demand.json");
  }

  load(): void {
    try {
      const parsed = PoolDemandSchema.safeParse(JSON.parse(readFileSync(this.file, "utf8")));
      if (parsed.success) this.demand = parsed.data;
      else this.warn(`pool demand file set aside: ${parsed.error.message}`);
    } catch {
      this.demand = { levels: [] }; // none yet
    }
  }

  replace(demand: PoolDemand): void {
    this.demand = demand;
    const tmp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(demand, null, 2));
    renameSync(tmp, this.file);
  }

  /** Per level: the wanted count (entries for the same level add up) and the reasons, lapsed ones left out. */
  current(now: Date): Map<string, { want: number; reason: string }> {
    const out = new Map<string, { want: number; reason: string }>();
    for (const d of this.demand.levels) {
      if (d.until !== null && !(Date.parse(d.until) > now.getTime())) continue;
      const prev = out.get(d.levelId);
      out.set(d.levelId, {
        want: Math.min(20, (prev?.want ?? 0) + d.want),
        reason: prev ? `${prev.reason}; ${d.reason}` : d.reason,
      });
    }
    return out;
  }
}
