/**
 * The web's side of the pre-broken pools against real PostgreSQL with a fake orchestrator:
 * the forecast read from attempts, assignments and game days (what counts and what does not),
 * sending it, the timer surviving an orchestrator that is down, and the admin page's loader
 * (catalogue titles; an unreachable orchestrator is a state, not a crash). Other files' rows
 * share the database, so each check looks at its own levels only.
 */
import "./support/env";
import assert from "node:assert/strict";
import { after, test } from "node:test";
import type { Prisma } from "@prisma/client";
import type { Actor } from "../../lib/auth/actor";
import type { PoolDemand } from "../../lib/contracts/orchestrator-api";
import { defaultDeps } from "../../lib/core/deps";
import { isAppError } from "../../lib/errors";
import { formatWeekdayTime } from "../../lib/format";
import { forecastPoolDemand } from "../../lib/pools/forecast-pool-demand";
import { loadPoolsView } from "../../lib/pools/load-pools-view";
import { sendPoolDemand, startPoolDemandTimer } from "../../lib/pools/send-pool-demand";
import { FakeOrchestrator, makeLevel, manifest, saveLevel } from "./support/incident";
import { db, makeUser, uid } from "./support/people";

after(() => db.$disconnect());

const NOW = new Date();
const min = (n: number) => new Date(NOW.getTime() + n * 60_000);
const hours = (n: number) => min(n * 60);

function deps(fake = new FakeOrchestrator()) {
  return defaultDeps({ orchestrator: fake.client(), now: () => NOW });
}

async function started(
  levelId: string,
  player: Actor,
  at: Date,
  extra: Partial<Prisma.AttemptUncheckedCreateInput> = {},
) {
  return db.attempt.create({
    data: { levelId, startedById: player.id, variantSeed: uid(), params: {}, startedAt: at, ...extra },
  });
}

function mine(demand: PoolDemand, levels: string[]) {
  return demand.levels.filter((l) => levels.includes(l.levelId)).map((l) => [l.levelId, l.want, l.reason, l.until]);
}

