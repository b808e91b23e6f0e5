import assert from "node:assert/strict";
import { test } from "node:test";
import { parseEnv } from "../../lib/env";

const good = {
  DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/firedrill",
  NEXTAUTH_SECRET: "x".repeat(32),
  ORCHESTRATOR_SECRET: "y".repeat(32),
};

function failure(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (err) {
    return (err as Error).message;
  }
  assert.fail("expected parseEnv to throw");
}

test("a complete environment parses, with defaults for the optional variables", () => {
  const env = parseEnv(good);
  assert.equal(env.SESSION_DAYS, 7);
  assert.equal(env.SIGNIN_MAX_FAILURES, 5);
  assert.equal(env.SIGNIN_WINDOW_MINUTES, 15);
  assert.equal(env.NEXTAUTH_URL, "http://localhost:3000");
  assert.equal(env.OIDC_ISSUER, undefined);
});

test("numbers are read from strings", () => {
  const env = parseEnv({ ...good, SESSION_DAYS: "30", SIGNIN_MAX_FAILURES: "3", SIGNIN_WINDOW_MINUTES: "60" });
  assert.deepEqual([env.SESSION_DAYS, env.SIGNIN_MAX_FAILURES, env.SIGNIN_WINDOW_MINUTES], [30, 3, 60]);
});

test("each bad or missing variable is named in the error", () => {
  const cases: [Record<string, string | undefined>, string][] = [
    [{ ...good, NEXTAUTH_SECRET: "short" }, "NEXTAUTH_SECRET"],
    [{ ...good, NEXTAUTH_SECRET: undefined }, "NEXTAUTH_SECRET"],
    [{ ...good, ORCHESTRATOR_SECRET: "short" }, "ORCHESTRATOR_SECRET"],
    [{ ...good, DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ ...good, TRUSTED_PROXIES: "10.0.0.0/8, proxy.local" }, "TRUSTED_PROXIES"],
    [{ ...good, DATABASE_URL: undefined }, "DATABASE_URL"],
    [{ ...good, NEXTAUTH_URL: "not a url" }, "NEXTAUTH_URL"],
    [{ ...good, SESSION_DAYS: "forever" }, "SESSION_DAYS"],
    [{ ...good, SIGNIN_MAX_FAILURES: "0" }, "SIGNIN_MAX_FAILURES"],
    [{ ...good, SIGNIN_WINDOW_MINUTES: "-5" }, "SIGNIN_WINDOW_MINUTES"],
    [{ ...good, NODE_ENV: "staging" }, "NODE_ENV"],
  ];
  for (const [source, name] of cases) {
    const message = failure(source);
    assert.match(message, /^Invalid environment variables:/);
    assert.ok(message.includes(`${name}:`), `${name} is named in: ${message}`);
  }
});

test("several bad variables are all named at once", () => {
  const message = failure({ DATABASE_URL: "nope", NEXTAUTH_SECRET: "short" });
  for (const name of ["DATABASE_URL", "NEXTAUTH_SECRET", "ORCHESTRATOR_SECRET"])
    assert.ok(message.includes(name), name);
});

test("OIDC needs issuer, client id and secret together", () => {
  assert.match(
    failure({ ...good, OIDC_ISSUER: "https://id.example.com" }),
    /OIDC_ISSUER: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together/,
  );
  assert.match(failure({ ...good, OIDC_CLIENT_ID: "firedrill" }), /OIDC_ISSUER/);
  assert.match(
    failure({ ...good, OIDC_ISSUER: "not a url", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" }),
    /OIDC_ISSUER/,
  );
  const env = parseEnv({
    ...good,
    OIDC_ISSUER: "https://id.example.com",
    OIDC_CLIENT_ID: "a",
    OIDC_CLIENT_SECRET: "b",
  });
  assert.equal(env.OIDC_NAME, "SSO");
});
