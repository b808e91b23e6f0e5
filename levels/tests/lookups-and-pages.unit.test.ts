/** Pure parts of select-number-index and deep-pagination: links followed, walks compared, plans read. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { compareWalk, nextLink } from "../deep-pagination/pages";
import { lookupPath, planUsesIndex, randomDay } from "../select-number-index/lookups";

test("deep-pagination: only a catalogue link on this host is followed", () => {
  assert.equal(nextLink('{"next":"/api/catalogue?sort=price&after=12"}'), "/api/catalogue?sort=price&after=12");
  assert.equal(nextLink('{"next":"http://evil.example/api/catalogue?x"}'), null);
  assert.equal(nextLink('{"next":"/api/products?page=2"}'), null);
  assert.equal(nextLink('{"next":null}'), null);
  assert.equal(nextLink("not json"), null);
});

test("deep-pagination: a walk is right only in one of the total orders", () => {
  assert.equal(compareWalk(["1", "2", "3"], [["1", "2", "3"]]), null);
  assert.equal(
    compareWalk(
      ["3", "2", "1"],
      [
        ["1", "2", "3"],
        ["3", "2", "1"],
      ],
    ),
    null,
  );
  assert.match(compareWalk(["1", "2", "2"], [["1", "2", "3"]]) ?? "", /twice/);
  assert.match(compareWalk(["1", "2", "4"], [["1", "2", "3"]]) ?? "", /never shows product 3/);
  assert.match(compareWalk(["2", "1", "3"], [["1", "2", "3"]]) ?? "", /another order/);
});

test("select-number-index: lookup paths and days", () => {
  assert.equal(lookupPath("by-sku", ["abc-1", "Def-2"]), "/api/products/by-sku?sku=abc-1,Def-2");
  assert.equal(lookupPath("arrivals", ["2023-01-02"]), "/api/products/arrivals?day=2023-01-02");
  for (let i = 0; i < 50; i++) {
    const day = randomDay();
    assert.ok(day >= "2022-05-01" && day <= "2023-07-24", day);
  }
});

test("select-number-index: a plan uses an index only with an index condition and no Seq Scan", () => {
  const plan = (node: object) => JSON.stringify([{ Plan: node }]);
  assert.equal(planUsesIndex(plan({ "Node Type": "Seq Scan", Filter: "(lower(sku) = 'x')" })), false);
  assert.equal(
    planUsesIndex(plan({ "Node Type": "Index Scan", "Index Name": "products_pkey", Filter: "((id)::numeric = 5)" })),
    false,
  );
  assert.equal(
    planUsesIndex(
      plan({
        "Node Type": "Bitmap Heap Scan",
        Plans: [{ "Node Type": "Bitmap Index Scan", "Index Name": "products_lower_sku_idx", "Index Cond": "(x)" }],
      }),
    ),
    true,
  );
});
