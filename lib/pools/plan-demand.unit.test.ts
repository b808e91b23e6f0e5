import assert from "node:assert/strict";
import { test } from "node:test";
import { PoolDemandSchema } from "../contracts/orchestrator-api";
import { planDemand, type DemandFacts } from "./plan-demand";

// Thursday 5 March 2026, 12:00 UTC.
const NOW = new Date("2026-03-05T12:00:00.000Z");
const min = (n: number) => new Date(NOW.getTime() + n * 60_000);
const hours = (n: number) => min(n * 60);

function facts(over: Partial<DemandFacts> = {}): DemandFacts {
  return { poolableLevelIds: [], recentStarts: [], openAssignments: [], gameDays: [], ...over };
}

function plan(over: Partial<DemandFacts>) {
  const demand = planDemand(facts(over), NOW);
  assert.deepEqual(PoolDemandSchema.parse(demand), demand, "the forecast passes the contract's schema");
  return demand.levels;
}

function starts(levelId: string, n: number, at = min(-10)) {
  return Array.from({ length: n }, (_, i) => ({ levelId, userId: `u${i}`, startedAt: at }));
}

test("nothing to say: no levels, no entries", () => {
  assert.deepEqual(planDemand(facts(), NOW), { levels: [] });
});

test("a quiet moment: every pooled level gets one for a random pick, lapsing in 30 min", () => {
  assert.deepEqual(plan({ poolableLevelIds: ["b", "a"] }), [
    { levelId: "a", want: 1, reason: "random pick", until: min(30).toISOString() },
    { levelId: "b", want: 1, reason: "random pick", until: min(30).toISOString() },
  ]);
});

test("recent starts: half the people of the last 2 h, rounded up; older starts and repeat starts do not count", () => {
  const levels = plan({
    poolableLevelIds: ["disk-full", "timezone"],
    recentStarts: [
      ...starts("disk-full", 3),
      { levelId: "disk-full", userId: "u0", startedAt: min(-5) }, // u0 again
      { levelId: "disk-full", userId: "old", startedAt: min(-121) },
    ],
  });
  assert.deepEqual(levels, [
    { levelId: "disk-full", want: 2, reason: "started by 3 people in the last 2 h", until: min(30).toISOString() },
    { levelId: "timezone", want: 1, reason: "random pick", until: min(30).toISOString() },
  ]);
});

test("assignments due within 48 h count one per person, until the latest due date", () => {
  const levels = plan({
    poolableLevelIds: ["disk-full"],
    openAssignments: [
      { levelId: "disk-full", assigneeId: "ann", dueAt: hours(12), createdAt: hours(-24) },
      { levelId: "disk-full", assigneeId: "bob", dueAt: hours(27.99), createdAt: hours(-24) },
      { levelId: "disk-full", assigneeId: "bob", dueAt: hours(40), createdAt: hours(-2) }, // bob twice: once
      { levelId: "disk-full", assigneeId: "cid", dueAt: hours(49), createdAt: hours(-24) }, // not due soon
    ],
  });
  assert.deepEqual(levels, [
    { levelId: "disk-full", want: 2, reason: "2 assignments due by Fri 15:59 UTC", until: hours(27.99).toISOString() },
  ]);
});

test("an assignment without a due date counts for a day after it was made", () => {
  const levels = plan({
    poolableLevelIds: ["disk-full"],
    openAssignments: [
      { levelId: "disk-full", assigneeId: "ann", dueAt: null, createdAt: hours(-2) },
      { levelId: "disk-full", assigneeId: "bob", dueAt: null, createdAt: hours(-25) }, // stale
    ],
  });
  assert.deepEqual(levels, [
    { levelId: "disk-full", want: 1, reason: "1 new assignment without a due date", until: hours(22).toISOString() },
  ]);
});

