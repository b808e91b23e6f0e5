/**
 * Cross-site writes (issue 11): a page the player serves from their environment
 * (the orchestrator's port on the game's host: same-site, not same-origin) makes a
 * facilitator's browser send the game's cookie. Every state-changing route in the
 * registry, called for real with a valid admin session, must refuse it, refuse a
 * body that is not JSON, refuse an oversized body before reading it, and answer a
 * NUL or broken URL with 400. Walking server/auth/route-registry.ts (which the
 * authorisation matrix proves matches app/api/**) means a new route cannot forget.
 */
import "./support/env";
import assert from "node:assert/strict";
import path from "node:path";
import { after, test } from "node:test";
import { NextRequest } from "next/server";
import { refreshAttempt } from "../../lib/attempts/refresh-attempt";
import { startAttempt } from "../../lib/attempts/start-attempt";
import { GUARD_HEADER } from "../../server/auth/guard";
import { ROUTES, type RouteEntry } from "../../server/auth/route-registry";
import { sessionCookieName } from "../../server/auth/session-token";
import { DEFAULT_MAX_BODY } from "../../server/http/screen-write";
import { FakeOrchestrator, makeLevel } from "./support/incident";
import { db, makeUser, signIn } from "./support/people";

const ROOT = path.resolve(import.meta.dirname, "../..");
const GAME = "http://localhost:3000";
/** Where a player's app is served: the orchestrator's port on the game's host name. */
const PLAYER_APP = "http://localhost:4100";

after(() => db.$disconnect());

type Handler = (req: NextRequest, ctx: unknown) => Promise<Response>;
const UNSAFE = ["POST", "PUT", "PATCH", "DELETE"] as const;
const writes = (ROUTES as readonly RouteEntry[]).flatMap((r) =>
  r.methods.filter((m) => (UNSAFE as readonly string[]).includes(m)).map((method) => ({ route: r, method })),
);

async function handlerOf(route: RouteEntry, method: string): Promise<Handler> {
  const mod = (await import(path.join(ROOT, route.file))) as Record<string, Handler>;
  return mod[method]!;
}

function urlOf(route: RouteEntry, id: string): string {
  return (
    GAME + route.path.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => (name === "nextauth" ? "signout" : id))
  );
}

/** A body that fails the test if anyone reads a byte of it. */
function untouchable(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull() {
      throw new Error("the body was read");
    },
  });
}

async function errorCode(res: Response): Promise<string | undefined> {
  return ((await res.json()) as { error?: { code: string } }).error?.code;
}

async function adminCookie(): Promise<string> {
  return `${sessionCookieName()}=${(await signIn(await makeUser("ADMIN"))).token}`;
}

test("the registry has state-changing routes to walk", () => {
  assert.ok(writes.length >= 12, `found ${writes.length}`);
});

test("every write: a cross-site request with a valid admin session is refused before anything runs", async () => {
  const cookie = await adminCookie();
  const params = { id: "no-such-attempt", nextauth: ["signout"], session: "x" };
  for (const { route, method } of writes) {
    const handler = await handlerOf(route, method);
    const attacks: [string, Record<string, string>][] = [
      ["a page on the orchestrator's port", { origin: PLAYER_APP, "sec-fetch-site": "same-site" }],
      ["another site", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
      ["a sandboxed (opaque) page", { origin: "null", "sec-fetch-site": "cross-site" }],
      ["Sec-Fetch-Site alone", { "sec-fetch-site": "same-site" }],
    ];
    for (const [label, headers] of attacks) {
      const res = await handler(
        new NextRequest(urlOf(route, "no-such-attempt"), {
          method,
          headers: { ...headers, cookie, "content-type": "application/json" },
          body: untouchable(),
          duplex: "half",
        }),
        { params: Promise.resolve(params) },
      );
      const what = `${method} ${route.path} from ${label}`;
      assert.equal(res.status, 403, what);
      assert.equal(await errorCode(res), "FORBIDDEN", what);
      assert.equal(res.headers.get(GUARD_HEADER), null, `${what}: refused before the role check`);
    }
  }
});

test("every write: a body that is not the route's content type is 415 (text/plain, form posts, none)", async () => {
  const cookie = await adminCookie();
  for (const { route, method } of writes) {
    const handler = await handlerOf(route, method);
    const accepts = route.writes?.accepts ?? ["application/json"];
    for (const type of ["text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", null]) {
      if (type && accepts.includes(type.split(";")[0]!)) continue;
      const headers: Record<string, string> = { cookie, origin: GAME, "sec-fetch-site": "same-origin" };
      if (type) headers["content-type"] = type;
      const res = await handler(
        new NextRequest(urlOf(route, "x"), { method, headers, body: type ? "{}" : undefined }),
        { params: Promise.resolve({ id: "x", nextauth: ["signout"] }) },
      );
      assert.equal(res.status, 415, `${method} ${route.path} with ${type ?? "no content type"}`);
      assert.equal(await errorCode(res), "UNSUPPORTED_MEDIA_TYPE");
    }
  }
});

test("every write: a body over the route's cap is 413 before it is read (declared or streamed)", async () => {
  const cookie = await adminCookie();
  for (const { route, method } of writes) {
    const handler = await handlerOf(route, method);
    const cap = route.writes?.maxBytes ?? DEFAULT_MAX_BODY;
    const type = (route.writes?.accepts ?? ["application/json"])[0]!;
    const headers = { cookie, origin: GAME, "sec-fetch-site": "same-origin", "content-type": type };
    const what = `${method} ${route.path}`;
    const params = { params: Promise.resolve({ id: "x", nextauth: ["signout"] }) };

    // 40 MB declared: refused without touching the body at all.
    const declared = await handler(
      new NextRequest(urlOf(route, "x"), {
        method,
        headers: { ...headers, "content-length": String(40 * 1024 * 1024) },
        body: untouchable(),
        duplex: "half",
      }),
      params,
    );
    assert.equal(declared.status, 413, `${what}: declared 40 MB`);
    assert.equal(await errorCode(declared), "PAYLOAD_TOO_LARGE");

    // Chunked, no length: counted as it streams and dropped just past the cap.
    let pulled = 0;
    const chunk = new Uint8Array(16 * 1024).fill(0x20);
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled += chunk.byteLength;
        if (pulled > 40 * 1024 * 1024) throw new Error("read 40 MB");
        c.enqueue(chunk);
      },
    });
    const streamed = await handler(
      new NextRequest(urlOf(route, "x"), { method, headers, body: endless, duplex: "half" }),
      params,
    );
    assert.equal(streamed.status, 413, `${what}: chunked`);
    // The stream may read ahead by a chunk or two; never more.
    assert.ok(pulled <= cap + 4 * chunk.byteLength, `${what}: read ${pulled} bytes for a cap of ${cap}`);
  }
});

