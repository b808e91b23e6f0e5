import "./support/env";
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { type AttemptStatus } from "@prisma/client";
import { AppError } from "../../lib/errors";
import { getAdminOverview } from "../../lib/homes/get-admin-overview";
import { getFacilitatorHome } from "../../lib/homes/get-facilitator-home";
import { getTeamReadiness } from "../../lib/homes/get-team-readiness";
import { db, makeUser, uid } from "./support/people";

const made: string[] = [];
// These stand-in levels have no real manifest: disable them so no later test deals one.
after(async () => {
  await db.level.updateMany({ where: { id: { in: made } }, data: { enabled: false } });
  await db.$disconnect();
});

async function level(category: string) {
  const id = `it-${uid()}`;
  made.push(id);
  return db.level.create({
    data: { id, title: `Level ${id}`, category, difficulty: "easy", parMinutes: 20, manifest: {}, manifestHash: id },
  });
}

async function attempt(levelId: string, userIds: string[], status: AttemptStatus, teamId: string | null = null) {
  return db.attempt.create({
    data: {
      levelId,
      startedById: userIds[0]!,
      teamId,
      variantSeed: uid(),
      params: {},
      status,
      members: { create: userIds.map((userId) => ({ userId })) },
    },
  });
}

const forbidden = (e: unknown) => e instanceof AppError && e.code === "FORBIDDEN";

test("a facilitator's home shows attempts in play and submitted work", async () => {
  const lv = await level(`cat-${uid()}`);
  const pat = await makeUser("PLAYER");
  const active = await attempt(lv.id, [pat.id], "ACTIVE");
  const submitted = await attempt(lv.id, [pat.id], "SUBMITTED");
  const graded = await attempt(lv.id, [pat.id], "GRADED");
  const home = await getFacilitatorHome(db, await makeUser("FACILITATOR"));
  assert.ok(home.active.some((a) => a.id === active.id && a.players.includes(pat.name)));
  assert.ok(home.review.some((a) => a.id === submitted.id));
  assert.ok(![...home.active, ...home.review].some((a) => a.id === graded.id));
  await assert.rejects(getFacilitatorHome(db, pat), forbidden);
  await assert.rejects(getFacilitatorHome(db, await makeUser("LEAD")), forbidden);
});

test("a lead sees readiness for the teams they lead only; an admin sees every team", async () => {
  const cat = `cat-${uid()}`;
  const [a, b] = [await level(cat), await level(cat)];
  const lee = await makeUser("LEAD");
  const otherLead = await makeUser("LEAD");
  const mine = await db.team.create({ data: { name: `Mine ${uid()}`, leadId: lee.id } });
  const theirs = await db.team.create({ data: { name: `Theirs ${uid()}`, leadId: otherLead.id } });
  const pat = await makeUser("PLAYER", { teamId: mine.id });
  await makeUser("PLAYER", { teamId: theirs.id });
  await attempt(a.id, [pat.id], "GRADED", mine.id);
  await attempt(b.id, [pat.id], "ACTIVE", mine.id);
  await db.certification.create({ data: { userId: pat.id, rule: {} } });

  const view = await getTeamReadiness(db, lee);
  assert.deepEqual(
    view.teams.map((t) => t.id),
    [mine.id],
  );
  const row = view.teams[0]!.people.find((p) => p.id === pat.id)!;
  assert.equal(row.byCategory[cat], 1, "only graded attempts count");
  assert.ok(row.certifiedAt);
  assert.equal(view.categories.find((c) => c.name === cat)?.levels, 2);

  const adminView = await getTeamReadiness(db, await makeUser("ADMIN"));
  const ids = adminView.teams.map((t) => t.id);
  assert.ok(ids.includes(mine.id) && ids.includes(theirs.id));
  await assert.rejects(getTeamReadiness(db, pat), forbidden);
  await assert.rejects(getTeamReadiness(db, await makeUser("FACILITATOR")), forbidden);
});

test("the admin overview counts people by role and lists pending invites", async () => {
  const admin = await makeUser("ADMIN");
  const o = await getAdminOverview(db, admin);
  assert.ok((o.roles.ADMIN ?? 0) >= 1);
  await assert.rejects(getAdminOverview(db, await makeUser("LEAD")), forbidden);
});
