/** missing-index's pure parts: the plan reading, the timing verdict under load, the answer comparison. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { matches } from "../missing-index/answers";
import { explainSql, planRelations, productsAccess, randomTerm } from "../missing-index/search";
import { judgeTiming } from "../missing-index/timing";

test("missing-index: EXPLAIN runs on the real table, and a view's base table shows in the plan", () => {
  assert.match(explainSql("oak lamp"), /FROM public\.products WHERE name ILIKE '%oak lamp%'/);
  const overView = JSON.stringify([
    {
      Plan: {
        "Node Type": "Aggregate",
        Plans: [
          {
            "Node Type": "Index Scan",
            "Relation Name": "products_all",
            Schema: "public",
            "Index Name": "products_pkey",
            Filter: "((products_all.name ~~* '%oak lamp%'::text))",
          },
        ],
      },
    },
  ]);
  assert.deepEqual(planRelations(overView), ["public.products_all"]);
  assert.equal(productsAccess(overView).fullScan, true);
});

test("missing-index: a slow search is 'busy' (unjudged) only when a plain page is slow or fails too", () => {
  assert.equal(judgeTiming({ search: 40, plain: 8 }), "fast");
  assert.equal(judgeTiming({ search: 450, plain: 4 }), "fast"); // under the customers' 1 s, the plan being indexed
  assert.equal(judgeTiming({ search: 1900, plain: 10 }), "slow");
  // The busy host of issue 10: the plain page itself did not answer.
  assert.equal(judgeTiming({ search: 4000, plain: Infinity }), "busy");
  assert.equal(judgeTiming({ search: 2300, plain: 600 }), "fast"); // within 4× the plain page
  assert.equal(judgeTiming({ search: 3900, plain: 400 }), "busy");
});

test("missing-index: random terms avoid the level's own and the answer must equal the database's page and total", () => {
  for (let i = 0; i < 50; i++) assert.notEqual(randomTerm("steel mug"), "steel mug");
  const truth = { total: 3, ids: ["4", "9", "12"] };
  assert.equal(matches({ status: 200, ms: 5, timedOut: false, total: 3, ids: ["4", "9", "12"] }, truth), true);
  assert.equal(matches({ status: 200, ms: 5, timedOut: false, total: 3, ids: ["4", "12", "9"] }, truth), false);
  assert.equal(matches({ status: 200, ms: 5, timedOut: false, total: 700, ids: ["4", "9", "12"] }, truth), false);
  assert.equal(matches({ status: 502, ms: 5, timedOut: false, total: null, ids: null }, truth), false);
});
