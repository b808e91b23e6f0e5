import assert from "node:assert/strict";
import { test } from "node:test";
import { signAccessToken } from "../../lib/contracts/access-token";
import { OrchestratorError } from "../errors";
import { authorizeEnvironment, authorizeInstance, authorizeToken, originAllowed } from "./authorize";

const secret = "s".repeat(32);
const claims = { env: "env-1", attempt: "att-1", sub: "u1", name: "Ada", mode: "rw" as const };

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof OrchestratorError ? err.code : "other";
  }
  return undefined;
}

test("a token signed with the secret is accepted", () => {
  const payload = authorizeToken(signAccessToken(claims, secret), secret);
  assert.equal(payload.env, "env-1");
  assert.equal(payload.mode, "rw");
});

test("missing, forged, tampered and expired tokens are refused as unauthorized", () => {
  assert.equal(
    code(() => authorizeToken(undefined, secret)),
    "unauthorized",
  );
  assert.equal(
    code(() => authorizeToken("", secret)),
    "unauthorized",
  );
  assert.equal(
    code(() => authorizeToken(signAccessToken(claims, "another secret entirely!"), secret)),
    "unauthorized",
  );
  const [body, sig] = signAccessToken(claims, secret).split(".");
  const tampered = Buffer.from(
    JSON.stringify({ ...JSON.parse(Buffer.from(body as string, "base64url").toString()), mode: "rw", env: "env-2" }),
  ).toString("base64url");
  assert.equal(
    code(() => authorizeToken(`${tampered}.${sig}`, secret)),
    "unauthorized",
  );
  const old = signAccessToken(claims, secret, 60, Date.now() - 120_000);
  assert.equal(
    code(() => authorizeToken(old, secret)),
    "unauthorized",
  );
});

test("a token for another environment or attempt is forbidden", () => {
  const payload = authorizeToken(signAccessToken(claims, secret), secret);
  assert.equal(
    code(() => authorizeEnvironment(payload, { id: "env-1", attemptId: "att-1" })),
    undefined,
  );
  assert.equal(
    code(() => authorizeEnvironment(payload, { id: "env-2", attemptId: "att-1" })),
    "forbidden",
  );
  assert.equal(
    code(() => authorizeEnvironment(payload, { id: "env-1", attemptId: "att-9" })),
    "forbidden",
  );
  assert.equal(
    code(() => authorizeEnvironment(payload, undefined)),
    "forbidden",
  );
});

test("shells only on the level's instances", () => {
  assert.equal(authorizeInstance("app", ["proxy", "app"]), "app");
  assert.equal(
    code(() => authorizeInstance("db", ["proxy", "app"])),
    "forbidden",
  );
  assert.equal(
    code(() => authorizeInstance(42, ["proxy"])),
    "forbidden",
  );
});

test("origins: listed ones pass, others fail, none (not a browser page) passes", () => {
  const allowed = ["http://localhost:3000", "https://firedrill.example"];
  assert.equal(originAllowed("http://localhost:3000", allowed), true);
  assert.equal(originAllowed("https://firedrill.example/", allowed), true);
  assert.equal(originAllowed("http://evil.example", allowed), false);
  assert.equal(originAllowed("http://localhost:3001", allowed), false);
  assert.equal(originAllowed(undefined, allowed), true);
});
