/** The resources levels' helpers: the busy-process reading (fake `ps`), and the job installers are valid shell. */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import type { Observe, ProcessFacts } from "../_sdk";
import { sampleBusy } from "../_lib/busy-processes";
import { RESPAWNERS, installJob } from "../_lib/respawn";
import { backupScript } from "../cpu-hog/job";
import { cacheScript } from "../memory-exhausted/job";
import { thumbnailPng } from "../_stack/app/src/thumbnail";

function proc(pid: number, state: string): ProcessFacts {
  return { pid, ppid: 1, uid: 100, cpuPercent: 0, rssKb: 1000, state, elapsedSeconds: 10, command: "x" };
}

/** A fake observe whose `ps` answers the given lists one after the other. */
function fakeObserve(snapshots: ProcessFacts[][], cpuPercent = 5): Pick<Observe, "processes" | "usage"> {
  let i = 0;
  return {
    processes: () => Promise.resolve(snapshots[Math.min(i++, snapshots.length - 1)] ?? []),
    usage: () => Promise.resolve({ cpuPercent, memoryBytes: 0, memoryLimitBytes: 0, processes: 0 }),
  };
}

test("CPU-bound processes running in every sample make the instance busy, by state not by name", async () => {
  const snaps = Array.from({ length: 8 }, () => [proc(1, "Ss"), proc(20, "Sl"), proc(30, "R"), proc(31, "RN")]);
  const r = await sampleBusy(fakeObserve(snaps), ["app"], 8, 1);
  assert.equal(r.busy.length, 1);
  assert.deepEqual(r.instances[0]?.heavy.sort(), [30, 31]);
  assert.equal(r.instances[0]?.busySamples, 8);
});

test("a server running now and then, or short-lived processes caught running, is not busy", async () => {
  const snaps = Array.from({ length: 8 }, (_, i) => [
    proc(1, "Ss"),
    proc(20, i % 3 === 0 ? "Rl" : "Sl"), // the app, busy in 3 of 8
    proc(100 + i, "R"), // a healthcheck's curl, seen once each
  ]);
  const r = await sampleBusy(fakeObserve(snaps), ["app"], 8, 1);
  assert.equal(r.busy.length, 0);
  assert.deepEqual(r.instances[0]?.heavy, []);
});

test("a paused process (T) is not running", async () => {
  const snaps = Array.from({ length: 8 }, () => [proc(1, "Ss"), proc(30, "T"), proc(31, "T")]);
  const r = await sampleBusy(fakeObserve(snaps), ["app"], 8, 1);
  assert.equal(r.busy.length, 0);
});

for (const respawner of RESPAWNERS) {
  test(`the ${respawner} installer and both jobs are valid sh`, () => {
    const jobs = [
      backupScript({ job: "db-backup", ticket: 4001, streams: 3 }),
      cacheScript({ job: "report-cache", ticket: 3001 }),
    ];
    for (const body of jobs) {
      execFileSync("sh", ["-n"], { input: installJob(respawner, "db-backup", "why, OPS-1", body) });
      execFileSync("sh", ["-n"], { input: body });
    }
  });
}

test("the perl worker compiles", () => {
  const body = cacheScript({ job: "report-cache", ticket: 3001 });
  const code = /perl -e '([\s\S]*)' report-cache/.exec(body)?.[1]?.replace(/'"'"'/g, "'");
  assert.ok(code);
  execFileSync("perl", ["-c", "-e", code], { stdio: "pipe" });
});

test("the cards' thumbnail is a well-formed PNG of the asked size, the same for the same product", async () => {
  const { inflateSync, crc32 } = await import("node:zlib");
  const png = thumbnailPng("SKU-1", 24);
  assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (typeof crc32 === "function")
      assert.equal(png.readUInt32BE(at + 8 + length), crc32(png.subarray(at + 4, at + 8 + length)));
    chunks.push({ type, data });
    at += length + 12;
  }
  assert.deepEqual(
    chunks.map((c) => c.type),
    ["IHDR", "IDAT", "IEND"],
  );
  assert.equal(chunks[0]?.data.readUInt32BE(0), 24);
  assert.equal(inflateSync(chunks[1]?.data ?? Buffer.alloc(0)).length, (24 * 3 + 1) * 24);
  assert.ok(thumbnailPng("SKU-1", 24).equals(png));
  assert.ok(!thumbnailPng("SKU-2", 24).equals(png));
});
