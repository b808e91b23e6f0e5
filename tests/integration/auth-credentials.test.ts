import "./support/env";
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { authenticateCredentials, WRONG_CREDENTIALS } from "../../lib/sessions/authenticate-credentials";
import { signInLimits } from "../../lib/auth/rate-limit";
import { AppError } from "../../lib/errors";
import { db, makeUser, PASSWORD, uniqueEmail, uniqueIp } from "./support/people";

const cfg = {
  limits: signInLimits({ SIGNIN_MAX_FAILURES: 5, SIGNIN_WINDOW_MINUTES: 15 }),
  sessionDays: 7,
  deviceSecret: process.env.NEXTAUTH_SECRET!,
};
const isCode = (code: string, message?: string | RegExp) => (e: unknown) =>
  e instanceof AppError &&
  e.code === code &&
  (message === undefined || (typeof message === "string" ? e.message === message : message.test(e.message)));

after(() => db.$disconnect());

test("the right password opens a Session row that expires after SESSION_DAYS", async () => {
  const user = await makeUser("PLAYER");
  const before = Date.now();
  const { actor, sessionId } = await authenticateCredentials(
    db,
    { email: user.email.toUpperCase(), password: PASSWORD, ip: uniqueIp(), userAgent: "UA" },
    cfg,
  );
  assert.equal(actor.id, user.id);
  assert.equal(actor.role, "PLAYER");
  const session = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
  assert.equal(session.userId, user.id);
  assert.equal(session.userAgent, "UA");
  assert.equal(session.revokedAt, null);
  const days = (session.expiresAt.getTime() - before) / 86_400_000;
  assert.ok(days > 6.99 && days < 7.01, `expires in ${days} days`);
});

test("a wrong password and an unknown email get the same message", async () => {
  const user = await makeUser("PLAYER");
  const ip = uniqueIp();
  await assert.rejects(
    authenticateCredentials(db, { email: user.email, password: "wrong-password", ip }, cfg),
    isCode("UNAUTHENTICATED", WRONG_CREDENTIALS),
  );
  await assert.rejects(
    authenticateCredentials(db, { email: uniqueEmail("ghost"), password: "wrong-password", ip }, cfg),
    isCode("UNAUTHENTICATED", WRONG_CREDENTIALS),
  );
  assert.equal(WRONG_CREDENTIALS, "Wrong email or password.");
});

const fail = (email: string, ip: string, now?: Date, deviceCookie?: string) =>
  assert.rejects(
    authenticateCredentials(db, { email, password: "wrong-guess", ip, deviceCookie }, cfg, now),
    isCode("UNAUTHENTICATED"),
  );

test("one address guessing one account: a few free tries, then each waits twice as long", async () => {
  const user = await makeUser("PLAYER");
  const ip = uniqueIp();
  const t0 = Date.now();
  const at = (s: number) => new Date(t0 + s * 1000);
  for (let i = 0; i < 5; i++) await fail(user.email, ip, at(i));
  // The 6th try from that address waits 30 s after the 5th failure (at 4 s), even with the right password.
  await assert.rejects(
    authenticateCredentials(db, { email: user.email, password: PASSWORD, ip }, cfg, at(10)),
    isCode("RATE_LIMITED", "Too many attempts, try again in 24 seconds."),
  );
  await fail(user.email, ip, at(35)); // allowed after 30 s; now 6 failures → 1 minute
  await assert.rejects(
    authenticateCredentials(db, { email: user.email, password: "wrong-guess", ip }, cfg, at(80)),
    isCode("RATE_LIMITED", "Too many attempts, try again in 15 seconds."),
  );
  await fail(user.email, ip, at(96)); // 7 failures → 2 minutes
  await assert.rejects(
    authenticateCredentials(db, { email: user.email, password: "wrong-guess", ip }, cfg, at(100)),
    isCode("RATE_LIMITED", /try again in 2 minutes/),
  );
  // Refused tries are not counted: the attacker cannot stretch anyone's wait by hammering.
  assert.equal(await db.signInFailure.count({ where: { email: user.email } }), 7);

  // Meanwhile the owner, from their own address, signs straight in; the attacker's pair is not forgiven.
  const ok = await authenticateCredentials(db, { email: user.email, password: PASSWORD, ip: uniqueIp() }, cfg, at(101));
  assert.equal(ok.actor.id, user.id);
  assert.equal(await db.signInFailure.count({ where: { email: user.email, ip } }), 7);
  // After the window the attacker's failures age out.
  const later = new Date(t0 + 17 * 60_000);
  assert.equal(
    (await authenticateCredentials(db, { email: user.email, password: PASSWORD, ip }, cfg, later)).actor.id,
    user.id,
  );
});

