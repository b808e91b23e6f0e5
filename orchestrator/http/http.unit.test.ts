import assert from "node:assert/strict";
import type { IncomingMessage } from "node:http";
import { test } from "node:test";
import { OrchestratorError } from "../errors";
import { errorReply } from "./map-error";
import { checkBearer, compile, match } from "./router";

const noop = () => Promise.resolve([200, {}] as [number, unknown]);
const routes = compile([
  { method: "GET", path: "/environments/:id", handler: noop },
  { method: "POST", path: "/environments/:id/instances/:name/restart", handler: noop },
  { method: "GET", path: "/app/:id/*", handler: noop, auth: "browser" },
]);

test("routes match with parameters; a wrong method is told apart from no route", () => {
  const m = match(routes, "POST", "/environments/e1/instances/db/restart");
  assert.ok(m && m !== "method");
  assert.deepEqual(m.params, { id: "e1", name: "db" });
  const app = match(routes, "GET", "/app/e1/static/x.css");
  assert.ok(app && app !== "method");
  assert.equal(app.params.rest, "static/x.css");
  assert.equal(match(routes, "DELETE", "/environments/e1"), "method");
  assert.equal(match(routes, "GET", "/nope"), undefined);
});

test("bearer: only the exact secret passes", () => {
  const req = (authorization?: string) => ({ headers: { authorization } }) as IncomingMessage;
  assert.doesNotThrow(() => checkBearer(req("Bearer sekret-sekret-sekret"), "sekret-sekret-sekret"));
  for (const bad of [undefined, "sekret-sekret-sekret", "Bearer sekret", "Bearer sekret-sekret-sekret "]) {
    assert.throws(
      () => checkBearer(req(bad), "sekret-sekret-sekret"),
      (e: unknown) => e instanceof OrchestratorError && e.code === "unauthorized",
    );
  }
});

test("error codes map to HTTP statuses in one place", () => {
  assert.equal(errorReply(new OrchestratorError("not_found", "x")).status, 404);
  assert.equal(errorReply(new OrchestratorError("gone", "x")).status, 404);
  assert.equal(errorReply(new OrchestratorError("conflict", "x")).status, 409);
  assert.equal(errorReply(new OrchestratorError("unauthorized", "x")).status, 401);
  assert.equal(errorReply(new OrchestratorError("forbidden", "x")).status, 403);
  assert.equal(errorReply(new OrchestratorError("unavailable", "x")).status, 503);
  assert.deepEqual(errorReply(new Error("boom")), {
    status: 500,
    body: { error: { code: "internal", message: "boom" } },
  });
});
