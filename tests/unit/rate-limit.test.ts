import assert from "node:assert/strict";
import { test } from "node:test";
import { evaluateThrottle, pairDelayMs, signInLimits, throttleMessage } from "../../lib/auth/rate-limit";

const limits = signInLimits({ SIGNIN_MAX_FAILURES: 5, SIGNIN_WINDOW_MINUTES: 15 });
const now = new Date("2026-11-21T12:00:00Z");
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);
const minutesAgo = (m: number) => secondsAgo(m * 60);
const none = { pairFailures: [], addressFailures: [], accountFailures: [], known: false, limits, now };

test("limits come from the environment: N free per pair, 4N per address, 10N per account, over the window", () => {
  assert.deepEqual(limits, {
    pairFree: 5,
    perAddress: 20,
    perAccount: 50,
    windowMs: 15 * 60_000,
    baseDelayMs: 30_000,
    slowMs: 1_000,
  });
});

test("the pair's delay doubles after the free failures and stops at the window", () => {
  assert.deepEqual(
    [4, 5, 6, 7, 8, 9, 10, 11, 30].map((n) => pairDelayMs(n, limits) / 1000),
    [0, 30, 60, 120, 240, 480, 900, 900, 900],
  );
});

test("fewer failures than the free ones are allowed, unslowed", () => {
  const four = [1, 2, 3, 4].map(minutesAgo);
  assert.deepEqual(evaluateThrottle({ ...none, pairFailures: four, addressFailures: four, accountFailures: four }), {
    blocked: false,
    slowMs: 0,
  });
});

test("the pair waits from its newest failure: 5 failures, the newest 10 s ago → 20 s more", () => {
  const five = [10, 20, 30, 40, 50].map(secondsAgo);
  assert.deepEqual(evaluateThrottle({ ...none, pairFailures: five }), { blocked: true, by: "pair", retryInMs: 20_000 });
  // A known client is held the same way: the pair's delay is what stops guessing from one place.
  assert.equal(evaluateThrottle({ ...none, pairFailures: five, known: true }).blocked, true);
  // Once the delay has passed, one more try.
  const older = [31, 40, 50, 60, 70].map(secondsAgo);
  assert.deepEqual(evaluateThrottle({ ...none, pairFailures: older }), { blocked: false, slowMs: 0 });
});

test("failures outside the window do not count", () => {
  const old = [16, 20, 30, 40, 60].map(minutesAgo);
  assert.deepEqual(evaluateThrottle({ ...none, pairFailures: old, addressFailures: old, accountFailures: old }), {
    blocked: false,
    slowMs: 0,
  });
});

test("an address failing across many accounts makes its unknown clients wait, not the known ones", () => {
  const many = Array.from({ length: 20 }, (_, i) => minutesAgo(i * 0.5));
  const v = evaluateThrottle({ ...none, addressFailures: many });
  assert.equal(v.blocked && v.by, "address");
  assert.equal(evaluateThrottle({ ...none, addressFailures: many.slice(0, 19) }).blocked, false);
  assert.deepEqual(evaluateThrottle({ ...none, addressFailures: many, known: true }), { blocked: false, slowMs: 0 });
});

test("an account under attack from everywhere: unknown clients wait, known clients are slowed only", () => {
  const fifty = Array.from({ length: 50 }, (_, i) => minutesAgo(i * 0.2));
  const unknown = evaluateThrottle({ ...none, accountFailures: fifty });
  assert.equal(unknown.blocked && unknown.by, "account");
  assert.deepEqual(evaluateThrottle({ ...none, accountFailures: fifty, known: true }), {
    blocked: false,
    slowMs: 1_000,
  });
  assert.deepEqual(evaluateThrottle({ ...none, accountFailures: fifty.slice(1) }), { blocked: false, slowMs: 0 });
});

test("the message says how long, in seconds under a minute", () => {
  assert.equal(throttleMessage(1), "Too many attempts, try again in 1 second.");
  assert.equal(throttleMessage(20_000), "Too many attempts, try again in 20 seconds.");
  assert.equal(throttleMessage(60_000), "Too many attempts, try again in 1 minute.");
  assert.equal(throttleMessage(14.2 * 60_000), "Too many attempts, try again in 15 minutes.");
});
