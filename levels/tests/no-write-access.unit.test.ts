/** no-write-access: who is root as the engine reports uids (with and without user-namespace remapping). */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ProcessFacts } from "../_sdk";
import { rootUid } from "../no-write-access/root-uid";

const proc = (pid: number, ppid: number, uid: number, elapsedSeconds: number, command: string): ProcessFacts => ({
  pid,
  ppid,
  uid,
  elapsedSeconds,
  command,
  cpuPercent: 0,
  rssKb: 0,
  state: "S",
});

test("root is the uid of the instance's init, the oldest process without a parent inside it", () => {
  const remapped = [
    proc(5000, 4990, 100000, 900, "/bin/bash /usr/local/bin/firedrill-init app"),
    proc(5010, 5000, 100000, 899, "runsvdir -P /etc/service"),
    proc(5020, 5010, 100000, 899, "runsv app"),
    proc(5030, 5020, 100997, 40, "node dist/server.cjs"),
    // A terminal opened with exec has no parent inside the container either, but started later.
    proc(6000, 4980, 100000, 30, "bash"),
  ];
  assert.equal(rootUid(remapped), 100000);
  assert.equal(rootUid(remapped.map((p) => ({ ...p, uid: p.uid - 100000 }))), 0);
  assert.equal(rootUid([]), null);
});
