/** The replay's time arithmetic: seeking terminals forward and back, the clock, idle skipping, bounds, SLI steps, markers. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { markerOf } from "../../lib/replay/markers";
import type { CastEvent } from "../../lib/replay/parse-cast";
import { replayBounds } from "../../lib/replay/replay-bounds";
import {
  activityTimes,
  advance,
  clock,
  countUpTo,
  currentIndex,
  nextAfter,
  opsBetween,
  seekTrack,
  skipIdle,
  toTrack,
} from "../../lib/replay/seek";
import { sliBands, sliPoints, sliSamplesUpTo } from "../../lib/replay/sli-samples";

const ev = (t: number, code: string, data: string): CastEvent => ({ t, code, data });
// A recording that starts 10 s into the attempt.
const track = toTrack(
  [ev(0, "o", "a"), ev(1, "i", "typed"), ev(1, "o", "b"), ev(2, "r", "100x30"), ev(3, "o", "c"), ev(3, "o", "d")],
  10_000,
);

test("a track keeps screen events only, placed on the attempt's axis", () => {
  assert.deepEqual(track.at, [10_000, 11_000, 12_000, 13_000, 13_000]);
  assert.deepEqual(
    track.events.map((e) => e.code),
    ["o", "o", "r", "o", "o"],
  );
});

test("countUpTo / currentIndex / nextAfter: binary search at the edges", () => {
  const times = [0, 1000, 1000, 5000];
  assert.deepEqual(
    [-1, 0, 999, 1000, 4999, 5000, 9999].map((t) => countUpTo(times, t)),
    [0, 1, 1, 3, 3, 4, 4],
  );
  assert.equal(currentIndex(times, -5), -1);
  assert.equal(currentIndex(times, 1000), 2);
  assert.equal(nextAfter(times, 1000), 5000);
  assert.equal(nextAfter(times, 5000), null);
  assert.equal(countUpTo([], 10), 0);
});

test("ops merge consecutive output and keep resizes in order", () => {
  assert.deepEqual(opsBetween(track, 0, 5), [{ write: "ab" }, { resize: { cols: 100, rows: 30 } }, { write: "cd" }]);
  assert.deepEqual(opsBetween(track, 3, 5), [{ write: "cd" }]);
  assert.deepEqual(opsBetween(track, 2, 2), []);
});

test("seeking forward writes only what is new; backward resets and rewrites up to t", () => {
  const before = seekTrack(track, 0, 9_999);
  assert.deepEqual(before, { reset: false, ops: [], shown: 0 });
  const first = seekTrack(track, 0, 11_500);
  assert.deepEqual(first, { reset: false, ops: [{ write: "ab" }], shown: 2 });
  const further = seekTrack(track, first.shown, 20_000);
  assert.deepEqual(further, {
    reset: false,
    ops: [{ resize: { cols: 100, rows: 30 } }, { write: "cd" }],
    shown: 5,
  });
  const back = seekTrack(track, further.shown, 10_000);
  assert.deepEqual(back, { reset: true, ops: [{ write: "a" }], shown: 1 });
  const toStart = seekTrack(track, back.shown, 0);
  assert.deepEqual(toStart, { reset: true, ops: [], shown: 0 });
  // Standing still writes nothing.
  assert.deepEqual(seekTrack(track, 5, 30_000), { reset: false, ops: [], shown: 5 });
});

test("the clock advances by real time × speed and stops at the end", () => {
  assert.equal(advance(1000, 100, 1, 60_000), 1100);
  assert.equal(advance(1000, 100, 16, 60_000), 2600);
  assert.equal(advance(59_900, 1000, 4, 60_000), 60_000);
  assert.equal(advance(1000, -50, 4, 60_000), 1000);
});

test("idle gaps longer than the limit are skipped to just before the next activity", () => {
  const times = activityTimes([30_000, 2_000], [2_000, 31_000]);
  assert.deepEqual(times, [2_000, 30_000, 31_000]);
  assert.equal(skipIdle(times, 2_100, 60_000, 5_000, 1_000), 29_000);
  assert.equal(skipIdle(times, 26_000, 60_000, 5_000, 1_000), 26_000, "a short wait is played");
  assert.equal(skipIdle(times, 29_000, 60_000, 5_000, 1_000), 29_000, "landing point is stable");
  assert.equal(skipIdle(times, 31_500, 60_000, 5_000, 1_000), 59_000, "after the last activity: towards the end");
});

test("clock labels", () => {
  assert.equal(clock(0), "0:00");
  assert.equal(clock(65_400), "1:05");
  assert.equal(clock(3_725_000), "1:02:05");
  assert.equal(clock(-10), "0:00");
});

test("bounds: start to the latest of end, mitigation, events and recordings; now while open", () => {
  const startedAt = new Date("2025-01-01T10:00:00Z");
  const base = { startedAt, endedAt: null, mitigatedAt: null, open: false, now: new Date("2025-01-01T12:00:00Z") };
  const mitigated = replayBounds({
    ...base,
    mitigatedAt: new Date("2025-01-01T10:20:00Z"),
    eventTimes: ["2025-01-01T10:05:00Z"],
    recordings: [],
  });
  assert.equal(mitigated.end, "2025-01-01T10:20:00.000Z");
  assert.equal(mitigated.durationMs, 20 * 60_000);
  const longShell = replayBounds({
    ...base,
    endedAt: new Date("2025-01-01T10:20:00Z"),
    eventTimes: ["2025-01-01T10:21:00Z"],
    recordings: [{ startedAt: "2025-01-01T10:10:00Z", durationSeconds: 900 }],
  });
  assert.equal(longShell.end, "2025-01-01T10:25:00.000Z");
  const open = replayBounds({ ...base, open: true, eventTimes: [], recordings: [] });
  assert.equal(open.durationMs, 2 * 3600_000);
  const nothing = replayBounds({ ...base, eventTimes: [], recordings: [] });
  assert.equal(nothing.durationMs, 0);
});

test("SLI: points from events, a step series up to t, and bands for the axis", () => {
  const start = Date.parse("2025-01-01T10:00:00Z");
  const sli = (at: string, state: string, successRate: number) => ({
    kind: "SLI",
    at,
    data: { state, previous: null, successRate, p95Ms: 20, lastError: state === "healthy" ? null : "413" },
  });
  const points = sliPoints(
    [
      sli("2025-01-01T10:01:00Z", "down", 0),
      { kind: "CHAT", at: "2025-01-01T10:02:00Z", data: { text: "hi" } },
      sli("2025-01-01T10:05:00Z", "healthy", 1),
      { kind: "SLI", at: "2025-01-01T10:06:00Z", data: { bogus: true } },
    ],
    start,
  );
  assert.deepEqual(
    points.map((p) => [p.at, p.state]),
    [
      [60_000, "down"],
      [300_000, "healthy"],
    ],
  );
  assert.deepEqual(sliSamplesUpTo(points, start, 30_000), []);
  const mid = sliSamplesUpTo(points, start, 120_000);
  assert.deepEqual(
    mid.map((s) => [Date.parse(s.at) - start, s.successRate]),
    [
      [60_000, 0],
      [120_000, 0],
    ],
  );
  const all = sliSamplesUpTo(points, start, 400_000);
  assert.deepEqual(
    all.map((s) => [Date.parse(s.at) - start, s.successRate]),
    [
      [60_000, 0],
      [299_999, 0],
      [300_000, 1],
      [400_000, 1],
    ],
  );
  assert.deepEqual(sliBands(points, 400_000), [
    { from: 60_000, to: 300_000, state: "down" },
    { from: 300_000, to: 400_000, state: "healthy" },
  ]);
});

test("markers: checks by outcome, SLI by state, commands unmarked", () => {
  assert.equal(markerOf({ kind: "CHECK", data: { passed: true, message: "ok", durationMs: 1 } })?.tone, "pass");
  assert.equal(markerOf({ kind: "CHECK", data: { passed: false, message: "no", durationMs: 1 } })?.tone, "fail");
  assert.equal(
    markerOf({
      kind: "SLI",
      data: { state: "down", previous: null, successRate: 0, p95Ms: null, lastError: null },
    })?.tone,
    "down",
  );
  assert.equal(markerOf({ kind: "CHAT", data: { text: "x" } })?.tone, "talk");
  assert.equal(markerOf({ kind: "STATUS_UPDATE", data: { text: "x" } })?.tone, "talk");
  assert.equal(markerOf({ kind: "INJECT", data: { message: "x" } })?.tone, "inject");
  assert.equal(markerOf({ kind: "HINT", data: { index: 0, cost: 5, text: "x" } })?.tone, "hint");
  assert.equal(markerOf({ kind: "COMMAND", data: { instance: "a", command: "ls" } }), null);
  assert.equal(markerOf({ kind: "NOTE", data: { text: "x", kind: "hint", from: "Fran" } })?.tone, "hint");
  assert.equal(markerOf({ kind: "NOTE", data: { text: "x" } })?.tone, "other");
});
