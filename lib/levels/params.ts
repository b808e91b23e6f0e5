/**
 * Deterministic variant parameters: the same seed always deals the same values,
 * two seeds usually deal different ones.
 */
import type { ParamSpec } from "./manifest-schema";

export type ResolvedParams = Record<string, string | number>;

/** mulberry32 seeded by an FNV-1a hash of the seed and parameter name. */
function rng(seed: string, name: string): () => number {
  let h = 0x811c9dc5;
  for (const ch of `${seed}:${name}`) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function resolveParams(specs: Record<string, ParamSpec>, seed: string): ResolvedParams {
  const out: ResolvedParams = {};
  for (const [name, spec] of Object.entries(specs)) {
    const next = rng(seed, name);
    if ("choose" in spec) {
      out[name] = spec.choose[Math.floor(next() * spec.choose.length)] as string | number;
    } else {
      const [min, max] = spec.range;
      out[name] = min + Math.floor(next() * (max - min + 1));
    }
  }
  return out;
}

/** Replace `{{name}}` with the parameter's value; unknown names are left as they are. */
export function expandTemplate(text: string, params: ResolvedParams): string {
  return text.replace(/\{\{([a-zA-Z][a-zA-Z0-9_]*)\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
