/** disk-full: telling the runaway writer from everything else in the host's `ps` of the app instance. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ProcessFacts } from "../_sdk";
import { describeProcess, writerMarker, writerProcesses } from "../disk-full/writer";

const p = (pid: number, ppid: number, command: string, state = "S"): ProcessFacts => ({
  pid,
  ppid,
  uid: 0,
  cpuPercent: 0,
  rssKb: 1000,
  state,
  elapsedSeconds: 60,
  command,
});
const line = `yes 2026-01-01T00:00:00Z ${writerMarker("request-tracer")} method=POST`;
const loop = `sh -c exec >>/var/lib/app/tmp/trace.log; while :; do yes "$(date) ${writerMarker("request-tracer")}"; sleep 1; done`;
const base = [
  p(1, 0, "/bin/bash /usr/local/bin/firedrill-init app"),
  p(7, 1, "runsvdir -P /etc/service"),
  p(8, 7, "runsv app"),
  p(9, 8, "node dist/server.cjs"),
  p(10, 7, "runsv request-tracer"),
  p(30, 1, "-bash"),
  p(31, 30, "tail -f /var/lib/app/tmp/trace.log"),
  p(32, 30, `grep -r "${writerMarker("request-tracer")}" /var/lib/app`),
];

test("a service that is down leaves only its idle supervisor: no writer", () => {
  assert.deepEqual(writerProcesses(base, "request-tracer"), []);
});

test("the writer under its supervisor, in any state, and its children", () => {
  const ps = [...base, p(11, 10, loop, "T"), p(12, 11, line, "T"), p(13, 11, "sleep 1")];
  assert.deepEqual(
    writerProcesses(ps, "request-tracer").map((x) => x.pid),
    [11, 12, 13],
  );
  assert.match(describeProcess(ps[ps.length - 3] as ProcessFacts), /^pid 11 \(stopped\): sh -c exec >>/);
});

test("an orphaned writer (its supervisor gone or renamed) is still found by its own command line", () => {
  const ps = [...base.filter((x) => x.pid !== 10), p(40, 1, line, "R"), p(41, 7, "runsv renamed"), p(42, 41, loop)];
  assert.deepEqual(
    writerProcesses(ps, "request-tracer").map((x) => x.pid),
    [40, 42],
  );
});

test("another service's writer is not this one", () => {
  const ps = [...base, p(11, 10, "sleep 30")];
  assert.deepEqual(
    writerProcesses(ps, "cache-warmer").map((x) => x.pid),
    [],
  );
});
