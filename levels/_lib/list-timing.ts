/**
 * How fast a product list (a lookup, a sorted page) answers on one side of the proxy, against a plain
 * catalogue page (primary key only) taken at the same moment: the baseline tells "slow" from "busy machine".
 */
import type { Observe } from "../_sdk";
import { sleep } from "./shell";
import { readIds } from "./product-list";
import { get, type Side } from "./sides";

/** A list read through an index answers in a few ms; a full read of products takes 150 ms to seconds. */
export const FAST_MS = 120;
const RATIO = 4;
const BUSY_PLAIN_MS = 60;
const GIVE_UP_MS = 4000;
const PLAIN_PATH = "/api/products?page=1";

export interface LookupTiming {
  lookup: number;
  plain: number;
}

export function judgeTiming(t: LookupTiming): "fast" | "slow" | "busy" {
  if (t.lookup < FAST_MS) return "fast";
  if (Number.isFinite(t.plain) && t.lookup < RATIO * t.plain) return "fast";
  if (!Number.isFinite(t.plain) || t.plain >= BUSY_PLAIN_MS) return "busy";
  return "slow";
}

/** Best of a few rounds over the given lookups (already answered once, so nothing is cold). */
export async function timeLookups(
  observe: Pick<Observe, "http" | "direct">,
  side: Side,
  paths: string[],
  rounds = 4,
): Promise<LookupTiming> {
  const best: LookupTiming = { lookup: GIVE_UP_MS, plain: Infinity };
  for (let i = 0; i < rounds; i++) {
    if (i > 0) await sleep(150);
    const plain = await get(observe, side, PLAIN_PATH, GIVE_UP_MS);
    if (plain.status === 200) best.plain = Math.min(best.plain, plain.ms);
    const res = readIds(await get(observe, side, paths[i % paths.length] ?? "/", GIVE_UP_MS));
    if (res.ids) best.lookup = Math.min(best.lookup, res.ms);
    if (judgeTiming(best) === "fast") break;
  }
  return best;
}
