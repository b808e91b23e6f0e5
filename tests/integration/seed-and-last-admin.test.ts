import "./support/env";
import assert from "node:assert/strict";
import { test } from "node:test";
import { verifyPassword } from "../../lib/auth/password";
import { AppError } from "../../lib/errors";
import { DEMO_TEAM, seedDemoAccounts } from "../../lib/seed/seed-demo";
import { defaultDeps } from "../../lib/core/deps";
import { setUserDisabled } from "../../lib/users/set-user-disabled";
import { setUserRole } from "../../lib/users/set-user-role";
import { withFreshDatabase } from "./support/fresh-database";

test("demo accounts: one per role plus a second player and Blue Team, only into an empty database", async () => {
  await withFreshDatabase(async (db) => {
    const first = await seedDemoAccounts(db, "demo-password");
    assert.deepEqual(
      first.created.map((a) => [a.email, a.role]),
      [
        ["admin@firedrill.local", "ADMIN"],
        ["facilitator@firedrill.local", "FACILITATOR"],
        ["lead@firedrill.local", "LEAD"],
        ["player@firedrill.local", "PLAYER"],
        ["player2@firedrill.local", "PLAYER"],
      ],
    );
    assert.equal(first.existing, false);
    assert.equal(first.accounts.length, 5);
    const team = await db.team.findUniqueOrThrow({
      where: { name: DEMO_TEAM },
      include: { lead: true, members: true },
    });
    assert.equal(team.lead?.email, "lead@firedrill.local");
    assert.deepEqual(team.members.map((m) => m.email).sort(), ["player2@firedrill.local", "player@firedrill.local"]);
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@firedrill.local" } });
    assert.ok(await verifyPassword("demo-password", admin.passwordHash));

    const again = await seedDemoAccounts(db, "another-password");
    assert.deepEqual(again.created, []);
    assert.equal(again.existing, true);
    assert.equal(again.accounts.length, 5);
    assert.equal(await db.user.count(), 5, "nothing added the second time");
  });
});

test("the last admin cannot demote or disable themselves", async () => {
  await withFreshDatabase(async (db) => {
    await seedDemoAccounts(db, "demo-password");
    const row = await db.user.findUniqueOrThrow({ where: { email: "admin@firedrill.local" } });
    const admin = { id: row.id, email: row.email, name: row.name, role: row.role, teamId: row.teamId };
    const lastAdmin = (e: unknown) => e instanceof AppError && e.code === "CONFLICT" && /last admin/.test(e.message);
    await assert.rejects(setUserRole(admin, { userId: admin.id, role: "PLAYER" }, defaultDeps({ db })), lastAdmin);
    await assert.rejects(setUserDisabled(admin, { userId: admin.id, disabled: true }, defaultDeps({ db })), lastAdmin);
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role, "ADMIN");

    // With a second admin, stepping down works.
    const lead = await db.user.findUniqueOrThrow({ where: { email: "lead@firedrill.local" } });
    await setUserRole(admin, { userId: lead.id, role: "ADMIN" }, defaultDeps({ db }));
    await setUserRole(admin, { userId: admin.id, role: "PLAYER" }, defaultDeps({ db }));
    assert.equal((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role, "PLAYER");
  });
});
