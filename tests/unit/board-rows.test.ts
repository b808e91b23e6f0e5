import assert from "node:assert/strict";
import { test } from "node:test";
import type { EnvironmentView } from "../../lib/contracts/orchestrator-api";
import { idleSeconds, type BoardRow } from "../../lib/board/board-row";
import { diffBoardRows } from "../../lib/board/diff-board-rows";
import { composeBoardRow, type BoardFacts } from "../../lib/board/load-board-rows";
import { UNREACHABLE } from "../../lib/board/orchestrator-snapshot";
import { filterBoardRows, formatSeconds, sortBoardRows } from "../../lib/board/sort-board-rows";

const row = (id: string, over: Partial<BoardRow> = {}): BoardRow => ({
  attemptId: id,
  kind: "SOLO",
  players: ["Ann"],
  team: null,
  gameDay: null,
  level: "Uploads fail",
  category: "proxy",
  startedAt: "2025-01-01T10:00:00.000Z",
  status: "ACTIVE",
  severity: null,
  environment: "ready",
  successRate: 0.5,
  checksTried: 0,
  hintsUsed: 0,
  lastActivityAt: "2025-01-01T10:01:00.000Z",
  orchestratorReachable: true,
  ...over,
});
const map = (rows: BoardRow[]) => new Map(rows.map((r) => [r.attemptId, r]));

test("an unchanged board sends nothing", () => {
  const d = diffBoardRows(map([row("a"), row("b")]), [row("a"), row("b")]);
  assert.deepEqual(d, { rows: [], removed: [] });
});

test("each kind of change sends that row only", () => {
  const changes: Partial<BoardRow>[] = [
    { successRate: 0.9 },
    { successRate: null },
    { checksTried: 1 },
    { hintsUsed: 2 },
    { status: "MITIGATED" },
    { environment: "failed" },
    { lastActivityAt: "2025-01-01T10:05:00.000Z" },
    { players: ["Ann", "Bob"] },
    { players: ["Bob"] },
    { orchestratorReachable: false },
    { severity: "SEV2" },
  ];
  for (const change of changes) {
    const d = diffBoardRows(map([row("a"), row("b")]), [row("a"), row("b", change)]);
    assert.deepEqual(
      d.rows.map((r) => r.attemptId),
      ["b"],
      JSON.stringify(change),
    );
    assert.deepEqual(d.removed, []);
  }
});

test("new rows are sent and rows that left are named as removed", () => {
  const d = diffBoardRows(map([row("a"), row("b")]), [row("b"), row("c")]);
  assert.deepEqual(
    d.rows.map((r) => r.attemptId),
    ["c"],
  );
  assert.deepEqual(d.removed, ["a"]);
});

const facts = {
  id: "att1",
  kind: "TEAM",
  status: "ACTIVE",
  severity: "SEV1",
  startedAt: new Date("2025-01-01T10:00:00Z"),
  checksTried: 3,
  hintsUsed: 1,
  level: { title: "Disk full", category: "disk" },
  team: { name: "Blue" },
  gameDay: { title: "Friday drill" },
  members: [{ user: { name: "Ann" } }, { user: { name: "Bob" } }],
  environment: { id: "env-1", state: "READY" },
  events: [],
  report: null,
  postmortem: null,
} as unknown as BoardFacts;

test("a row merges the database with the orchestrator's view and SLI", () => {
  const view = { id: "env-1", attemptId: "att1", state: "ready", lastActivityAt: "2025-01-01T10:02:00.000Z" };
  const snap = {
    reachable: true,
    views: new Map([["att1", view as EnvironmentView]]),
    samples: {
      "env-1": {
        at: "x",
        successRate: 0.98765,
        p50Ms: 1,
        p95Ms: 2,
        requests: 10,
        failures: 1,
        lastError: null,
      },
    },
  };
  const r = composeBoardRow(facts, snap);
  assert.equal(r.successRate, 0.988);
  assert.equal(r.environment, "ready");
  assert.equal(r.lastActivityAt, "2025-01-01T10:02:00.000Z");
  assert.deepEqual(r.players, ["Ann", "Bob"]);
  assert.equal(r.team, "Blue");
  assert.equal(r.gameDay, "Friday drill");
  assert.equal(r.orchestratorReachable, true);
  assert.equal(idleSeconds(r, Date.parse("2025-01-01T10:03:30Z")), 90);
});

