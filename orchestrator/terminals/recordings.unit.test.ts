/**
 * Recordings on disk: listed with instance, start, duration and size (new
 * headers and old titles), served by id, and no id can reach outside the
 * recordings folder.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { isCode } from "../errors";
import { CastWriter } from "./asciicast";
import { listRecordings, recordingFile } from "./recordings";

const root = mkdtempSync(join(tmpdir(), "fd-recordings-"));
const dir = join(root, "recordings");
after(() => rmSync(root, { recursive: true, force: true }));

const T0 = 1_700_000_000;
const line = (v: unknown) => JSON.stringify(v) + "\n";

function write(envId: string, name: string, text: string): void {
  mkdirSync(join(dir, envId), { recursive: true });
  writeFileSync(join(dir, envId, name), text);
}

write(
  "env-one",
  "abc.cast",
  line({
    version: 2,
    width: 80,
    height: 24,
    timestamp: T0 + 60,
    title: "env-one proxy (Ada)",
    firedrill: { env: "env-one", instance: "proxy", session: "abc", user: "Ada" },
  }) +
    line([0.5, "o", "$ "]) +
    line([2.25, "i", "ls\r"]) +
    line([3.75, "o", "ls\r\nfile\r\n"]),
);
// An older recording: the instance only in the title; a live session's half-written last line.
write(
  "env-one",
  "abc.1.cast",
  line({ version: 2, width: 80, height: 24, timestamp: T0, title: "env-one app (Bob)" }) +
    line([1, "o", "hi"]) +
    '[1.5, "o", "unfinis',
);
write("env-one", "broken.cast", "not json\n");
write("env-one", "notes.txt", "ignored");
write("env-one", "bad name.cast", line({ version: 2, width: 80, height: 24 }));
writeFileSync(join(dir, "secret.cast"), line({ version: 2, width: 80, height: 24 }));

test("lists an environment's recordings, oldest first, with instance, start, duration and size", async () => {
  const list = await listRecordings(dir, "env-one");
  assert.deepEqual(
    list.map((r) => [r.session, r.instance, r.user, r.startedAt, r.durationSeconds]),
    [
      ["abc.1", "app", "Bob", new Date(T0 * 1000).toISOString(), 1],
      ["abc", "proxy", "Ada", new Date((T0 + 60) * 1000).toISOString(), 3.75],
    ],
  );
  assert.ok(list.every((r) => r.bytes > 0));
  assert.equal(list[1]?.title, "env-one proxy (Ada)");
});

test("an environment without recordings (never opened a shell, or unknown) lists nothing", async () => {
  assert.deepEqual(await listRecordings(dir, "env-none"), []);
});

test("what the orchestrator writes is what it lists: CastWriter's header names the instance", async () => {
  const w = new CastWriter(join(dir, "env-two"), "s1", {
    width: 80,
    height: 24,
    title: "env-two db (Cy)",
    firedrill: { env: "env-two", instance: "db", session: "s1", user: "Cy" },
  });
  w.event("o", "hello");
  await w.close();
  const [r] = await listRecordings(dir, "env-two");
  assert.ok(r);
  assert.equal(r.instance, "db");
  assert.equal(r.session, "s1");
  assert.ok(Math.abs(Date.parse(r.startedAt) - Date.now()) < 5_000);
});

test("serves a recording by id", async () => {
  const { file, bytes } = await recordingFile(dir, "env-one", "abc");
  assert.equal(file, join(dir, "env-one", "abc.cast"));
  assert.ok(bytes > 0);
  assert.equal((await recordingFile(dir, "env-one", "abc.1")).file, join(dir, "env-one", "abc.1.cast"));
});

test("ids are checked strictly: traversal and odd names are refused before any path is built", async () => {
  const refused = (p: Promise<unknown>, code: "bad_request" | "not_found") =>
    assert.rejects(p, (err: unknown) => isCode(err, code));
  for (const envId of ["..", "../env-one", "env-one/..", "ENV-ONE", "env-one/x", "", ".hidden", "a"])
    await refused(listRecordings(dir, envId), "bad_request");
  for (const session of ["../secret", "..", "../../etc/passwd", "abc/../abc", "abc.", "abc..1", "a b", "", "%2e%2e"])
    await refused(recordingFile(dir, "env-one", session), "bad_request");
  await refused(recordingFile(dir, "..", "secret"), "bad_request");
  await refused(recordingFile(dir, "env-one", "missing"), "not_found");
  await refused(recordingFile(dir, "env-none", "abc"), "not_found");
});
