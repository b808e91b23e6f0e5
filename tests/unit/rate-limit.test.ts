import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluateThrottle, signInLimits, throttleMessage } from "../../lib/auth/rate-limit";

const limits = signInLimits({ SIGNIN_MAX_FAILURES: 5, SIGNIN_WINDOW_MINUTES: 15 });
const now = new Date("2026-11-21T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

test("limits come from the environment: N per email, 4N per address, over the window", () => {
  assert.deepEqual(limits, { maxPerEmail: 5, maxPerIp: 20, windowMs: 15 * 60_000 });
});

test("fewer failures than the limit are allowed", () => {
  const four = [1, 2, 3, 4].map(minutesAgo);
  assert.deepEqual(evaluateThrottle({ emailFailures: four, ipFailures: four, limits, now }), { blocked: false });
});

test("the Nth failure for an email blocks until the oldest counted one leaves the window", () => {
  const five = [1, 2, 3, 4, 10].map(minutesAgo);
  // The one 10 minutes ago leaves the window in 5 minutes.
  assert.deepEqual(evaluateThrottle({ emailFailures: five, ipFailures: five, limits, now }), {
    blocked: true,
    by: "email",
    retryInMinutes: 5,
  });
});

test("with more failures than the limit, enough of them must age out", () => {
  const seven = [1, 2, 3, 4, 5, 12, 14].map(minutesAgo);
  // Dropping below 5 needs the 3 oldest gone; the third oldest (5 min ago) leaves in 10 minutes.
  const v = evaluateThrottle({ emailFailures: seven, ipFailures: [], limits, now });
  assert.deepEqual(v, { blocked: true, by: "email", retryInMinutes: 10 });
});

test("failures outside the window do not count", () => {
  const old = [16, 20, 30, 40, 60].map(minutesAgo);
  assert.deepEqual(evaluateThrottle({ emailFailures: old, ipFailures: old, limits, now }), { blocked: false });
});

test("an address is blocked after 4N failures across many emails", () => {
  const many = Array.from({ length: 20 }, (_, i) => minutesAgo(i * 0.5));
  const v = evaluateThrottle({ emailFailures: [minutesAgo(1)], ipFailures: many, limits, now });
  assert.equal(v.blocked, true);
  assert.equal(v.blocked && v.by, "ip");
  assert.equal(evaluateThrottle({ emailFailures: [], ipFailures: many.slice(0, 19), limits, now }).blocked, false);
});

test("the wait is at least one minute and the message says how long", () => {
  const justNow = [1, 1, 1, 1, 14.99].map(minutesAgo);
  const v = evaluateThrottle({ emailFailures: justNow, ipFailures: [], limits, now });
  assert.deepEqual(v, { blocked: true, by: "email", retryInMinutes: 1 });
  assert.equal(throttleMessage(1), "Too many attempts, try again in 1 minute.");
  assert.equal(throttleMessage(15), "Too many attempts, try again in 15 minutes.");
});
