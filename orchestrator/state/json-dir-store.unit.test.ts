import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { z } from "zod";
import { JsonDirStore } from "./json-dir-store";

const Schema = z.object({ id: z.string(), n: z.number() });

test("records survive a restart; writes are atomic renames", async () => {
  const dir = mkdtempSync(join(tmpdir(), "store-"));
  const a = new JsonDirStore(dir, Schema);
  a.load();
  await a.put({ id: "x", n: 1 });
  await a.put({ id: "x", n: 2 });
  await a.put({ id: "y", n: 3 });
  await a.delete("y");
  assert.deepEqual(readdirSync(dir).sort(), ["x.json"]);
  const b = new JsonDirStore(dir, Schema);
  assert.deepEqual(b.load(), [{ id: "x", n: 2 }]);
});

test("a corrupt file is set aside, a crashed write's temporary file is removed", () => {
  const dir = mkdtempSync(join(tmpdir(), "store-"));
  writeFileSync(join(dir, "bad.json"), "{ not json");
  writeFileSync(join(dir, "z.json.tmp-123"), "{}");
  writeFileSync(join(dir, "ok.json"), JSON.stringify({ id: "ok", n: 1 }));
  const bad: string[] = [];
  const s = new JsonDirStore(dir, Schema, (file) => bad.push(file));
  assert.deepEqual(s.load(), [{ id: "ok", n: 1 }]);
  assert.equal(bad.length, 1);
  assert.ok(existsSync(join(dir, "bad.json.bad")));
  assert.ok(!existsSync(join(dir, "z.json.tmp-123")));
});
