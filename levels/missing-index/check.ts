/**
 * Fixed when: the plan of the app's search reads products through indexes
 * (no Seq Scan, no row-by-row ILIKE filter) and the search through the proxy
 * answers in under 300 ms (on a machine too busy for that: within 4× a page
 * that needs no search).
 */
import type { LevelContext, Verdict } from "../_sdk";
import { formatMs, requestJson } from "../_lib/http";
import { psql } from "../_lib/psql";
import { sleep } from "../_lib/shell";
import { explainSql, productsAccess, searchTerm } from "./search";

const FAST_MS = 300;
/** The check answers in seconds: a slower search is reported as "more than 4 s". */
const GIVE_UP_MS = 4000;

interface Timing {
  ok: boolean;
  status: number;
  /** Best search time; GIVE_UP_MS when it did not answer in time. */
  search: number;
  /** Best time of a page without a search (primary key only): what "fast" means on this machine right now. */
  plain: number;
}

/** Best of a few rounds: searches started before a fix may still hold the database's one CPU. */
async function timeSearch(ctx: LevelContext, path: string): Promise<Timing> {
  let search = Infinity;
  let plain = Infinity;
  for (let i = 0; i < 6; i++) {
    if (i > 0) await sleep(300);
    const res = await requestJson(ctx, path, { timeoutMs: GIVE_UP_MS });
    if (res.status === 0 && res.ms >= GIVE_UP_MS - 100) return { ok: true, status: 0, search: GIVE_UP_MS, plain }; // too slow to wait for
    if (res.status !== 200 || !Array.isArray(res.json?.items))
      return { ok: false, status: res.status, search: res.ms, plain };
    search = Math.min(search, res.ms);
    plain = Math.min(plain, (await requestJson(ctx, "/api/products?page=1", { timeoutMs: GIVE_UP_MS })).ms);
    if (search < limitFor(plain) || res.ms > 1000) break; // fast enough, or too slow to be worth asking again
  }
  return { ok: true, status: 200, search, plain };
}

/** Under 300 ms; on a machine so busy that a plain page is slow too, within 4× a plain page. */
function limitFor(plain: number): number {
  return Number.isFinite(plain) ? Math.max(FAST_MS, 4 * plain) : FAST_MS;
}

export default async function check(ctx: LevelContext): Promise<Verdict> {
  const term = searchTerm(String(ctx.params.term));
  const path = `/api/products?q=${encodeURIComponent(term)}`;

  const plan = await psql(ctx, explainSql(term));
  if (plan.exitCode !== 0)
    return { passed: false, message: `EXPLAIN of the search failed: ${plan.stderr.trim().split("\n")[0]}` };
  const access = productsAccess(plan.stdout);
  const timing = await timeSearch(ctx, path);
  if (!timing.ok)
    return {
      passed: false,
      message: `The search for "${term}" answers ${timing.status || "nothing"} through the proxy.`,
    };
  const took = timing.search >= GIVE_UP_MS ? "more than 4 s" : formatMs(timing.search);

  if (access.fullScan) {
    return {
      passed: false,
      message: `The search for "${term}" still takes ${took} through the proxy (want < ${FAST_MS} ms).`,
    };
  }
  if (timing.search >= limitFor(timing.plain)) {
    return {
      passed: false,
      message: `EXPLAIN uses ${access.indexes.join(", ")}, but the search for "${term}" still takes ${took} (want < ${FAST_MS} ms; a page without a search takes ${formatMs(timing.plain)}).`,
    };
  }
  return {
    passed: true,
    message: `The search for "${term}" takes ${took} and uses ${access.indexes.join(", ")}.`,
  };
}
