/**
 * Fixed when the level's quick lookup, for keys nobody could prepare for, answers the products the
 * database holds (through the proxy AND straight from the app), the database's own statistics show
 * those lookups reading a handful of rows instead of the whole table (whatever SQL the app now
 * sends: a rewritten query deployed with `deploy`, or the shipped one served by an expression
 * index), and the lookup is fast next to a plain page taken at the same moment. When even that
 * plain page is slow, the check says it could not judge (never "not fixed").
 */
import type { CheckContext, Verdict } from "../_sdk";
import { unjudged } from "../_sdk";
import { answeringSql } from "../_lib/answering-sql";
import { formatMs } from "../_lib/http";
import { SIDES, get, readIds, sideName } from "./answers";
import { explainShippedSql, lookupKind, planUsesIndex, randomLookup, truthFor, type Lookup } from "./lookups";
import { MAX_ROWS_PER_QUERY, drainRunning, readCounters, readsSince } from "../_lib/table-reads";
import { judgeTiming, timeLookups } from "../_lib/list-timing";

const fail = (message: string): Verdict => ({ passed: false, message });
const BUSY = "The machine is too busy to time the lookup right now";
const KEYS = 3;

export default async function check(ctx: CheckContext): Promise<Verdict> {
  const observe = answeringSql(ctx.observe);
  const kind = lookupKind(ctx.params.lookup);
  const lookups: Lookup[] = [];
  for (let i = 0; i < KEYS; i++) lookups.push(await randomLookup(observe, kind));

  await drainRunning(observe);
  const before = await readCounters(observe);
  if (!before) return fail("The shop's products table is gone (public.products is not a table).");
  if (!before.counting)
    return fail("The database no longer counts what it reads, so nothing can show the lookups are cheap.");

  // One lookup first, through the proxy: what it costs the database decides most broken cases quickly.
  const probe = lookups[0];
  if (probe) {
    const answer = readIds(await get(observe, "proxy", probe.path, 8000));
    if (answer.timedOut) {
      // Other customers' lookups ran meanwhile: what they cost tells a walking database from a busy host.
      const meanwhile = await readsSince(observe, before, 1, 8000);
      if (meanwhile.kind === "measured" && meanwhile.rowsPerQuery > MAX_ROWS_PER_QUERY)
        return fail(
          `Looking up ${probe.label} through the proxy takes more than 8 s, and meanwhile the database reads about ${Math.round(meanwhile.rowsPerQuery).toLocaleString("en-US")} rows of products per query.`,
        );
      const plain = await get(observe, "proxy", "/api/products?page=1", 4000);
      if (plain.status !== 200 || plain.ms > 500)
        return unjudged(`${BUSY}: looking up ${probe.label} got no answer within 8 s. Try again.`);
      return fail(`Looking up ${probe.label} through the proxy takes more than 8 s.`);
    }
    const reads = await readsSince(observe, before, probe.queries);
    if (reads.kind === "measured" && reads.rowsPerQuery > MAX_ROWS_PER_QUERY)
      return fail(
        `Looking up ${probe.label} took ${formatMs(answer.ms)} and made the database read about ${Math.round(reads.rowsPerQuery).toLocaleString("en-US")} rows of products per query: every customer's lookup walks the catalogue.`,
      );
  }
  const start = await readCounters(observe);
  if (!start) return fail("The shop's products table is gone (public.products is not a table).");

  // Meaning, on both sides of the proxy: the products the database itself holds for each key.
  let asked = 0;
  for (const lookup of lookups) {
    const truth = await truthFor(observe, kind, lookup.keys);
    for (const side of SIDES) {
      const answer = readIds(await get(observe, side, lookup.path, 8000));
      asked += lookup.queries;
      if (answer.timedOut) {
        const plain = await get(observe, side, "/api/products?page=1", 4000);
        if (plain.status !== 200 || plain.ms > 500)
          return unjudged(`${BUSY}: ${lookup.label} ${sideName(side)} got no answer within 8 s. Try again.`);
        return fail(`Looking up ${lookup.label} ${sideName(side)} takes more than 8 s.`);
      }
      if (!answer.ids)
        return fail(
          `Looking up ${lookup.label} ${sideName(side)} answers ${answer.status || "nothing"}, not products.`,
        );
      if (answer.ids.join(",") !== truth.ids.join(","))
        return fail(
          `Looking up ${lookup.label} ${sideName(side)} answers ${answer.ids.length} product(s) that are not the ${truth.ids.length} the shop holds for it.`,
        );
      if (truth.total !== undefined && answer.total !== truth.total)
        return fail(
          `Looking up ${lookup.label} ${sideName(side)} says ${answer.total ?? "no"} products were added that day, not the ${truth.total} the shop holds.`,
        );
    }
  }

  // What those lookups cost the database, from its own statistics.
  const reads = await readsSince(observe, start, asked);
  if (reads.kind === "no-table") return fail("The shop's products table is gone (public.products is not a table).");
  if (reads.kind === "reset")
    return fail(
      "The database's statistics were reset while the lookups were measured; they must show what the lookups read.",
    );
  if (reads.kind === "no-trace")
    return fail(
      `The lookups the check just made (${asked} queries) left no trace in the database's statistics of the products table: the answers do not come from it.`,
    );
  if (reads.rowsPerQuery > MAX_ROWS_PER_QUERY) {
    const rows = Math.round(reads.rowsPerQuery).toLocaleString("en-US");
    return fail(
      `Looking up ${lookups[0]?.label} (and others) still makes the database read about ${rows} rows of products per query: the answers are right, but every customer's lookup costs a walk through the catalogue.`,
    );
  }

  // Fast on both sides, next to a plain page at the same moment.
  const took: string[] = [];
  let busy: string | undefined;
  for (const side of SIDES) {
    const timing = await timeLookups(
      observe,
      side,
      lookups.map((l) => l.path),
    );
    const verdict = judgeTiming(timing);
    const lookup = timing.lookup >= 4000 ? "more than 4 s" : formatMs(timing.lookup);
    const plain = Number.isFinite(timing.plain) ? formatMs(timing.plain) : "no answer";
    if (verdict === "slow")
      return fail(`A lookup still takes ${lookup} ${sideName(side)} (a page of the catalogue takes ${plain}).`);
    if (verdict === "busy") busy ??= `${BUSY} (a page of the catalogue takes ${plain} ${sideName(side)}). Try again.`;
    took.push(`${lookup} ${sideName(side)}`);
  }
  if (busy) return unjudged(busy);

  const [row] = await observe.sql(explainShippedSql(kind, lookups[0]?.keys[0] ?? ""));
  const shippedIndexed = planUsesIndex(row ? Object.values(row)[0] : "[]");
  const how = shippedIndexed ? "the shipped query now finds its rows through an index" : "the app's query changed";
  return {
    passed: true,
    message: `Lookups answer the right products reading about ${Math.round(reads.rowsPerQuery)} row(s) per query (${how}), in ${took.join(" and ")}.`,
  };
}
