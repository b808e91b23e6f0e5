import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { CastWriter, castEvent, castHeader, castPath } from "./asciicast";
import { Scrollback } from "./scrollback";

test("scrollback keeps the last N bytes", () => {
  const s = new Scrollback(10);
  s.push(Buffer.from("hello "));
  s.push(Buffer.from("world!"));
  assert.equal(s.text(), "llo world!");
  assert.equal(s.bytes(), 10);
  s.push(Buffer.from("0123456789abc"));
  assert.equal(s.text(), "3456789abc");
});

test("scrollback never starts in the middle of a UTF-8 character", () => {
  const s = new Scrollback(4);
  s.push(Buffer.from("aé€")); // 1 + 2 + 3 bytes: keeping 4 would start inside é
  assert.equal(s.text(), "€");
  assert.ok(!s.text().includes("\uFFFD"));
});

test("asciicast v2: header line, then [seconds, code, data] lines", () => {
  assert.deepEqual(JSON.parse(castHeader({ width: 80, height: 24, timestamp: 1 })), {
    version: 2,
    width: 80,
    height: 24,
    timestamp: 1,
  });
  assert.deepEqual(JSON.parse(castEvent(1.2345678, "o", "a\u001b[0m\n")), [1.234568, "o", "a\u001b[0m\n"]);
});

test("a recording file is valid asciicast and never overwrites an earlier one", async () => {
  const dir = mkdtempSync(join(tmpdir(), "cast-"));
  const w = new CastWriter(dir, "s1", { width: 80, height: 24 });
  w.event("o", "$ ");
  w.event("i", "ls\r");
  w.event("r", "100x30");
  await w.close();
  const lines = readFileSync(join(dir, "s1.cast"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as unknown);
  assert.equal((lines[0] as { version: number }).version, 2);
  assert.deepEqual(
    lines.slice(1).map((l) => (l as unknown[])[1]),
    ["o", "i", "r"],
  );
  assert.equal(castPath(dir, "s1"), join(dir, "s1.1.cast"));
});

test("header timestamp + event time is the wall-clock moment of the event, even late in a second", async () => {
  // Late in a second: a header floored to whole seconds would put the recording up to 1 s early.
  while (Date.now() % 1000 < 600) await new Promise((r) => setTimeout(r, 5));
  const dir = mkdtempSync(join(tmpdir(), "cast-"));
  const w = new CastWriter(dir, "s1", { width: 80, height: 24 });
  const at = Date.now();
  w.event("o", "$ ");
  await w.close();
  const [header, first] = readFileSync(join(dir, "s1.cast"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as unknown);
  const placed = (header as { timestamp: number }).timestamp * 1000 + (first as [number])[0] * 1000;
  assert.ok(Math.abs(placed - at) < 100, `the event is placed ${placed - at} ms from when it happened`);
});
