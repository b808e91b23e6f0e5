/**
 * Root in an environment is not root on the host: every process of every
 * instance (init, runit, nginx, the app, PostgreSQL) runs as an unprivileged
 * host uid, and a file container root creates is owned by that uid on the host,
 * so an escape lands as nobody in particular. Needs the engine's userns-remap
 * (scripts/docker/ensure-docker.sh sets it: docs/SECURITY.md); fails otherwise.
 */
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { after, before, test } from "node:test";
import { call } from "../docker/client";
import { inspectContainer } from "../docker/containers";
import { instanceContainer } from "../driver/docker/find-containers";
import { REAL_STACK, request, SHELL_INSTANCE, testOrchestrator } from "./support/harness";

const orch = testOrchestrator();
const oid = orch.config.orchestratorId;
/** Docker's "default" remapping starts at the first subordinate range (100000 on Debian). */
const FIRST_UNPRIVILEGED = 100_000;

function hostUids(pid: number): number[] {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("Uid:"));
  assert.ok(line, `no Uid line for pid ${pid}`);
  return line.slice(4).trim().split(/\s+/).map(Number);
}

async function hostPids(containerId: string): Promise<number[]> {
  const top = (await call("top", (d) => d.getContainer(containerId).top({ ps_args: "-o pid" }))) as {
    Processes: string[][];
  };
  return top.Processes.map((p) => Number(p[0]));
}

let slot = "";
before(async () => {
  await orch.start();
  await orch.provision(request("userns-1"));
  slot = orch.deps.envs.get("userns-1")?.slot ?? "";
});
after(async () => {
  for (const e of await orch.list()) if (e.state !== "destroyed") await orch.destroy(e.id).catch(() => undefined);
  await orch.stop();
});

test("the engine says it remaps container root", async () => {
  const posture = await orch.deps.driver.posture();
  assert.ok(posture.userNamespace, posture.detail);
});

test("every process of every instance is an unprivileged uid on the host", async () => {
  const names = REAL_STACK ? ["proxy", "app", "db"] : [SHELL_INSTANCE];
  for (const name of names) {
    const c = await inspectContainer((await instanceContainer(oid, slot, name)).Id);
    const pids = await hostPids(c.Id);
    assert.ok(pids.includes(c.State.Pid), `${name}: init ${c.State.Pid} in ${pids.join(",")}`);
    assert.ok(pids.length >= 2, `${name}: only ${pids.length} processes`);
    for (const pid of pids) {
      const uids = hostUids(pid);
      assert.ok(
        uids.every((u) => u >= FIRST_UNPRIVILEGED),
        `${name}: host pid ${pid} runs as uids ${uids.join(" ")}`,
      );
    }
    const init = hostUids(c.State.Pid);
    console.log(
      `# ${name}: init (root inside) is host uid ${init[0]}; ${pids.length} processes, none below ${FIRST_UNPRIVILEGED}`,
    );
  }
  // Inside, the same process is uid 0 with the uid map to prove it.
  const inside = await orch.exec("userns-1", SHELL_INSTANCE, "id -u; cat /proc/self/uid_map");
  const [uid, map] = inside.stdout.trim().split("\n");
  assert.equal(uid, "0");
  const [inner, outer] = (map ?? "").trim().split(/\s+/).map(Number);
  assert.equal(inner, 0);
  assert.ok((outer ?? 0) >= FIRST_UNPRIVILEGED, `uid_map ${map}`);
});

test("a file container root creates is not root's on the host", async () => {
  const c = await inspectContainer((await instanceContainer(oid, slot, SHELL_INSTANCE)).Id);
  const made = await orch.exec(
    "userns-1",
    SHELL_INSTANCE,
    "echo escape > /root/escape-probe && chmod 4755 /root/escape-probe",
  );
  assert.equal(made.exitCode, 0, made.stderr);
  // Seen from the host through the init's root: owner is the remapped uid, so a setuid bit is worthless there.
  const st = statSync(`/proc/${c.State.Pid}/root/root/escape-probe`);
  assert.ok(st.uid >= FIRST_UNPRIVILEGED && st.gid >= FIRST_UNPRIVILEGED, `owner ${st.uid}:${st.gid}`);
  console.log(`# /root/escape-probe made by container root is ${st.uid}:${st.gid} on the host`);
});
