import assert from "node:assert/strict";
import { test } from "node:test";
import { Gate } from "./gate";

const tick = () => new Promise((r) => setImmediate(r));

test("no more than the limit run at once; the rest start in arrival order as slots free", async () => {
  const gate = new Gate(2);
  const started: number[] = [];
  const release: (() => void)[] = [];
  const done = [0, 1, 2, 3].map((i) =>
    gate.run(async () => {
      started.push(i);
      await new Promise<void>((r) => (release[i] = r));
      return i;
    }),
  );
  await tick();
  assert.deepEqual(started, [0, 1]);
  assert.equal(gate.queued, 2);
  release[1]!();
  await tick();
  assert.deepEqual(started, [0, 1, 2]);
  release[0]!();
  await tick();
  assert.deepEqual(started, [0, 1, 2, 3]);
  release[2]!();
  release[3]!();
  assert.deepEqual(await Promise.all(done), [0, 1, 2, 3]);
  assert.equal(gate.queued, 0);
});

test("a failing piece of work frees its slot and its error reaches its caller", async () => {
  const gate = new Gate(1);
  await assert.rejects(
    gate.run(() => Promise.reject(new Error("boom"))),
    /boom/,
  );
  assert.equal(await gate.run(() => Promise.resolve("next")), "next");
});
