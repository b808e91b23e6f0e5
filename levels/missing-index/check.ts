/**
 * Fixed when the plan of the app's search (EXPLAIN through the check's pinned SQL, so role or
 * database planner settings count for nothing) reads the real products table through its indexes,
 * for the level's term and for a random one; the search answers, through the proxy and straight
 * from the app, with the products the database holds for the term; and it is fast: under 300 ms,
 * or, on a machine so busy that a page without a search is slow too, within 4× such a page.
 * When even that baseline fails, the check says it could not judge (never "not fixed").
 */
import type { CheckContext, Verdict } from "../_sdk";
import { unjudged } from "../_sdk";
import { answeringSql } from "../_lib/answering-sql";
import { formatMs } from "../_lib/http";
import { SIDES, get, matches, readAnswer, searchPath, sideName, truthFor } from "./answers";
import { readPlan } from "./plan";
import { randomTerm, searchTerm } from "./search";
import { FAST_MS, judgeTiming, timeSearch } from "./timing";

const fail = (message: string): Verdict => ({ passed: false, message });
const BUSY = "The machine is too busy to time the search right now";

/** The symptom of a search that still reads everything, as the player sees it through the proxy. */
async function stillSlow(ctx: CheckContext, term: string): Promise<Verdict> {
  const res = readAnswer(await get(ctx.observe, "proxy", searchPath(term), 4000));
  if (res.timedOut) return fail(`The search for "${term}" still takes more than 4 s through the proxy.`);
  if (!res.ids) {
    const what = res.status === 200 ? "something that is not a product page" : res.status || "nothing";
    return fail(`The search for "${term}" answers ${what} through the proxy.`);
  }
  if (res.ms >= FAST_MS)
    return fail(`The search for "${term}" still takes ${formatMs(res.ms)} through the proxy (want < ${FAST_MS} ms).`);
  // Fast here, yet the database would read every product: something answers for the database.
  return fail(
    `The search for "${term}" answered in ${formatMs(res.ms)} just now, but the database still reads every product to answer it: the next customer's search waits seconds.`,
  );
}

export default async function check(ctx: CheckContext): Promise<Verdict> {
  const observe = answeringSql(ctx.observe);
  const term = searchTerm(String(ctx.params.term));
  const other = randomTerm(term);

  let indexes: string[] = [];
  for (const t of [term, other]) {
    const plan = await readPlan(observe, t);
    if (t === term) indexes = plan.indexes;
    if (!plan.realTable)
      return fail("The search no longer reads the shop's products table (public.products is not a table).");
    if (!plan.indexed) return stillSlow(ctx, t);
  }

  // Meaning, on both sides of the proxy: the products the database holds for the term.
  for (const t of [term, other]) {
    const truth = await truthFor(observe, t);
    for (const side of SIDES) {
      const answer = readAnswer(await get(observe, side, searchPath(t), 8000));
      if (answer.timedOut)
        return unjudged(`${BUSY}: the search for "${t}" ${sideName(side)} got no answer within 8 s. Try again.`);
      if (!matches(answer, truth)) {
        const got = answer.ids ? `${answer.total} product(s)` : `${answer.status || "nothing"}`;
        return fail(
          `The search for "${t}" ${sideName(side)} answers ${got}, not the ${truth.total} products the shop holds for it.`,
        );
      }
    }
  }

  let round = 0;
  const nextTerm = () => (round++ % 2 === 0 ? other : term);
  let busy: string | undefined;
  const took: string[] = [];
  for (const side of SIDES) {
    const timing = await timeSearch(observe, side, nextTerm);
    if (timing.badStatus !== undefined)
      return fail(`A search ${sideName(side)} answers ${timing.badStatus || "nothing"} instead of products.`);
    const verdict = judgeTiming(timing);
    const search = timing.search >= 4000 ? "more than 4 s" : formatMs(timing.search);
    const plain = Number.isFinite(timing.plain) ? formatMs(timing.plain) : "no answer";
    if (verdict === "slow")
      return fail(
        `EXPLAIN uses ${indexes.join(", ")}, but a search still takes ${search} ${sideName(side)} (want < ${FAST_MS} ms; a page without a search takes ${plain}).`,
      );
    if (verdict === "busy") busy ??= `${BUSY} (a page without a search takes ${plain} ${sideName(side)}). Try again.`;
    took.push(`${search} ${sideName(side)}`);
  }
  if (busy) return unjudged(busy);
  return {
    passed: true,
    message: `The search uses ${indexes.join(", ")} and answers the right products in ${took.join(" and ")}.`,
  };
}
