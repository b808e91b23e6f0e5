/** no-start-at-boot, missing-directory, no-write-access: every mechanism the manifests deal is one the faults know. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { MECHANISMS as DIRECTORY_MECHANISMS } from "../missing-directory/code-change";
import { MECHANISMS as BOOT_MECHANISMS, breakBoot } from "../no-start-at-boot/mechanisms";
import { supervision } from "../no-start-at-boot/supervision";
import { MECHANISMS as ACCESS_MECHANISMS, takeWriteAccess } from "../no-write-access/mechanisms";
import { manifestOf } from "./support/level-suite";

const dealt = (id: string): unknown => {
  const param = manifestOf(id).params.mechanism;
  return param && "choose" in param ? param.choose : undefined;
};

test("the manifests deal exactly the mechanisms the faults implement", () => {
  assert.deepEqual(dealt("no-start-at-boot"), [...BOOT_MECHANISMS]);
  assert.deepEqual(dealt("missing-directory"), [...DIRECTORY_MECHANISMS]);
  assert.deepEqual(dealt("no-write-access"), [...ACCESS_MECHANISMS]);
  for (const m of BOOT_MECHANISMS) assert.match(breakBoot(m, 3100), /set -e/);
  for (const m of ACCESS_MECHANISMS) assert.match(takeWriteAccess(m, 4100), /set -e/);
  assert.throws(() => breakBoot("nope", 1));
});

test("no-start-at-boot: a node process counts as supervised only with a runsv parent", () => {
  const p = (pid: number, ppid: number, command: string) => ({
    pid,
    ppid,
    command,
    uid: 0,
    cpuPercent: 0,
    rssKb: 0,
    state: "S",
    elapsedSeconds: 1,
  });
  const ps = [
    p(1, 0, "/bin/bash /usr/local/bin/firedrill-init app"),
    p(10, 1, "runsvdir -P /etc/service"),
    p(11, 10, "runsv app"),
    p(12, 11, "node dist/server.cjs"),
    p(20, 1, "node dist/server.cjs"),
    p(30, 11, "/usr/bin/nodejs /srv/app/dist/server.cjs"),
    p(40, 11, "sleep 1"),
  ];
  const s = supervision(ps);
  assert.deepEqual(
    s.nodes.map((n) => n.pid),
    [12, 20, 30],
  );
  assert.deepEqual(
    s.unsupervised.map((n) => n.pid),
    [20],
  );
});
