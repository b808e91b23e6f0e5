/** A socket that stops reading: its output is skipped past the budget, resumed with a notice, dropped when stalled. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Socket } from "socket.io";
import { OutputBudget } from "./output-budget";

function fakeSocket() {
  const sent: [string, unknown][] = [];
  let disconnected = false;
  const socket = {
    emit: (e: string, d: unknown) => (sent.push([e, d]), true),
    disconnect: () => ((disconnected = true), socket),
    conn: {},
  } as unknown as Socket;
  return { socket, sent, disconnected: () => disconnected };
}

test("over the budget output is skipped; back under the low mark the viewer hears what it missed", () => {
  const { socket, sent } = fakeSocket();
  let pending = 0;
  const budget = new OutputBudget(socket, undefined, { high: 100, low: 40, stallMs: 60_000 }, () => pending);
  const notice = (n: number): [string, unknown] => ["output", `[${n} skipped]`];
  assert.equal(budget.emit("output", "a", 1, notice), true);
  pending = 150;
  assert.equal(budget.emit("output", "bbbb", 4, notice), false);
  pending = 60; // under high, not yet under low: still skipping
  assert.equal(budget.emit("output", "cc", 2, notice), false);
  pending = 10;
  assert.equal(budget.emit("output", "d", 1, notice), true);
  assert.deepEqual(sent, [
    ["output", "a"],
    ["output", "[6 skipped]"],
    ["output", "d"],
  ]);
});

test("a viewer stalled past stallMs is dropped and nothing more is sent to it", async () => {
  const { socket, sent, disconnected } = fakeSocket();
  let dropped = -1;
  const budget = new OutputBudget(
    socket,
    (n) => (dropped = n),
    { high: 100, low: 40, stallMs: 50 },
    () => 1_000,
  );
  budget.emit("output", "x", 1);
  await new Promise((r) => setTimeout(r, 80));
  budget.emit("output", "y", 1);
  assert.equal(disconnected(), true);
  assert.equal(dropped, 2);
  assert.equal(budget.emit("output", "z", 1), false);
  assert.deepEqual(sent, []);
});