test("lapsed dates say nothing: overdue assignments, game days long begun", () => {
  const levels = plan({
    poolableLevelIds: ["disk-full"],
    openAssignments: [{ levelId: "disk-full", assigneeId: "ann", dueAt: min(-1), createdAt: hours(-30) }],
    gameDays: [{ title: "Blue", levelId: "disk-full", scheduledAt: min(-15) }],
  });
  assert.deepEqual(levels, [{ levelId: "disk-full", want: 1, reason: "random pick", until: min(30).toISOString() }]);
});

test("a game day within 30 min wants one for its team until 15 min after its start; later or undealt ones wait", () => {
  const levels = plan({
    poolableLevelIds: ["disk-full", "timezone"],
    gameDays: [
      { title: "Blue", levelId: "disk-full", scheduledAt: min(20) },
      { title: "Red", levelId: "disk-full", scheduledAt: min(-5) }, // due, the timer is starting it
      { title: "Green", levelId: "timezone", scheduledAt: min(31) },
      { title: "Any", levelId: null, scheduledAt: min(10) },
    ],
  });
  assert.deepEqual(levels, [
    { levelId: "disk-full", want: 1, reason: "game day 'Red' at Thu 11:55 UTC", until: min(10).toISOString() },
    { levelId: "disk-full", want: 1, reason: "game day 'Blue' at Thu 12:20 UTC", until: min(35).toISOString() },
    { levelId: "timezone", want: 1, reason: "random pick", until: min(30).toISOString() },
  ]);
});

test("an assignee who already started the level counts as a recent start, not also as an assignment", () => {
  const levels = plan({
    poolableLevelIds: ["disk-full"],
    recentStarts: [{ levelId: "disk-full", userId: "ann", startedAt: min(-10) }],
    openAssignments: [
      { levelId: "disk-full", assigneeId: "ann", dueAt: hours(5), createdAt: hours(-1) },
      { levelId: "disk-full", assigneeId: "bob", dueAt: hours(5), createdAt: hours(-1) },
    ],
  });
  assert.deepEqual(
    levels.map((l) => [l.want, l.reason]),
    [
      [1, "1 assignment due by Thu 17:00 UTC"],
      [1, "started by 1 person in the last 2 h"],
    ],
  );
});

test("a start from before the assignment was made does not cancel it", () => {
  const levels = plan({
    poolableLevelIds: ["disk-full"],
    recentStarts: [{ levelId: "disk-full", userId: "ann", startedAt: min(-90) }],
    openAssignments: [{ levelId: "disk-full", assigneeId: "ann", dueAt: hours(5), createdAt: min(-30) }],
  });
  assert.equal(levels.filter((l) => l.reason.includes("assignment")).length, 1);
});

test("levels the orchestrator does not pool are never named", () => {
  const levels = plan({
    poolableLevelIds: ["disk-full"],
    recentStarts: starts("cold-only", 4),
    openAssignments: [{ levelId: "cold-only", assigneeId: "ann", dueAt: hours(5), createdAt: hours(-1) }],
    gameDays: [{ title: "Blue", levelId: "cold-only", scheduledAt: min(10) }],
  });
  assert.deepEqual(
    levels.map((l) => l.levelId),
    ["disk-full"],
  );
});

test("caps: want at most 20 per entry, a long game day title clipped to 200 characters, at most 200 entries", () => {
  const many = Array.from({ length: 250 }, (_, i) => `level-${String(i).padStart(3, "0")}`);
  const levels = plan({
    poolableLevelIds: many,
    recentStarts: starts("level-000", 50),
    openAssignments: Array.from({ length: 30 }, (_, i) => ({
      levelId: "level-001",
      assigneeId: `p${i}`,
      dueAt: hours(3),
      createdAt: hours(-1),
    })),
    gameDays: [{ title: "x".repeat(300), levelId: "level-002", scheduledAt: min(5) }],
  });
  assert.equal(levels.length, 200);
  assert.deepEqual(
    levels.slice(0, 3).map((l) => [l.levelId, l.want]),
    [
      ["level-002", 1],
      ["level-001", 20],
      ["level-000", 20],
    ],
  );
  assert.equal(levels[0]?.reason.length, 200);
  assert.ok(levels[0]?.reason.endsWith("…"));
});
