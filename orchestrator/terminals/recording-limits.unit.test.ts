/**
 * A recording is capped (its start and its end kept, the cut marked where it
 * happens), and the retention policy removes old and excess recordings but
 * never one being written.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { CastWriter } from "./asciicast";
import { pruneRecordings } from "./prune-recordings";

test("a busy session's recording keeps its first and last bytes, marks the cut, and stays under its cap", async () => {
  const dir = mkdtempSync(join(tmpdir(), "fd-cast-cap-"));
  const limits = { headBytes: 20_000, tailBytes: 8_000 };
  const w = new CastWriter(dir, "busy", { width: 80, height: 24 }, limits);
  w.event("o", "FIRST-LINE\r\n");
  for (let i = 0; i < 20_000; i++) w.event("o", `y ${i}\r\n`); // `yes`
  w.event("o", "LAST-LINE\r\n");
  assert.equal(w.isCut, true);
  await w.close();
  const text = readFileSync(w.file, "utf8");
  assert.ok(statSync(w.file).size < limits.headBytes + limits.tailBytes + 2_000, `${statSync(w.file).size} bytes`);
  const lines = text.trim().split("\n");
  const events = lines.slice(1).map((l) => JSON.parse(l) as [number, string, string]);
  assert.equal((JSON.parse(lines[0] as string) as { version: number }).version, 2);
  assert.equal(events[0]?.[2], "FIRST-LINE\r\n");
  assert.equal(events.at(-1)?.[2], "LAST-LINE\r\n");
  const markers = events.filter(([, code]) => code === "m");
  assert.equal(markers.length, 2);
  assert.match(markers[0]?.[2] ?? "", /recording cut/);
  assert.match(markers[1]?.[2] ?? "", /skipped here/);
  assert.ok(
    events.some(([, code, data]) => code === "o" && data.includes("recording cut")),
    "visible in the replay",
  );
  assert.ok(
    events.every(([t], i) => i === 0 || t >= (events[i - 1]?.[0] ?? 0)),
    "times never go back",
  );
});

test("a short session is written whole, without markers", async () => {
  const dir = mkdtempSync(join(tmpdir(), "fd-cast-cap-"));
  const w = new CastWriter(dir, "short", { width: 80, height: 24 }, { headBytes: 20_000, tailBytes: 8_000 });
  w.event("o", "hello");
  await w.close();
  assert.doesNotMatch(readFileSync(w.file, "utf8"), /"m"/);
});

test("retention: too old goes, then the oldest until the total fits; a live recording stays", async () => {
  const dir = mkdtempSync(join(tmpdir(), "fd-retention-"));
  const now = Date.now();
  const day = 24 * 3600 * 1000;
  const put = (env: string, name: string, bytes: number, ageMs: number) => {
    mkdirSync(join(dir, env), { recursive: true });
    const file = join(dir, env, name);
    writeFileSync(file, "x".repeat(bytes));
    const t = new Date(now - ageMs);
    utimesSync(file, t, t);
    return file;
  };
  const ancient = put("env-old", "a.cast", 100, 100 * day);
  const liveAncient = put("env-live", "l.cast", 100, 100 * day);
  const older = put("env-b", "b.cast", 600, 5 * day);
  const newer = put("env-b", "c.cast", 600, 1 * day);
  const newest = put("env-c", "d.cast", 300, 1000);
  const r = await pruneRecordings(dir, { maxAgeDays: 90, maxTotalBytes: 1_100 }, new Set([liveAncient]), now);
  assert.deepEqual(r.removed.sort(), [ancient, older].sort());
  for (const f of [liveAncient, newer, newest]) assert.ok(existsSync(f), f);
  assert.equal(existsSync(join(dir, "env-old")), false, "an emptied environment folder goes");
  assert.equal(r.keptBytes, 1_000);
});
