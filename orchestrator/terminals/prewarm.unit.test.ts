/**
 * Shells opened ahead of their player (TerminalManager.prewarm): the player's first keyless read-write
 * connection takes the waiting shell, whose recording starts then, under the player's name, with what the
 * shell had printed; a second connection, a named session or a watcher never gets it; an ended environment's
 * waiting shells end. The driver is a fake (a PassThrough per shell): the real exec is covered by the engine tests.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import type { EnvironmentDriver, Tty } from "../driver/types";
import { TerminalManager } from "./terminal-manager";

function fakeDriver() {
  const opened: PassThrough[] = [];
  const driver = {
    openTty: (): Promise<Tty> => {
      const stream = new PassThrough();
      opened.push(stream);
      setImmediate(() => stream.write("app$ ")); // the login shell's prompt
      return Promise.resolve({ stream, resize: () => Promise.resolve(), exitCode: () => Promise.resolve(0) });
    },
  } as unknown as EnvironmentDriver;
  return { driver, opened };
}

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
};
const base = { envId: "env-a", slot: "slot-a", instance: "app", mode: "rw" as const };

test("the first keyless connection takes the waiting shell; its recording starts then, under its player", async () => {
  const dir = mkdtempSync(join(tmpdir(), "prewarm-"));
  const { driver, opened } = fakeDriver();
  const m = new TerminalManager(driver, dir);
  const opening = m.prewarm("env-a", "slot-a", "app");
  void m.prewarm("env-a", "slot-a", "app"); // once per environment and instance
  await opening; // resolves once the shell is open
  assert.equal(opened.length, 1);
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(opened.length, 1);
  assert.deepEqual(readdirSync(dir), [], "nothing is recorded before a player takes it");
  await assert.rejects(() => m.open({ ...base, mode: "ro", user: "coach" }), /no session/);

  const s = await m.open({ ...base, user: "Pat" });
  assert.equal(opened.length, 1, "no second exec: the waiting shell was taken");
  s.write("ls\r");
  const other = await m.open({ ...base, user: "Pat" });
  assert.notEqual(other.id, s.id, "a second keyless connection gets a shell of its own");
  assert.equal(opened.length, 2);
  await m.prewarm("env-a", "slot-a", "app");
  assert.equal(opened.length, 2, "taken is not a reason to open another ahead");

  await m.closeAll();
  const lines = readFileSync(join(dir, "env-a", `${s.id}.cast`), "utf8")
    .trim()
    .split("\n");
  const header = JSON.parse(lines[0] ?? "{}") as { firedrill: { user: string; session: string } };
  assert.equal(header.firedrill.user, "Pat");
  assert.equal(header.firedrill.session, s.id);
  const events = lines.slice(1).map((l) => JSON.parse(l) as [number, string, string]);
  assert.deepEqual(events[0]?.slice(1), ["o", "app$ "], "what it printed while waiting comes first");
  assert.deepEqual(events[1]?.slice(1), ["i", "ls\r"]);
});

test("a named session is never handed the waiting shell, and an ended environment ends it", async () => {
  const { driver, opened } = fakeDriver();
  const m = new TerminalManager(driver, mkdtempSync(join(tmpdir(), "prewarm-")));
  await m.prewarm("env-a", "slot-a", "app");
  const named = await m.open({ ...base, session: "mine", user: "Pat" });
  assert.equal(named.id, "mine");
  assert.equal(opened.length, 2);
  m.closeEnvironment("env-a");
  await until(() => opened[0]?.destroyed === true);
  assert.equal(opened[0]?.destroyed, true, "the waiting shell ended with its environment");
  const after = await m.open({ ...base, user: "Pat" });
  assert.equal(opened.length, 3, "nothing waits any more: a new shell");
  after.close();
});
