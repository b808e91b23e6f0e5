/**
 * Shells outlive their orchestrator inside the containers (the engine's exec does not end
 * when its client goes). After a restart of the orchestrator (a new TerminalManager on the
 * same engine and recordings), the old shells are hung up like a closed SSH login, their
 * background jobs with them, while a live session's shell is left alone; a player who comes
 * back with the same session key is told that this is a new shell.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { SHELL_MARKER, TerminalManager } from "../terminals/terminal-manager";
import { recordingsDirOf } from "../terminals/recordings";
import { SHELL_INSTANCE, request, testOrchestrator } from "./support/harness";

const orch = testOrchestrator();
let slot = "";

before(async () => {
  await orch.start();
  const view = await orch.provision(request("orph"));
  assert.equal(view.state, "ready");
  slot = orch.deps.envs.get("orph")?.slot ?? "";
});

after(async () => {
  await orch.destroy("orph").catch(() => undefined);
  await orch.stop();
});

/** Marked shells (and their jobs) in the instance, by their FIREDRILL_SHELL mark. */
async function marked(): Promise<{ pid: number; command: string; mark: string }[]> {
  const out = [];
  for (const p of await orch.deps.driver.processes(slot, SHELL_INSTANCE)) {
    const mark = (await orch.deps.driver.processEnvironment(slot, SHELL_INSTANCE, p.pid))?.[SHELL_MARKER];
    if (mark) out.push({ pid: p.pid, command: p.command, mark });
  }
  return out;
}

async function until(probe: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await probe()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return probe();
}

test("after a restart, the old run's shells and their jobs are hung up; a live one stays; the player is told", async () => {
  const dir = recordingsDirOf(orch.config.stateDir);
  const open = { envId: "orph", slot, instance: SHELL_INSTANCE, mode: "rw" as const, user: "tester" };
  // The earlier run: a shell with a background job, then the orchestrator "dies" (nothing closes it).
  const before = new TerminalManager(orch.deps.driver, dir);
  const old = await before.open({ ...open, session: "player-key" });
  old.write("sleep 4242 &\n");
  assert.ok(
    await until(async () => (await marked()).some((p) => p.command.includes("sleep 4242")), 15_000),
    "the old shell's background job runs",
  );
  const oldMark = (await marked()).find((p) => p.command.includes("sleep 4242"))?.mark;
  assert.ok(oldMark?.startsWith(`${before.bootId}.player-key.`));

  // The new run (the orchestrator's own manager, so its reconcile agrees): one of its sessions is live.
  const now = orch.terminals;
  now.reapMinAgeSeconds = 0; // every shell here is registered before the reaping; no need to wait 20 s
  const live = await now.open({ ...open, session: "someone-else" });
  live.write("sleep 4343 &\n");
  assert.ok(await until(async () => (await marked()).some((p) => p.command.includes("sleep 4343")), 15_000));

  const reaped = await now.reapOrphanShells("orph", slot, [SHELL_INSTANCE]);
  assert.equal(reaped, 1, "exactly the old shell is hung up");
  assert.ok(
    await until(async () => !(await marked()).some((p) => p.mark === oldMark), 10_000),
    `the old shell and its job are gone: ${JSON.stringify(await marked())}`,
  );
  const left = await marked();
  assert.ok(
    left.some((p) => p.command.includes("sleep 4343")),
    "the live session's job is untouched",
  );
  assert.ok(
    left.some((p) => p.mark.startsWith(`${now.bootId}.someone-else.`)),
    `the live session's shell is untouched: ${JSON.stringify(left)} (boot ${now.bootId})`,
  );

  // The player comes back with the same key: a new shell, and it says so.
  const back = await now.open({ ...open, session: "player-key" });
  let seen = "";
  seen += back.attach("viewer", { output: (t) => (seen += t), exit: () => undefined });
  assert.match(seen, /This is a new shell: your previous one here had ended/);
  back.close();
  live.close();
  await now.closeAll();
  // A session that ended is not served any more: its shell goes at the next reaping too.
  await now.reapOrphanShells("orph", slot, [SHELL_INSTANCE]);
  assert.ok(
    await until(async () => (await marked()).length === 0, 10_000),
    `no marked shell is left after every session ended: ${JSON.stringify(await marked())}`,
  );
});
