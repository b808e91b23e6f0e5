/**
 * Fixed when customers can walk the catalogue in the level's sort order, through the proxy AND straight
 * at the app, following each page's `next` link: the pages hold exactly the products the database's own
 * total order puts there (no product twice, none skipped across page boundaries), each page costs the
 * database a handful of rows (its own statistics: an index serves the sort, whatever SQL the app sends),
 * and the deep page (20,000) is not served by reading every row before it: it is either refused
 * (a bounded page number) or served cheaply. Pages are fast next to a plain page taken at the same moment.
 */
import type { CheckContext, Verdict } from "../_sdk";
import { unjudged } from "../_sdk";
import { answeringSql } from "../_lib/answering-sql";
import { formatMs } from "../_lib/http";
import { judgeTiming, timeLookups } from "../_lib/list-timing";
import { readIds } from "../_lib/product-list";
import { sleep } from "../_lib/shell";
import { SIDES, get, sideName, type Side } from "../_lib/sides";
import { MAX_ROWS_PER_QUERY, drainRunning, readCounters, readsSince, type ReadCounters } from "../_lib/table-reads";
import { DEEP_PAGE, PAGE_SIZE, SORT_LABEL, compareWalk, nextLink, pagePath, sortKey, truthPages, walk } from "./pages";

const fail = (message: string): Verdict => ({ passed: false, message });
const BUSY = "The machine is too busy to time the catalogue right now";
const rowsText = (n: number) => Math.round(n).toLocaleString("en-US");
/** PostgreSQL publishes a busy backend's table counts within 10 s (PGSTAT_IDLE_INTERVAL); a margin on top. */
const STATS_SETTLE_MS = 11_000;

/** The walks: from the first page through the proxy (4 pages), from page 3 at the app (2 pages). */
const WALKS: { side: Side; page: number; pages: number }[] = [
  { side: "proxy", page: 1, pages: 4 },
  { side: "app", page: 3, pages: 2 },
];

/** Rows read per scan started (`perScan`), or in all (a single request's cost, other customers' cheap pages not averaged in). */
async function rowsRead(
  ctx: CheckContext,
  before: ReadCounters,
  requests: number,
  perScan = true,
): Promise<Verdict | number> {
  const reads = await readsSince(ctx.observe, before, requests);
  if (reads.kind === "no-table") return fail("The shop's products table is gone (public.products is not a table).");
  if (reads.kind === "reset")
    return fail(
      "The database's statistics were reset while the pages were measured; they must show what the pages read.",
    );
  if (reads.kind === "no-trace")
    return fail(
      `The ${requests} catalogue pages the check just read left no trace in the database's statistics of the products table: they do not come from it.`,
    );
  return perScan ? reads.rowsPerQuery : reads.rows;
}

