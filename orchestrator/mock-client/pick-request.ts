/** Weighted choice among a level's mock requests, and their path/body templates. Pure given `random`. */
import type { MockRequest } from "../../lib/levels/manifest-schema";
import { expandTemplate, type ResolvedParams } from "../../lib/levels/params";

export function pickRequest<T extends Pick<MockRequest, "weight">>(requests: T[], random: number): T {
  const total = requests.reduce((sum, r) => sum + r.weight, 0);
  let x = random * total;
  for (const r of requests) {
    x -= r.weight;
    if (x < 0) return r;
  }
  return requests[requests.length - 1] as T;
}

export function expandRequestPath(path: string, params: ResolvedParams, rand: () => string): string {
  return expandTemplate(path, params).replace(/\{\{rand\}\}/g, () => rand());
}

export function expandJson(value: unknown, params: ResolvedParams, rand: () => string): unknown {
  if (typeof value === "string") return expandRequestPath(value, params, rand);
  if (Array.isArray(value)) return value.map((v) => expandJson(v, params, rand));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandJson(v, params, rand)]));
  }
  return value;
}
