/**
 * "Does the shop work for a customer?", for checks that judge something else first (memory, CPU):
 * a search for a term nobody prepared for, through the proxy and straight at the app, each compared
 * with what the database holds (the same first page, the same total). No timing is judged here.
 */
import type { Observe } from "../_sdk";
import { SIDES, get, matches, readAnswer, searchPath, sideName, truthFor } from "../missing-index/answers";
import { randomTerm } from "../missing-index/search";
import { baseline } from "./baseline";

export type ShopReading = { ok: true } | { ok: false; problem: string; busy: boolean };

export async function shopServes(observe: Observe, timeoutMs = 15_000): Promise<ShopReading> {
  const term = randomTerm("");
  const truth = await truthFor(observe, term);
  for (const side of SIDES) {
    const answer = readAnswer(await get(observe, side, searchPath(term), timeoutMs));
    if (matches(answer, truth)) continue;
    if (answer.status === 0) {
      // No answer at all, once memory and CPU were found fine: most likely a host too busy to answer (said so
      // when even nginx is slow); otherwise still not a pass, but not a "not fixed" either.
      const cheap = await baseline(observe, "/nginx-health", 3000);
      return {
        ok: false,
        busy: !cheap.answers || answer.timedOut,
        problem: `a search for "${term}" ${sideName(side)} gets no answer within ${timeoutMs / 1000} s`,
      };
    }
    return {
      ok: false,
      busy: false,
      problem:
        answer.status === 200
          ? `a search for "${term}" ${sideName(side)} does not return the shop's products`
          : `a search for "${term}" ${sideName(side)} answers ${answer.status}`,
    };
  }
  return { ok: true };
}
