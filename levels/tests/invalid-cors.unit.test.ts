/** invalid-cors without Docker: the manifest's mechanisms are the fault's, each breaks a different thing. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { breakScript } from "../invalid-cors/fault";
import { MECHANISMS, origins } from "../invalid-cors/origins";

test("invalid-cors: every mechanism in level.yaml has its own break, on the instance that holds the setting", () => {
  const yaml = parse(readFileSync(join(import.meta.dirname, "..", "invalid-cors", "level.yaml"), "utf8")) as {
    params: { mechanism: { choose: string[] } };
  };
  assert.deepEqual([...yaml.params.mechanism.choose].sort(), [...MECHANISMS].sort());
  const scripts = new Set<string>();
  for (const m of MECHANISMS) {
    const [instance, script] = breakScript(m, "shop.test", "1234");
    assert.equal(instance, m.startsWith("nginx-") ? "proxy" : "app", m);
    assert.ok(script.includes(instance === "proxy" ? "sv reload nginx" : "sv restart app"), m);
    scripts.add(script);
  }
  assert.equal(scripts.size, MECHANISMS.length);
  assert.throws(() => breakScript("nope", "shop.test", "1"), /unknown mechanism/);
  assert.deepEqual(origins("shop.test"), {
    pages: "www.shop.test",
    api: "api.shop.test",
    frontEnd: "http://www.shop.test",
  });
});
