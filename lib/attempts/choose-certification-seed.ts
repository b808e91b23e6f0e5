/**
 * A certification attempt deals a variant the player has not trained on: a
 * seed none of their attempts on the level used, whose parameters differ from
 * every variant they trained with whenever the level has another to give.
 * Pure; the seed source is injected so tests can pin it.
 */
import type { ParamSpec } from "../levels/manifest-schema";
import { resolveParams, type ResolvedParams } from "../levels/params";

export function chooseCertificationSeed(input: {
  specs: Record<string, ParamSpec>;
  /** Seeds of the player's earlier attempts on this level (never dealt again). */
  usedSeeds: ReadonlySet<string>;
  /** Parameters of the player's training attempts on this level. */
  trainedParams: readonly unknown[];
  newSeed: () => string;
  tries?: number;
}): { seed: string; fresh: boolean } {
  const trained = new Set(input.trainedParams.map((p) => canonical(p)));
  let fallback: string | undefined;
  for (let i = 0; i < (input.tries ?? 64); i++) {
    const seed = input.newSeed();
    if (input.usedSeeds.has(seed)) continue;
    fallback ??= seed;
    if (!trained.has(canonical(resolveParams(input.specs, seed)))) return { seed, fresh: true };
  }
  // Every variant the level has was trained on (or it has none): still a seed never dealt before.
  if (fallback === undefined) throw new Error("the seed source keeps dealing seeds already used");
  return { seed: fallback, fresh: false };
}

function canonical(params: unknown): string {
  if (!params || typeof params !== "object") return "{}";
  const entries = Object.entries(params as ResolvedParams).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}
