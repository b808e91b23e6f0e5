/**
 * One environment must not stall the others. Against a real orchestrator
 * process and two real environments: a viewer that stops reading while `yes`
 * floods its terminal, then a CPU burn in every instance of one environment.
 * Meanwhile a neighbour types into its own terminal and each keystroke's echo
 * is timed. Figures (p50/p95, orchestrator memory, the burner's CPU) are printed.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import type { Socket } from "socket.io-client";
import { createDockerDriver } from "../driver/docker/create-docker-driver";
import { slotCgroupCpus, slotCgroupParent } from "../driver/docker/cpu-budget";
import { orchestratorIdFor } from "../driver/names";
import { startChild, type Child } from "./support/child-orchestrator";
import { provisionReady, rssMb } from "./support/child-environments";
import { SHELL_INSTANCE, tempDataDir, testLevelsDir, token } from "./support/harness";
import { describeLatency, echoLatencies, once, openSocket, stopReading } from "./support/terminal-client";

const dataDir = tempDataDir();
const oid = orchestratorIdFor(resolve(dataDir, "orchestrator"));
let child: Child;
let base = "";
const sockets: Socket[] = [];
let neighbour: Socket;
let baseline: { p50: number; p95: number };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

before(async () => {
  child = await startChild({ FIREDRILL_DATA_DIR: dataDir, LEVELS_DIR: testLevelsDir(), ORCHESTRATOR_WARM_POOL: "0" });
  base = `http://127.0.0.1:${child.port}`;
  await provisionReady(child, "noisy");
  await provisionReady(child, "quiet");
  neighbour = openSocket(base, "/terminal", {
    token: token("quiet", "attempt-quiet", "rw", "neighbour"),
    instance: SHELL_INSTANCE,
    session: "n",
  });
  sockets.push(neighbour);
  await once(neighbour, "ready");
  await sleep(1500); // the prompt
  baseline = describeLatency("neighbour at rest", await echoLatencies(neighbour, 10));
});

after(async () => {
  for (const s of sockets) s.disconnect();
  child?.proc.kill("SIGKILL");
  const driver = createDockerDriver(oid);
  for (const slot of (await driver.slots()).keys()) await driver.destroy(slot);
});

test(
  "a viewer that stops reading a flooding terminal costs bounded memory, is dropped, and stalls nobody",
  { timeout: 180_000 },
  async () => {
    const pid = child.proc.pid as number;
    const player = openSocket(base, "/terminal", {
      token: token("noisy", "attempt-noisy"),
      instance: SHELL_INSTANCE,
      session: "flood",
    });
    sockets.push(player);
    await once(player, "ready");
    const stalled = openSocket(base, "/terminal", {
      token: token("noisy", "attempt-noisy", "ro", "stalled"),
      instance: SHELL_INSTANCE,
      session: "flood",
    });
    sockets.push(stalled);
    await once(stalled, "ready");
    stopReading(stalled);
    const before = rssMb(pid);
    player.emit("input", "yes firedrill-flood-firedrill-flood\r");
    await sleep(300);
    player.disconnect(); // the shell floods on; only the stalled viewer is attached
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 500);
    const during = describeLatency(
      "neighbour beside a stalled viewer of `yes` (30 s)",
      await echoLatencies(neighbour, 30),
    );
    clearInterval(sampler);
    await child.api("POST", "/environments/noisy/exec", { instance: SHELL_INSTANCE, script: "pkill yes; true" });
    const uptime = readFileSync("/proc/loadavg", "utf8").split(" ")[0];
    console.log(`host load average: ${uptime} on this machine's CPUs`);
    console.log(`orchestrator RSS: ${before} MB before, peak ${peak} MB during (+${peak - before} MB)`);
    assert.ok(peak - before < 100, `orchestrator grew by ${peak - before} MB`);
    assert.ok(during.p95 < Math.max(400, baseline.p95 * 4), `neighbour p95 ${during.p95} ms`);
    assert.match(child.output.join(""), /terminal viewer .* dropped: \d+ bytes behind/);
    const cast = readFileSync(join(dataDir, "orchestrator/recordings/noisy/flood.cast"), "utf8").length;
    console.log(`the flood's recording so far: ${(cast / 1024 / 1024).toFixed(1)} MB (cap 8 MB)`);
    assert.ok(cast < 8.5 * 1024 * 1024, `recording ${cast} bytes`);
  },
);

test(
  "a CPU burn in every instance of one environment stays within its budget; the neighbour keeps typing",
  { timeout: 180_000 },
  async () => {
    const settings = (
      await child.api<{ cpu: { mode: string; envCpus: number; cpuShares: number } }>("GET", "/settings")
    ).body;
    console.log(`CPU policy: ${JSON.stringify(settings.cpu)}`);
    const burn =
      "for i in 1 2 3; do setsid timeout 40 sh -c 'while :; do :; done' >/dev/null 2>&1 & echo $! >>/tmp/burn.pids; done";
    for (const instance of ["proxy", "app", "db"])
      assert.equal(
        (await child.api<{ exitCode: number }>("POST", "/environments/noisy/exec", { instance, script: burn })).body
          .exitCode,
        0,
      );
    const slot = (
      JSON.parse(readFileSync(join(dataDir, "orchestrator/environments/noisy.json"), "utf8")) as { slot: string }
    ).slot;
    const usageFile = `/sys/fs/cgroup/cpuacct${slotCgroupParent(oid, slot)}/cpuacct.usage`;
    const usage = () => {
      try {
        return Number(readFileSync(usageFile, "utf8"));
      } catch {
        return NaN;
      }
    };
    await sleep(2000);
    const u0 = usage();
    const t0 = performance.now();
    const during = describeLatency("neighbour beside a CPU burn (20 s)", await echoLatencies(neighbour, 20));
    const cpus = (usage() - u0) / 1e6 / (performance.now() - t0);
    if (Number.isFinite(cpus))
      console.log(`the burning environment used ${cpus.toFixed(2)} CPUs (budget ${settings.cpu.envCpus})`);
    for (const instance of ["proxy", "app", "db"])
      await child.api("POST", "/environments/noisy/exec", { instance, script: "kill $(cat /tmp/burn.pids); true" });
    if (settings.cpu.mode === "cgroup") {
      // The cap itself, on the parent every instance of the environment runs under:
      const layout = existsSync("/sys/fs/cgroup/cgroup.controllers") ? "v2" : "v1";
      assert.equal(slotCgroupCpus(layout, slotCgroupParent(oid, slot)), settings.cpu.envCpus);
      assert.ok(cpus <= settings.cpu.envCpus + 0.15, `burner used ${cpus} CPUs`);
    }
    assert.ok(during.p95 < Math.max(300, baseline.p95 * 4), `neighbour p95 ${during.p95} ms`);
  },
);