test("with the orchestrator down a row keeps the database's environment state and unknowns stay null", () => {
  const r = composeBoardRow(facts, UNREACHABLE);
  assert.equal(r.environment, "ready");
  assert.equal(r.successRate, null);
  assert.equal(r.lastActivityAt, null);
  assert.equal(r.orchestratorReachable, false);
  assert.equal(idleSeconds(r, Date.now()), null);
});

test("Idle counts the team's activity in the game: chat and writing the report, not only the terminals", () => {
  const view = { id: "env-1", attemptId: "att1", state: "ready", lastActivityAt: "2025-01-01T10:02:00.000Z" };
  const snap = { reachable: true, views: new Map([["att1", view as EnvironmentView]]), samples: {} };
  const chatting = {
    ...facts,
    events: [{ at: new Date("2025-01-01T10:02:40Z") }],
    report: { updatedAt: new Date("2025-01-01T10:02:50Z") },
  } as unknown as BoardFacts;
  const r = composeBoardRow(chatting, snap);
  assert.equal(r.lastActivityAt, "2025-01-01T10:02:50.000Z");
  assert.equal(idleSeconds(r, Date.parse("2025-01-01T10:03:00Z")), 10);
  // With the orchestrator down, the game's own activity still says when the team last did something.
  assert.equal(composeBoardRow(chatting, UNREACHABLE).lastActivityAt, "2025-01-01T10:02:50.000Z");
});

test("sorting: idlest, longest running or worst first; unknowns last either way", () => {
  const rows = [
    row("a", { lastActivityAt: "2025-01-01T10:05:00.000Z", startedAt: "2025-01-01T09:00:00.000Z", successRate: 1 }),
    row("b", { lastActivityAt: "2025-01-01T10:01:00.000Z", startedAt: "2025-01-01T09:30:00.000Z", successRate: 0.2 }),
    row("c", { lastActivityAt: null, startedAt: "2025-01-01T08:00:00.000Z", successRate: null }),
  ];
  const ids = (rs: BoardRow[]) => rs.map((r) => r.attemptId);
  assert.deepEqual(ids(sortBoardRows(rows, "idle", "desc")), ["b", "a", "c"]);
  assert.deepEqual(ids(sortBoardRows(rows, "idle", "asc")), ["a", "b", "c"]);
  assert.deepEqual(ids(sortBoardRows(rows, "time", "desc")), ["c", "a", "b"]);
  assert.deepEqual(ids(sortBoardRows(rows, "success", "asc")), ["b", "a", "c"]);
  assert.deepEqual(ids(sortBoardRows(rows, "success", "desc")), ["a", "b", "c"]);
});

test("filtering matches every word against players, team, level and more", () => {
  const rows = [
    row("a", { players: ["Ann Lee"], level: "Disk full", category: "disk" }),
    row("b", { players: ["Bob"], team: "Blue", level: "Uploads fail" }),
  ];
  assert.deepEqual(
    filterBoardRows(rows, "ann disk").map((r) => r.attemptId),
    ["a"],
  );
  assert.deepEqual(
    filterBoardRows(rows, "BLUE").map((r) => r.attemptId),
    ["b"],
  );
  assert.equal(filterBoardRows(rows, "  ").length, 2);
  assert.equal(filterBoardRows(rows, "nobody").length, 0);
});

test("durations read naturally", () => {
  assert.equal(formatSeconds(45), "45s");
  assert.equal(formatSeconds(725), "12m 05s");
  assert.equal(formatSeconds(7380), "2h 03m");
});