test("a NUL or a broken %-escape in the URL is 400 on every route, reads and writes alike", async () => {
  const cookie = await adminCookie();
  for (const route of ROUTES as readonly RouteEntry[]) {
    for (const method of route.methods) {
      const handler = await handlerOf(route, method);
      for (const bad of ["%00", "%E0%A4%A", "a%ZZb"]) {
        const url = urlOf(route, "x").replace(/\/x(\/|$)/, `/${bad}$1`) + `?q=${bad}`;
        const write = method !== "GET";
        const res = await handler(
          new NextRequest(url, {
            method,
            headers: write ? { cookie, origin: GAME, "content-type": "application/json" } : { cookie },
            body: write ? "{}" : undefined,
          }),
          { params: Promise.resolve({ id: "x", nextauth: ["session"] }) },
        );
        assert.equal(res.status, 400, `${method} ${url}`);
        assert.equal(await errorCode(res), "INVALID_INPUT");
      }
    }
  }
});

// ─── The attack seen in the issue, end to end through the grading route ──────

async function submittedAttempt() {
  const fake = new FakeOrchestrator();
  const player = await makeUser("PLAYER");
  const { attemptId } = await startAttempt(player, { levelId: await makeLevel() }, fake.deps());
  fake.state = "ready";
  await refreshAttempt(player, attemptId, fake.deps());
  await db.attempt.update({ where: { id: attemptId }, data: { status: "SUBMITTED" } });
  await db.postmortem.create({ data: { attemptId, content: {}, status: "SUBMITTED" } });
  return attemptId;
}

const fullMarks = {
  outcome: "FINAL",
  comment: "graded by a page on the player's app",
  criteria: [
    { criterionId: "impact", score: 4, comment: "" },
    { criterionId: "root-cause", score: 6, comment: "" },
  ],
};

test("grading: a facilitator's cookie sent by a player's page does not grade; the game's own page does", async () => {
  const attemptId = await submittedAttempt();
  const { token } = await signIn(await makeUser("FACILITATOR"));
  const { POST } = await import("../../app/api/attempts/[id]/grade/route");
  const grade = (headers: Record<string, string>, body: string) =>
    POST(
      new NextRequest(`${GAME}/api/attempts/${attemptId}/grade`, {
        method: "POST",
        headers: { cookie: `${sessionCookieName()}=${token}`, ...headers },
        body,
      }),
      { params: Promise.resolve({ id: attemptId }) },
    );
  const json = JSON.stringify(fullMarks);

  // What the hostile page's fetch() sends: its own origin, JSON or a "simple" text/plain body.
  const crossSite = await grade(
    { origin: PLAYER_APP, "sec-fetch-site": "same-site", "content-type": "application/json" },
    json,
  );
  assert.equal(crossSite.status, 403);
  const simple = await grade({ origin: PLAYER_APP, "sec-fetch-site": "same-site", "content-type": "text/plain" }, json);
  assert.equal(simple.status, 403);
  // Even from the right origin, a text/plain body (no CORS preflight) is not accepted.
  const textPlain = await grade({ origin: GAME, "sec-fetch-site": "same-origin", "content-type": "text/plain" }, json);
  assert.equal(textPlain.status, 415);
  const malformed = await grade({ origin: GAME, "content-type": "application/json" }, "{ not json");
  assert.equal(malformed.status, 400);
  const nul = await grade(
    { origin: GAME, "content-type": "application/json" },
    JSON.stringify({ ...fullMarks, comment: "a\u0000b" }),
  );
  assert.equal(nul.status, 400);
  assert.equal(await db.grade.count({ where: { attemptId } }), 0, "no grade was written");
  assert.equal((await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status, "SUBMITTED");

  // The same request from the game's own page grades: the refusals above were the origin, not the request.
  const own = await grade({ origin: GAME, "sec-fetch-site": "same-origin", "content-type": "application/json" }, json);
  assert.equal(own.status, 200, await own.clone().text());
  assert.equal((await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status, "GRADED");
});