test("the forecast from real rows: recent starts, assignments due, a game day in 20 min, quiet levels", async () => {
  const fac = await makeUser("FACILITATOR");
  const assigned = (levelId: string, to: Actor, data: Partial<Prisma.AssignmentUncheckedCreateInput> = {}) =>
    db.assignment.create({ data: { levelId, assigneeId: to.id, assignedById: fac.id, dueAt: hours(5), ...data } });
  const [starts, due, gameDay, quiet] = [await makeLevel(), await makeLevel(), await makeLevel(), await makeLevel()];
  const offManifest = manifest(`it-${uid()}`);
  offManifest.pool = "off";
  const off = await saveLevel(offManifest);
  const disabled = await makeLevel();
  await db.level.update({ where: { id: disabled }, data: { enabled: false } });
  const people = await Promise.all(Array.from({ length: 9 }, () => makeUser("PLAYER")));
  const [p0, p1, p2, p3, p4, p5, p6, p7, p8] = people as [
    Actor,
    Actor,
    Actor,
    Actor,
    Actor,
    Actor,
    Actor,
    Actor,
    Actor,
  ];

  // Recent starts: three people in the last 2 h (one of them twice); an older one and a certification one do not count.
  for (const p of [p0, p1, p2]) await started(starts, p, min(-20));
  await started(starts, p0, min(-5));
  await started(starts, p3, min(-150));
  await started(starts, p4, min(-10), { playMode: "CERTIFICATION" });
  // Nor do starts of a level the orchestrator does not pool, or of a disabled level.
  for (const p of [p0, p1]) await started(off, p, min(-10));
  await started(disabled, p0, min(-10));

  // Assignments of `due`: p0 (due in 5 h) and p1 (abandoned its attempt hours ago: plays again) count; p2 is
  // playing it, p3 is done, p4's is a certification, p5's is due in 3 days, p6 is disabled, p7 started the
  // level by name since it was assigned (a recent start, not also an assignment).
  await assigned(due, p0);
  const again = await assigned(due, p1, { dueAt: hours(30), createdAt: hours(-4) });
  await started(due, p1, min(-150), { assignmentId: again.id, status: "ABANDONED" });
  const playing = await assigned(due, p2);
  await started(due, p2, min(-15), { assignmentId: playing.id, status: "ACTIVE" });
  await assigned(due, p3, { completedAt: min(-5) });
  await assigned(due, p4, { playMode: "CERTIFICATION" });
  await assigned(due, p5, { dueAt: hours(72) });
  await db.user.update({ where: { id: p6.id }, data: { disabledAt: NOW } });
  await assigned(due, p6);
  await assigned(due, p7, { createdAt: min(-60) });
  await started(due, p7, min(-30));
  await assigned(off, p8);

  // A game day in 20 min with its level named; one whose level is dealt at the start is not forecast.
  const team = await db.team.create({ data: { name: `Pool team ${uid()}` } });
  await db.gameDay.create({
    data: { title: "Blue", teamId: team.id, levelId: gameDay, facilitatorId: fac.id, scheduledAt: min(20) },
  });
  await db.gameDay.create({ data: { title: "Any", teamId: team.id, facilitatorId: fac.id, scheduledAt: min(10) } });

  const demand = await forecastPoolDemand(deps());
  const soon = min(30).toISOString();
  assert.deepEqual(mine(demand, [starts, due, gameDay, quiet, off, disabled]), [
    [gameDay, 1, `game day 'Blue' at ${formatWeekdayTime(min(20))}`, min(35).toISOString()],
    [due, 2, `2 assignments due by ${formatWeekdayTime(hours(30))}`, hours(30).toISOString()],
    ...[
      [due, 1, "started by 2 people in the last 2 h", soon], // p2 and p7
      [starts, 2, "started by 3 people in the last 2 h", soon],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    [quiet, 1, "random pick", soon],
  ]);
});

test("sending: the forecast goes to PUT /pools/demand; the timer logs an unreachable orchestrator and carries on", async () => {
  const levelId = await makeLevel();
  const fake = new FakeOrchestrator();
  fake.unreachable = false;
  await sendPoolDemand(deps(fake));
  assert.equal(fake.demands.length, 1);
  assert.deepEqual(
    fake.demands[0]?.levels.find((l) => l.levelId === levelId),
    { levelId, want: 1, reason: "random pick", until: min(30).toISOString() },
  );

  fake.unreachable = true;
  const warned: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warned.push(args.join(" "));
  try {
    const timer = startPoolDemandTimer(20, deps(fake));
    await new Promise((r) => setTimeout(r, 200));
    timer.stop();
  } finally {
    console.warn = warn;
  }
  assert.equal(fake.demands.length, 1, "nothing more was sent");
  assert.deepEqual(warned, ["pool demand: not sent: The environment service cannot be reached (test)."], "logged once");
});

test("the admin's pools page: levels by their catalogue titles; an unreachable orchestrator is a state; admins only", async () => {
  const admin = await makeUser("ADMIN");
  const levelId = await makeLevel();
  const fake = new FakeOrchestrator();
  fake.pools = {
    budgetMb: 2048,
    usedMb: 480,
    lastClaimAt: min(-3).toISOString(),
    levels: [
      { levelId: "gone-level", stack: "web", floor: 1, ceiling: 4, target: 1, ready: 1, filling: 0, reason: "floor" },
      { levelId, stack: "web", floor: 1, ceiling: 4, target: 3, ready: 1, filling: 2, reason: "random pick" },
    ],
  };
  const view = await loadPoolsView(admin, deps(fake));
  assert.equal(view.state, "ok");
  if (view.state !== "ok") return;
  assert.deepEqual(
    view.levels.map((l) => [l.levelId, l.title, l.target]),
    [
      [levelId, `Integration level ${levelId}`, 3],
      ["gone-level", "gone-level", 1],
    ],
  );
  assert.deepEqual([view.usedMb, view.budgetMb, view.lastClaimAt?.toISOString()], [480, 2048, min(-3).toISOString()]);

  fake.unreachable = true;
  const down = await loadPoolsView(admin, deps(fake));
  assert.deepEqual(down, { state: "unavailable", message: "The environment service cannot be reached (test)." });

  for (const role of ["PLAYER", "FACILITATOR", "LEAD"] as const) {
    await assert.rejects(
      loadPoolsView(await makeUser(role), deps(fake)),
      (err) => isAppError(err) && err.code === "FORBIDDEN",
    );
  }
});
