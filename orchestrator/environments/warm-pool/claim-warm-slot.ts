/**
 * Take a healthy, unbroken warm-pool slot of this stack built from the current
 * image. The caller records the environment on it and then drops the pool record.
 */
import type { Deps } from "../../deps";
import type { EnvironmentRecord } from "../../state/environment-record";

export async function claimWarmSlot(deps: Deps, stack: string, image: string): Promise<EnvironmentRecord | undefined> {
  const candidates = deps.pool
    .all()
    .filter((p) => p.state === "ready" && p.stack === stack && p.image === image && !deps.claiming.has(p.id))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const stackSpec = await deps.levels.stack(stack);
  for (const p of candidates) {
    deps.claiming.add(p.id);
    const instances = await deps.driver.instances(p.slot).catch(() => []);
    const fine = stackSpec.instances.every((want) => {
      const got = instances.find((i) => i.name === want.name);
      return got?.state === "running" && got.health !== "unhealthy";
    });
    if (fine) return p;
    // Broken while waiting: the reconcile loop removes it (its record goes, its objects become orphans).
    deps.claiming.delete(p.id);
    await deps.pool.delete(p.id);
  }
  return undefined;
}
