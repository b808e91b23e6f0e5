/**
 * The order of the SLI and the fix checks on the timeline: when checks ran
 * (start to verdict), which SLI worsenings are the check's own doing, and that
 * the drafted timeline never says "Service degraded" after the pass settles it.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { checkRuns, isCheckStart } from "../../lib/timeline/check-runs";
import { prefillTimeline } from "../../lib/timeline/prefill-timeline";
import { CHECK_MAX_MS, CHECK_SETTLE_MS, duringCheck } from "../../lib/timeline/sli";

const t0 = new Date("2030-01-01T10:00:00Z");
const at = (s: number) => new Date(t0.getTime() + s * 1000);
const ms = (s: number) => at(s).getTime();
const start = (s: number) => ({
  kind: "SYSTEM" as const,
  at: at(s),
  data: { message: "Pat started a fix check", check: "started" },
});
const verdict = (s: number, passed: boolean, durationMs = 8_000) => ({
  kind: "CHECK" as const,
  at: at(s),
  data: { passed, message: passed ? "uploads work" : "uploads fail", durationMs },
});
const sli = (s: number, state: string, previous: string | null, successRate: number) => ({
  kind: "SLI" as const,
  at: at(s),
  data: { state, previous, successRate, p95Ms: 20, lastError: state === "healthy" ? null : "413 from /api/uploads" },
});

test("a check runs from its recorded start to its verdict; an older verdict without a start ran durationMs before it", () => {
  assert.equal(isCheckStart(start(1)), true);
  assert.equal(isCheckStart({ kind: "SYSTEM", at: at(1), data: { message: "Pat started a fix check" } }), false);
  const runs = checkRuns([
    verdict(130, true),
    start(120),
    verdict(50, false, 4_000),
    start(200),
    sli(60, "down", null, 0),
  ]);
  assert.deepEqual(runs, [
    { startedAt: ms(46), endedAt: ms(50) },
    { startedAt: ms(120), endedAt: ms(130) },
    { startedAt: ms(200), endedAt: null },
  ]);
});

test("a dip is the check's own from its start until it settles; before the start, or once settled, it is the incident's", () => {
  const done = { startedAt: ms(100), endedAt: ms(110) };
  assert.equal(duringCheck(ms(99), done), false, "sampled before the check started");
  assert.equal(duringCheck(ms(100), done), true);
  assert.equal(duringCheck(ms(110) + CHECK_SETTLE_MS, done), true, "still settling");
  assert.equal(duringCheck(ms(110) + CHECK_SETTLE_MS + 1, done), false, "settled");
  // Still running (no verdict yet): the start alone is enough, up to the longest a check may run.
  const running = { startedAt: ms(100), endedAt: null };
  assert.equal(duringCheck(ms(105), running), true);
  assert.equal(
    duringCheck(ms(100) + CHECK_MAX_MS + CHECK_SETTLE_MS + 1, running),
    false,
    "a lost verdict stops counting",
  );
  assert.equal(duringCheck(ms(105), null), false);
});

test("the drafted timeline leaves out a dip while the check ran or settled, and keeps one from before it started", () => {
  const texts = prefillTimeline({
    startedAt: t0,
    mitigatedAt: at(110),
    events: [
      sli(5, "down", null, 0),
      sli(80, "healthy", "down", 1),
      sli(95, "degraded", "healthy", 0.6), // before the check started: the incident's own
      sli(98, "healthy", "degraded", 1),
      start(100),
      sli(104, "degraded", "healthy", 0.5), // recorded by a sync while the check ran (older records)
      verdict(110, true),
      sli(115, "degraded", "degraded", 0.5), // after the pass, while it settles
      sli(140, "healthy", "degraded", 1),
    ],
  }).map((e) => e.text);
  const kinds = texts.map((t) => t.split(/[ :(]/, 2).join(" "));
  assert.deepEqual(kinds, [
    "Incident began",
    "Service down",
    "Service recovered",
    "Service degraded",
    "Service recovered",
    "Fix check",
  ]);
  assert.match(texts.at(-1)!, /^Fix check passed/);
});

test("a real degradation long after the pass has settled is still drafted", () => {
  const texts = prefillTimeline({
    startedAt: t0,
    mitigatedAt: at(110),
    events: [
      sli(5, "down", null, 0),
      start(100),
      verdict(110, true),
      sli(105, "healthy", "down", 1),
      sli(400, "degraded", "healthy", 0.6),
    ],
  }).map((e) => e.text);
  assert.match(texts.at(-1)!, /^Service degraded/);
  assert.match(texts.at(-2)!, /^Fix check passed/);
});