export default async function check(ctx: CheckContext): Promise<Verdict> {
  const observe = answeringSql(ctx.observe);
  const sort = sortKey(ctx.params.sort);
  const label = `The catalogue sorted by ${SORT_LABEL[sort]}`;

  await drainRunning(observe);
  const before = await readCounters(observe);
  if (!before) return fail("The shop's products table is gone (public.products is not a table).");
  if (!before.counting)
    return fail("The database no longer counts what it reads, so nothing can show the pages are cheap.");

  // Walk the first pages on both sides of the proxy, following the answers' own links.
  const walks: { side: Side; page: number; ids: string[] }[] = [];
  let requests = 0;
  for (const w of WALKS) {
    const got = await walk(observe, w.side, pagePath(sort, w.page), w.pages, 8000);
    requests += got.requests;
    if (got.timedOut) {
      // Other customers' pages ran meanwhile: what they cost tells a sorting database from a busy host.
      const meanwhile = await readsSince(observe, before, 1, 8000);
      if (meanwhile.kind === "measured" && meanwhile.rowsPerQuery > MAX_ROWS_PER_QUERY)
        return fail(
          `${label}: ${got.problem} ${sideName(w.side)} (more than 8 s), and meanwhile the database reads about ${rowsText(meanwhile.rowsPerQuery)} rows of products per page.`,
        );
      const plain = await get(observe, w.side, "/api/products?page=1", 4000);
      if (plain.status !== 200 || plain.ms > 500)
        return unjudged(`${BUSY}: ${got.problem} ${sideName(w.side)}. Try again.`);
      return fail(`${label}: ${got.problem} ${sideName(w.side)} (more than 8 s).`);
    }
    if (got.problem) return fail(`${label}: ${got.problem} ${sideName(w.side)}.`);
    walks.push({ side: w.side, page: w.page, ids: got.ids });
  }
  const shallow = await rowsRead(ctx, before, requests);
  if (typeof shallow !== "number") return shallow;
  if (shallow > MAX_ROWS_PER_QUERY)
    return fail(
      `${label}: every page, even the first, makes the database read about ${rowsText(shallow)} rows of products.`,
    );
  for (const w of walks) {
    const truths = await truthPages(observe, sort, (w.page - 1) * PAGE_SIZE, w.ids.length);
    const wrong = compareWalk(w.ids, truths);
    if (wrong) return fail(`${label}, followed from page ${w.page} ${sideName(w.side)}, ${wrong}.`);
  }

  // The deep page: refused (a bounded page number) or served without reading every row before it.
  for (const side of SIDES) {
    const deepBefore = await readCounters(observe);
    if (!deepBefore) return fail("The shop's products table is gone (public.products is not a table).");
    const res = await get(observe, side, pagePath(sort, DEEP_PAGE), 8000);
    if (res.status >= 400 && res.status < 500) continue;
    const answer = readIds(res);
    if (answer.timedOut) {
      const meanwhile = await readsSince(observe, deepBefore, 1, 8000);
      if (meanwhile.kind === "measured" && meanwhile.rows > MAX_ROWS_PER_QUERY)
        return fail(
          `${label}: page ${DEEP_PAGE} takes more than 8 s ${sideName(side)}, and meanwhile the database reads about ${rowsText(meanwhile.rows)} rows of products.`,
        );
      const plain = await get(observe, side, "/api/products?page=1", 4000);
      if (plain.status !== 200 || plain.ms > 500)
        return unjudged(`${BUSY}: page ${DEEP_PAGE} got no answer ${sideName(side)}. Try again.`);
      return fail(`${label}: page ${DEEP_PAGE} takes more than 8 s ${sideName(side)}.`);
    }
    if (!answer.ids) return fail(`${label}: page ${DEEP_PAGE} answers ${res.status || "nothing"} ${sideName(side)}.`);
    // A backend publishes its counts when idle, but at most once a second, else within 10 s (PostgreSQL's
    // stats flush): a pooled connection busy with customers' cheap pages may hold the deep page's reads
    // back that long, and counting earlier would miss them. Wait until they must be in.
    await sleep(STATS_SETTLE_MS);
    const deep = await rowsRead(ctx, deepBefore, 1, false);
    if (typeof deep !== "number") return deep;
    if (deep > MAX_ROWS_PER_QUERY)
      return fail(
        `${label}: page ${DEEP_PAGE} ${sideName(side)} makes the database read about ${rowsText(deep)} rows to show ${PAGE_SIZE} products (in ${formatMs(res.ms)}); every deeper page reads more.`,
      );
    const wrong = compareWalk(answer.ids, await truthPages(observe, sort, (DEEP_PAGE - 1) * PAGE_SIZE, PAGE_SIZE));
    if (wrong) return fail(`${label}: page ${DEEP_PAGE} ${sideName(side)} ${wrong}.`);
  }

  // Fast on both sides next to a plain page: the first page and the page its link leads to.
  const first = await get(observe, "proxy", pagePath(sort, 1), 8000);
  const paths = [pagePath(sort, 1), nextLink(first.body) ?? pagePath(sort, 2)];
  const took: string[] = [];
  let busy: string | undefined;
  for (const side of SIDES) {
    const timing = await timeLookups(observe, side, paths);
    const verdict = judgeTiming(timing);
    const page = timing.lookup >= 4000 ? "more than 4 s" : formatMs(timing.lookup);
    const plain = Number.isFinite(timing.plain) ? formatMs(timing.plain) : "no answer";
    if (verdict === "slow")
      return fail(`${label}: a page still takes ${page} ${sideName(side)} (the unsorted catalogue takes ${plain}).`);
    if (verdict === "busy") busy ??= `${BUSY} (the unsorted catalogue takes ${plain} ${sideName(side)}). Try again.`;
    took.push(`${page} ${sideName(side)}`);
  }
  if (busy) return unjudged(busy);
  return {
    passed: true,
    message: `${label} pages through correctly reading about ${Math.round(shallow)} row(s) a page, page ${DEEP_PAGE} is not read by skipping every row before it, and a page takes ${took.join(" and ")}.`,
  };
}
