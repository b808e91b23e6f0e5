import "./support/env";
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { Prisma } from "@prisma/client";
import { verifyPassword } from "../../lib/auth/password";
import { AppError } from "../../lib/errors";
import { acceptInvite } from "../../lib/invites/accept-invite";
import { createInvite } from "../../lib/invites/create-invite";
import { findInvite } from "../../lib/invites/find-invite";
import { createTeam } from "../../lib/teams/create-team";
import { setTeamLead } from "../../lib/teams/set-team-lead";
import { createUser } from "../../lib/users/create-user";
import { ensureNotLastAdmin } from "../../lib/users/ensure-not-last-admin";
import { setUserDisabled } from "../../lib/users/set-user-disabled";
import { setUserRole } from "../../lib/users/set-user-role";
import { setUserTeam } from "../../lib/users/set-user-team";
import { db, makeUser, uid, uniqueEmail } from "./support/people";

const isCode = (code: string, field?: string) => (e: unknown) =>
  e instanceof AppError && e.code === code && (!field || Boolean(e.fields?.[field]));

after(() => db.$disconnect());

test("an admin creates an account with a hashed password; a second one with the same email is a conflict on the email field", async () => {
  const admin = await makeUser("ADMIN");
  const email = uniqueEmail("new");
  const created = await createUser(admin, {
    email,
    name: "New Person",
    role: "FACILITATOR",
    password: "long-enough-pw",
    teamId: null,
  });
  const row = await db.user.findUniqueOrThrow({ where: { id: created.id } });
  assert.equal(row.role, "FACILITATOR");
  assert.ok(row.passwordHash?.startsWith("scrypt$"));
  assert.ok(await verifyPassword("long-enough-pw", row.passwordHash));
  await assert.rejects(
    createUser(admin, { email, name: "Again", role: "PLAYER", password: "long-enough-pw", teamId: null }),
    isCode("CONFLICT", "email"),
  );
});

test("invites: the token is shown once, only its hash is stored, and it works exactly once", async () => {
  const admin = await makeUser("ADMIN");
  const team = await createTeam(admin, { name: `Invite team ${uid()}`, leadId: null });
  const email = uniqueEmail("invitee");
  const { token, invite } = await createInvite(admin, { email, role: "PLAYER", teamId: team.id });
  const stored = await db.invite.findUniqueOrThrow({ where: { id: invite.id } });
  assert.notEqual(stored.tokenHash, token);
  assert.ok(!JSON.stringify(stored).includes(token), "the token itself is not stored");

  assert.deepEqual(await findInvite(token), { state: "valid", email, role: "PLAYER", teamName: team.name });
  assert.deepEqual(await findInvite(`${token}x`), { state: "unknown" });

  const user = await acceptInvite({
    token,
    name: "Ivy Invitee",
    password: "chosen-password",
    confirm: "chosen-password",
  });
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  assert.equal(row.email, email);
  assert.equal(row.teamId, team.id);
  assert.ok(await verifyPassword("chosen-password", row.passwordHash));
  assert.deepEqual(await findInvite(token), { state: "used" });
  await assert.rejects(
    acceptInvite({ token, name: "Again", password: "chosen-password", confirm: "chosen-password" }),
    isCode("CONFLICT"),
  );
  await assert.rejects(
    createInvite(admin, { email, role: "PLAYER", teamId: null }),
    isCode("CONFLICT", "email"),
    "an existing account cannot be invited",
  );
});

test("an expired invite cannot be accepted", async () => {
  const admin = await makeUser("ADMIN");
  const { token, invite } = await createInvite(admin, { email: uniqueEmail("late"), role: "LEAD", teamId: null });
  await db.invite.update({ where: { id: invite.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  assert.deepEqual(await findInvite(token), { state: "expired" });
  await assert.rejects(
    acceptInvite({ token, name: "Late", password: "chosen-password", confirm: "chosen-password" }),
    isCode("CONFLICT"),
  );
  assert.equal(
    (await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).acceptedAt,
    null,
    "the failed accept rolled back",
  );
});

test("teams: unique names; the lead must be a Lead or Admin; people move between teams", async () => {
  const admin = await makeUser("ADMIN");
  const lead = await makeUser("LEAD");
  const player = await makeUser("PLAYER");
  const name = `Team ${uid()}`;
  const team = await createTeam(admin, { name, leadId: lead.id });
  assert.equal((await db.team.findUniqueOrThrow({ where: { id: team.id } })).leadId, lead.id);
  await assert.rejects(createTeam(admin, { name, leadId: null }), isCode("CONFLICT", "name"));
  await assert.rejects(setTeamLead(admin, { teamId: team.id, leadId: player.id }), isCode("INVALID_INPUT", "leadId"));
  await setTeamLead(admin, { teamId: team.id, leadId: null });

  await setUserTeam(admin, { userId: player.id, teamId: team.id });
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: player.id } })).teamId, team.id);
  await setUserTeam(admin, { userId: player.id, teamId: null });
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: player.id } })).teamId, null);
  await assert.rejects(setUserTeam(admin, { userId: player.id, teamId: "no-such-team" }), isCode("NOT_FOUND"));
});

test("roles change; an admin can step down while another admin remains", async () => {
  const admin = await makeUser("ADMIN");
  const other = await makeUser("ADMIN");
  const player = await makeUser("PLAYER");
  await setUserRole(admin, { userId: player.id, role: "LEAD" });
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: player.id } })).role, "LEAD");
  await setUserRole(other, { userId: other.id, role: "FACILITATOR" });
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: other.id } })).role, "FACILITATOR");
});

class Rollback extends Error {}

test("the last enabled admin can be neither demoted nor disabled", async () => {
  const admin = await makeUser("ADMIN");
  // Make this the only enabled admin inside a transaction that is always rolled back,
  // so other data in the database is never changed.
  await assert.rejects(
    db.$transaction(
      async (tx) => {
        await tx.user.updateMany({
          where: { role: "ADMIN", disabledAt: null, id: { not: admin.id } },
          data: { disabledAt: new Date() },
        });
        await assert.rejects(
          ensureNotLastAdmin(tx, admin.id, "change this role"),
          (e: unknown) => e instanceof AppError && e.code === "CONFLICT" && /last admin/.test(e.message),
        );
        // Another enabled admin makes it fine again.
        const spare = await tx.user.create({ data: { email: uniqueEmail("spare"), name: "Spare", role: "ADMIN" } });
        await ensureNotLastAdmin(tx, admin.id, "change this role");
        await tx.user.update({ where: { id: spare.id }, data: { disabledAt: new Date() } });
        await assert.rejects(ensureNotLastAdmin(tx, admin.id, "disable this account"), isCode("CONFLICT"));
        throw new Rollback();
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.Serializable },
    ),
    Rollback,
  );
  // Non-admins are never "the last admin".
  const player = await makeUser("PLAYER");
  await db.$transaction((tx) => ensureNotLastAdmin(tx, player.id, "x"));
});

test("an admin may disable another admin, and step down, while other enabled admins remain", async () => {
  const admin = await makeUser("ADMIN");
  const peer = await makeUser("ADMIN");
  await makeUser("ADMIN"); // someone stays in charge
  await setUserDisabled(admin, { userId: peer.id, disabled: true });
  assert.ok((await db.user.findUniqueOrThrow({ where: { id: peer.id } })).disabledAt);
  await setUserRole(admin, { userId: admin.id, role: "PLAYER" });
  assert.equal((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role, "PLAYER");
});
