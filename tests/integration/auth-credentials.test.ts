import "./support/env";
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { authenticateCredentials, WRONG_CREDENTIALS } from "../../lib/auth/authenticate-credentials";
import { signInLimits } from "../../lib/auth/rate-limit";
import { AppError } from "../../lib/errors";
import { db, makeUser, PASSWORD, uniqueEmail, uniqueIp } from "./support/people";

const cfg = { limits: signInLimits({ SIGNIN_MAX_FAILURES: 5, SIGNIN_WINDOW_MINUTES: 15 }), sessionDays: 7 };
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

test("after SIGNIN_MAX_FAILURES failures an email is locked for the window, even with the right password", async () => {
  const user = await makeUser("PLAYER");
  for (let i = 0; i < 5; i++) {
    await assert.rejects(
      authenticateCredentials(db, { email: user.email, password: `nope-${i}`, ip: uniqueIp() }, cfg),
      isCode("UNAUTHENTICATED"),
    );
  }
  await assert.rejects(
    authenticateCredentials(db, { email: user.email, password: PASSWORD, ip: uniqueIp() }, cfg),
    isCode("RATE_LIMITED", "Too many attempts, try again in 15 minutes."),
  );
  // Once the failures age out (simulated by moving them back in time), the right password works again.
  await db.signInFailure.updateMany({
    where: { email: user.email },
    data: { createdAt: new Date(Date.now() - 16 * 60_000) },
  });
  const ok = await authenticateCredentials(db, { email: user.email, password: PASSWORD, ip: uniqueIp() }, cfg);
  assert.equal(ok.actor.id, user.id);
  assert.equal(
    await db.signInFailure.count({ where: { email: user.email } }),
    0,
    "a success clears the email's failures",
  );
});

test("one address failing across many emails is locked after 4 × SIGNIN_MAX_FAILURES", async () => {
  const ip = uniqueIp();
  for (let i = 0; i < 20; i++) {
    await assert.rejects(
      authenticateCredentials(db, { email: uniqueEmail("spray"), password: "guess-guess", ip }, cfg),
      isCode("UNAUTHENTICATED"),
    );
  }
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
