import "./support/env";
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { linkOidcAccount } from "../../lib/auth/link-oidc-account";
import { createInvite } from "../../lib/invites/create-invite";
import { db, makeUser, uid, uniqueEmail } from "./support/people";

after(() => db.$disconnect());
const provider = "oidc";

test("OIDC links to an existing user by email, then by the stored link", async () => {
  const user = await makeUser("FACILITATOR");
  const sub = `sub-${uid()}`;
  assert.deepEqual(
    await linkOidcAccount(db, {
      provider,
      providerAccountId: sub,
      email: user.email.toUpperCase(),
      emailVerified: true,
    }),
    { userId: user.id },
  );
  assert.equal(await db.account.count({ where: { userId: user.id, provider } }), 1);
  // Later sign-ins use the link even if the IdP's email changed.
  assert.deepEqual(await linkOidcAccount(db, { provider, providerAccountId: sub, email: "changed@elsewhere.test" }), {
    userId: user.id,
  });
});

test("OIDC never creates someone without an invite, refuses unverified emails and disabled users", async () => {
  const before = await db.user.count();
  assert.deepEqual(
    await linkOidcAccount(db, {
      provider,
      providerAccountId: `sub-${uid()}`,
      email: uniqueEmail("stranger"),
      emailVerified: true,
    }),
    { error: "NoAccount" },
  );
  assert.deepEqual(await linkOidcAccount(db, { provider, providerAccountId: `sub-${uid()}`, email: null }), {
    error: "NoAccount",
  });
  const user = await makeUser("PLAYER");
  assert.deepEqual(
    await linkOidcAccount(db, { provider, providerAccountId: `sub-${uid()}`, email: user.email, emailVerified: false }),
    { error: "EmailUnverified" },
  );
  const disabled = await makeUser("PLAYER", { disabled: true });
  assert.deepEqual(await linkOidcAccount(db, { provider, providerAccountId: `sub-${uid()}`, email: disabled.email }), {
    error: "AccountDisabled",
  });
  assert.equal(
    await db.user.count({
      where: { email: { contains: "stranger" }, createdAt: { gte: new Date(Date.now() - 60_000) } },
    }),
    0,
  );
  assert.ok((await db.user.count()) >= before);
});

test("a pending invite lets OIDC create the invited (non-admin) account; an admin invite does not", async () => {
  const admin = await makeUser("ADMIN");
  const email = uniqueEmail("oidc-invitee");
  await createInvite(admin, { email, role: "LEAD", teamId: null });
  const result = await linkOidcAccount(db, {
    provider,
    providerAccountId: `sub-${uid()}`,
    email,
    name: "Olive Oidc",
    emailVerified: true,
  });
  assert.ok("userId" in result);
  const created = await db.user.findUniqueOrThrow({ where: { email } });
  assert.equal(created.role, "LEAD");
  assert.equal(created.passwordHash, null);
  assert.ok((await db.invite.findFirstOrThrow({ where: { email } })).acceptedAt);

  const adminEmail = uniqueEmail("oidc-admin");
  await createInvite(admin, { email: adminEmail, role: "ADMIN", teamId: null });
  assert.deepEqual(
    await linkOidcAccount(db, { provider, providerAccountId: `sub-${uid()}`, email: adminEmail, emailVerified: true }),
    { error: "NoAccount" },
  );
  assert.equal(await db.user.count({ where: { email: adminEmail } }), 0);
});
