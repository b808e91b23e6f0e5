/**
 * How fast the search answers on each side of the proxy, against a baseline taken at the same
 * moment: a page without a search (primary key only). The terms are the level's and a random one
 * whose plan was checked (no cache or partial index serves it) and whose pages the meaning check
 * just read (a cold cache is not what is judged). The baseline tells "slow search" from "busy machine".
 */
import type { Observe } from "../_sdk";
import { sleep } from "../_lib/shell";
import { PLAIN_PATH, get, readAnswer, searchPath, type Side } from "./answers";

/**
 * What a customer tolerates (the mock client's limit for a search). The plan is verified to use
 * indexes before anything is timed: timing only catches what EXPLAIN cannot see.
 */
export const FAST_MS = 1000;
/** On a busy machine a search may cost this many plain pages. */
const RATIO = 4;
/** A page without a search normally answers in a few ms: slower than this, the machine is busy. */
const BUSY_PLAIN_MS = 120;
const GIVE_UP_MS = 4000;

export interface SideTiming {
  /** Best search time (GIVE_UP_MS when none answered in time). */
  search: number;
  /** Best plain page time (Infinity when none answered). */
  plain: number;
  /** A search answered something other than a product page. */
  badStatus?: number;
}

export type TimingVerdict = "fast" | "slow" | "busy";

export function judgeTiming(t: SideTiming): TimingVerdict {
  if (t.search < FAST_MS) return "fast";
  if (Number.isFinite(t.plain) && t.search < RATIO * t.plain) return "fast";
  if (!Number.isFinite(t.plain) || t.plain >= BUSY_PLAIN_MS) return "busy";
  return "slow";
}

/** Best of a few rounds, each on the next term from `nextTerm`. */
export async function timeSearch(
  observe: Pick<Observe, "http" | "direct">,
  side: Side,
  nextTerm: () => string,
  rounds = 4,
): Promise<SideTiming> {
  const best: SideTiming = { search: GIVE_UP_MS, plain: Infinity };
  for (let i = 0; i < rounds; i++) {
    if (i > 0) await sleep(250);
    const plain = await get(observe, side, PLAIN_PATH, GIVE_UP_MS);
    if (plain.status === 200) best.plain = Math.min(best.plain, plain.ms);
    const res = readAnswer(await get(observe, side, searchPath(nextTerm()), GIVE_UP_MS));
    if (res.ids) best.search = Math.min(best.search, res.ms);
    else if (!res.timedOut) return { ...best, badStatus: res.status };
    if (judgeTiming(best) === "fast") break;
  }
  return best;
}
