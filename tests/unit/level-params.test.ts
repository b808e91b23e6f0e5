import assert from "node:assert/strict";
import { test } from "node:test";
import { expandTemplate, resolveParams } from "../../lib/levels/params";

const specs = {
  table: { choose: ["orders", "invoices", "payments", "shipments"] },
  limitKb: { range: [64, 512] as [number, number] },
};

test("the same seed always deals the same parameters", () => {
  assert.deepEqual(resolveParams(specs, "seed-a"), resolveParams(specs, "seed-a"));
});

test("different seeds deal different parameters", () => {
  const dealt = new Set(Array.from({ length: 20 }, (_, i) => JSON.stringify(resolveParams(specs, `seed-${i}`))));
  assert.ok(dealt.size >= 15, `expected mostly distinct variants, got ${dealt.size}/20`);
});

test("values stay within their spec", () => {
  for (let i = 0; i < 200; i++) {
    const p = resolveParams(specs, `s${i}`);
    assert.ok(specs.table.choose.includes(p.table as string));
    assert.ok((p.limitKb as number) >= 64 && (p.limitKb as number) <= 512 && Number.isInteger(p.limitKb));
  }
});

test("templates expand known parameters and leave unknown ones", () => {
  assert.equal(
    expandTemplate("ALTER TABLE {{table}} -- {{missing}}", { table: "orders" }),
    "ALTER TABLE orders -- {{missing}}",
  );
});
