/**
 * The supervisor against real processes: a killed child comes back, a child
 * that keeps dying is reported as a crash loop (and still restarted), and a
 * stopped child stays stopped.
 */
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { test } from "node:test";
import { Supervisor } from "../../scripts/lib/supervisor";

const fast = { firstDelayMs: 50, maxDelayMs: 400, stableAfterMs: 60_000, crashLoopExits: 4, crashLoopWindowMs: 60_000 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const node = (code: string) => () =>
  spawn(process.execPath, ["-e", code], { detached: true, stdio: ["ignore", "pipe", "pipe"] });

test("a child killed with SIGKILL is restarted, and the supervisor says so", async () => {
  const lines: string[] = [];
  const sup = new Supervisor((l) => lines.push(l), fast);
  await sup.add({ name: "sleeper", spawn: node("setInterval(() => {}, 1000)") });
  const first = sup.status()[0]!.pid!;
  process.kill(first, "SIGKILL");
  await until("a new pid", () => (sup.status()[0]!.pid ?? first) !== first);
  await until("the back line", () => lines.some((l) => l.startsWith("sleeper is back")));
  assert.ok(
    lines.some((l) => /sleeper stopped unexpectedly \(SIGKILL, pid \d+/.test(l)),
    lines.join("\n"),
  );
  assert.equal(sup.status()[0]!.restarts, 1);
  await sup.stop("sleeper");
});

test("a child that keeps dying is reported as a crash loop, and restarts go on with backoff", async () => {
  const lines: string[] = [];
  const sup = new Supervisor((l) => lines.push(l), fast);
  // Starts fine once (ready), then every later start dies at once.
  let starts = 0;
  await sup.add({
    name: "flaky",
    spawn: () => (++starts === 1 ? node("setTimeout(() => process.exit(3), 100)")() : node("process.exit(3)")()),
  });
  await until("a crash loop report", () => lines.some((l) => l.startsWith("CRASH LOOP: flaky")));
  const report = lines.find((l) => l.startsWith("CRASH LOOP"))!;
  assert.match(report, /stopped 4 times in the last 60 s \(last: exit 3\)/);
  assert.equal(sup.status()[0]!.crashLoop, true);
  const delays = lines
    .filter((l) => l.includes("restarting in"))
    .map((l) => Number(/restarting in ([\d.]+) s/.exec(l)![1]));
  assert.deepEqual(delays.slice(0, 4), [0.05, 0.1, 0.2, 0.4], "the delay doubles up to its ceiling");
  await until("restarts past the loop", () => sup.status()[0]!.restarts >= 5);
  await sup.stop("flaky");
});

test("a stopped child is not restarted, and its whole process group goes", async () => {
  const sup = new Supervisor(() => undefined, fast);
  await sup.add({
    name: "parent",
    // A grandchild in the same group must not outlive the stop.
    spawn: node(
      "require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); setInterval(() => {}, 1000)",
    ),
  });
  const pid = sup.status()[0]!.pid!;
  await sleep(300);
  await sup.stop("parent");
  await sleep(300);
  const left = execFileSync("ps", ["-e", "-o", "pgid=,pid=,stat="], { encoding: "utf8" })
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .filter(([pgid, , stat]) => pgid === String(pid) && !stat?.startsWith("Z"));
  assert.deepEqual(left, [], "no live process of the group is left");
  assert.equal(sup.status()[0]!.restarts, 0);
});