test("an attacker failing the admin's password from one address does not stop the admin signing in", async () => {
  const admin = await makeUser("ADMIN");
  const home = uniqueIp();
  // The admin signed in from home before.
  await authenticateCredentials(db, { email: admin.email, password: PASSWORD, ip: home }, cfg);
  const attacker = uniqueIp();
  const t0 = Date.now();
  for (let i = 0; i < 60; i++) {
    await authenticateCredentials(
      db,
      { email: admin.email, password: `guess-${i}`, ip: attacker },
      cfg,
      new Date(t0 + i * 1000),
    ).catch(() => undefined);
  }
  const failures = await db.signInFailure.count({ where: { email: admin.email, ip: attacker } });
  assert.ok(failures <= 6, `one address got ${failures} guesses in a minute`);
  const ok = await authenticateCredentials(
    db,
    { email: admin.email, password: PASSWORD, ip: home },
    cfg,
    new Date(t0 + 61_000),
  );
  assert.equal(ok.actor.id, admin.id, "the admin signs in from a known address");
  // A brand-new address works too: one address's failures are only that address's problem.
  const fresh = await authenticateCredentials(
    db,
    { email: admin.email, password: PASSWORD, ip: uniqueIp() },
    cfg,
    new Date(t0 + 62_000),
  );
  assert.equal(fresh.actor.id, admin.id);
});

test("a distributed attack on the admin: unknown clients wait, known address and known device are only slowed", async () => {
  const admin = await makeUser("ADMIN");
  const home = uniqueIp();
  const { deviceCookie } = await authenticateCredentials(db, { email: admin.email, password: PASSWORD, ip: home }, cfg);
  // 50 addresses, one wrong password each: the account's own cap (10 × SIGNIN_MAX_FAILURES) is reached.
  for (let i = 0; i < 50; i++) await fail(admin.email, uniqueIp());

  await assert.rejects(
    authenticateCredentials(db, { email: admin.email, password: PASSWORD, ip: uniqueIp() }, cfg),
    isCode("RATE_LIMITED", /minutes?\./),
    "an address the account never used waits out the attack",
  );
  let t = Date.now();
  const fromHome = await authenticateCredentials(db, { email: admin.email, password: PASSWORD, ip: home }, cfg);
  assert.equal(fromHome.actor.id, admin.id, "the known address signs in");
  assert.ok(Date.now() - t >= 900, `slowed, not blocked (${Date.now() - t} ms)`);
  t = Date.now();
  const travelling = await authenticateCredentials(
    db,
    { email: admin.email, password: PASSWORD, ip: uniqueIp(), deviceCookie },
    cfg,
  );
  assert.equal(travelling.actor.id, admin.id, "the known device signs in from a new address");
  assert.ok(Date.now() - t >= 900, `slowed, not blocked (${Date.now() - t} ms)`);
  // The device cookie is the admin's own: it does nothing for another account.
  const other = await makeUser("PLAYER");
  for (let i = 0; i < 50; i++) await fail(other.email, uniqueIp());
  await assert.rejects(
    authenticateCredentials(db, { email: other.email, password: PASSWORD, ip: uniqueIp(), deviceCookie }, cfg),
    isCode("RATE_LIMITED"),
  );
});

test("a known device's failures are its own: an attacker behind the same address cannot slow it", async () => {
  const user = await makeUser("PLAYER");
  const office = uniqueIp();
  const { deviceCookie } = await authenticateCredentials(
    db,
    { email: user.email, password: PASSWORD, ip: office },
    cfg,
  );
  for (let i = 0; i < 5; i++) await fail(user.email, office);
  await assert.rejects(
    authenticateCredentials(db, { email: user.email, password: PASSWORD, ip: office }, cfg),
    isCode("RATE_LIMITED"),
  );
  const ok = await authenticateCredentials(
    db,
    { email: user.email, password: PASSWORD, ip: office, deviceCookie },
    cfg,
  );
  assert.equal(ok.actor.id, user.id);
  // A forged or foreign cookie is just no cookie.
  await assert.rejects(
    authenticateCredentials(
      db,
      { email: user.email, password: PASSWORD, ip: office, deviceCookie: `${deviceCookie}x` },
      cfg,
    ),
    isCode("RATE_LIMITED"),
  );
});

test("one address failing across many emails waits after 4 × SIGNIN_MAX_FAILURES", async () => {
  const ip = uniqueIp();
  for (let i = 0; i < 20; i++) await fail(uniqueEmail("spray"), ip);
  const user = await makeUser("PLAYER");
  await assert.rejects(
    authenticateCredentials(db, { email: user.email, password: PASSWORD, ip }, cfg),
    isCode("RATE_LIMITED", /Too many attempts, try again in \d+ minutes?\./),
  );
  // The same person from another address is fine.
  assert.equal(
    (await authenticateCredentials(db, { email: user.email, password: PASSWORD, ip: uniqueIp() }, cfg)).actor.id,
    user.id,
  );
});

test("a disabled account is refused (and only told so with the right password)", async () => {
  const user = await makeUser("PLAYER", { disabled: true });
  await assert.rejects(
    authenticateCredentials(db, { email: user.email, password: "wrong-password", ip: uniqueIp() }, cfg),
    isCode("UNAUTHENTICATED", WRONG_CREDENTIALS),
  );
  await assert.rejects(
    authenticateCredentials(db, { email: user.email, password: PASSWORD, ip: uniqueIp() }, cfg),
    isCode("FORBIDDEN", /disabled/),
  );
  assert.equal(await db.session.count({ where: { userId: user.id } }), 0);
});

test("empty input is refused without touching the throttle", async () => {
  const ip = uniqueIp();
  await assert.rejects(authenticateCredentials(db, { email: "", password: "", ip }, cfg), isCode("INVALID_INPUT"));
  assert.equal(await db.signInFailure.count({ where: { ip } }), 0);
});
