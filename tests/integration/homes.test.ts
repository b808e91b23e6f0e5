import "./support/env";
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { type AttemptStatus } from "@prisma/client";
import { AppError } from "../../lib/errors";
import { getAdminOverview } from "../../lib/homes/get-admin-overview";
import { getFacilitatorHome } from "../../lib/homes/get-facilitator-home";
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
  const home = await getFacilitatorHome(await makeUser("FACILITATOR"));
  assert.ok(home.active.some((a) => a.id === active.id && a.players.includes(pat.name)));
  assert.ok(home.review.some((a) => a.id === submitted.id));
  assert.ok(![...home.active, ...home.review].some((a) => a.id === graded.id));
  await assert.rejects(getFacilitatorHome(pat), forbidden);
  await assert.rejects(getFacilitatorHome(await makeUser("LEAD")), forbidden);
});

test("the admin overview counts people by role and lists pending invites", async () => {
  const admin = await makeUser("ADMIN");
  const o = await getAdminOverview(admin);
  assert.ok((o.roles.ADMIN ?? 0) >= 1);
  await assert.rejects(getAdminOverview(await makeUser("LEAD")), forbidden);
});
