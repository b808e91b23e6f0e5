/**
 * Attack: a player (root in an instance) writes 3 GB into every writable place of
 * the container's own filesystem. Each write must stop with ENOSPC/EDQUOT inside
 * that instance, well before 3 GB; the disk the engine keeps writable layers on
 * (and the host's /) must lose less than the environment's cap; a neighbour
 * environment must still write. Needs an engine that caps writable layers
 * (scripts/docker/ensure-docker.sh sets one up: docs/SECURITY.md); fails otherwise.
 */
import assert from "node:assert/strict";
import { statfsSync } from "node:fs";
import { after, before, test } from "node:test";
import { call } from "../docker/client";
import { LEVEL, REAL_STACK, request, testOrchestrator } from "./support/harness";

const orch = testOrchestrator();
const MB = 1024 * 1024;
const FULL = /No space left on device|Disk quota exceeded/;

function freeBytes(path: string): number {
  const s = statfsSync(path);
  return s.bavail * s.bsize;
}

let dataRoot = "/";
let provisionMs = 0;

before(async () => {
  await orch.start();
  const info = (await call("docker info", (d) => d.info())) as { DockerRootDir?: string };
  dataRoot = info.DockerRootDir ?? "/";
  const t0 = Date.now();
  await orch.provision(request("disk-1"));
  provisionMs = Date.now() - t0;
  console.log(`# provision ${LEVEL} (${REAL_STACK ? "real stack" : "fixture stack"}): ${provisionMs} ms`);
  await orch.provision(request("disk-2"));
});
after(async () => {
  for (const e of await orch.list()) if (e.state !== "destroyed") await orch.destroy(e.id).catch(() => undefined);
  await orch.stop();
});

const stack = () => orch.deps.levels.stack(orch.deps.levels.get(LEVEL).manifest.stack);

test("the engine says it caps every instance's disk", async () => {
  const posture = await orch.deps.driver.posture();
  assert.ok(posture.diskCapped, posture.detail);
});

test("3 GB into /root, /tmp, /var/tmp and /srv stops at the instance's cap; the host disk barely moves", async () => {
  const instances = (await stack()).instances;
  const capBytes = instances.reduce((sum, i) => sum + i.diskMb, 0) * MB;
  for (const inst of instances) {
    for (const dir of ["/root", "/tmp", "/var/tmp", "/srv"]) {
      const engineBefore = freeBytes(dataRoot);
      const hostBefore = freeBytes("/");
      const t0 = Date.now();
      const r = await orch.exec(
        "disk-1",
        inst.name,
        `dd if=/dev/zero of=${dir}/fill bs=1M count=3000 2>&1; echo "rc=$?"; sync; stat -c %s ${dir}/fill`,
        { timeoutMs: 120_000 },
      );
      const engineDrop = engineBefore - freeBytes(dataRoot);
      const hostDrop = hostBefore - freeBytes("/");
      const written = Number(r.stdout.trim().split("\n").at(-1));
      console.log(
        `# ${inst.name} ${dir}: wrote ${(written / MB).toFixed(0)} MB in ${Date.now() - t0} ms (cap ${inst.diskMb} MB); ` +
          `engine disk free ${(engineBefore / MB).toFixed(0)} → ${((engineBefore - engineDrop) / MB).toFixed(0)} MB, ` +
          `host / free ${(hostBefore / MB).toFixed(0)} → ${((hostBefore - hostDrop) / MB).toFixed(0)} MB`,
      );
      assert.match(r.stdout, FULL, `${inst.name} ${dir}: ${r.stdout}`);
      assert.match(r.stdout, /rc=1/);
      assert.ok(written <= (inst.diskMb + 8) * MB, `${inst.name} ${dir}: ${written} bytes written`);
      assert.ok(engineDrop < capBytes, `engine disk dropped ${engineDrop} bytes (cap ${capBytes})`);
      // Other processes share the host's disk: allow them a little.
      assert.ok(hostDrop < capBytes + 256 * MB, `host / dropped ${hostDrop} bytes (cap ${capBytes})`);
      const rm = await orch.exec("disk-1", inst.name, `rm -f ${dir}/fill && sync`);
      assert.equal(rm.exitCode, 0, rm.stderr);
    }
  }
});

test("a full instance does not stop its neighbour environment from writing", async () => {
  const fill = await orch.exec("disk-1", "app", "dd if=/dev/zero of=/root/fill bs=1M count=3000 2>&1; sync", {
    timeoutMs: 120_000,
  });
  assert.match(fill.stdout, FULL);
  const r = await orch.exec("disk-2", "app", "dd if=/dev/zero of=/root/ok bs=1M count=64 conv=fsync 2>&1");
  assert.equal(r.exitCode, 0, r.stdout + r.stderr);
  // The full one is full only for itself: its own services still answer.
  const health = await orch.exec(
    "disk-1",
    "app",
    "curl -fsS -m 5 -o /dev/null -w '%{http_code}' http://127.0.0.1:3000/healthz",
  );
  assert.equal(health.stdout.trim(), "200", health.stderr);
});
