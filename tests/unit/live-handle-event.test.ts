import assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import { test } from "node:test";
import type { PrismaClient } from "@prisma/client";
import type { Socket } from "socket.io";
import { z } from "zod";
import type { Actor } from "../../lib/auth/actor";
import { AppError } from "../../lib/errors";
import { allowedOrigins } from "../../server/http/allowed-origins";
import type { LiveContext } from "../../server/live/context";
import { handleEvent, type LiveAck } from "../../server/live/handle-event";

const ada: Actor = { id: "u1", email: "ada@x", name: "Ada", role: "PLAYER", teamId: null, sessionId: "s1" };

/** A socket stand-in: events are emitted into it; what it emits back and disconnects are recorded. */
class FakeSocket extends EventEmitter {
  data: { actor: Actor } = { actor: ada };
  sent: [string, unknown][] = [];
  disconnected = false;
  override emit(event: string, ...args: unknown[]): boolean {
    if (event === "session-ended") {
      this.sent.push([event, args[0]]);
      return true;
    }
    return super.emit(event, ...args);
  }
  disconnect() {
    this.disconnected = true;
  }
}

function ctxWithSession(session: unknown): LiveContext {
  const db = { session: { findUnique: () => Promise.resolve(session), update: () => Promise.resolve() } };
  return { db: db as unknown as PrismaClient, io: {} as LiveContext["io"], board: { markDirty() {}, stop() {} } };
}

const liveSession = {
  id: "s1",
  expiresAt: new Date(Date.now() + 60_000),
  revokedAt: null,
  lastSeenAt: new Date(),
  user: { id: "u1", email: "ada@x", name: "Ada", role: "PLAYER", teamId: null, disabledAt: null },
};

function call(
  ctx: LiveContext,
  socket: FakeSocket,
  payload: unknown,
  run = (_a: Actor, i: { n: number }) => Promise.resolve(i.n * 2),
) {
  handleEvent(ctx, socket as unknown as Socket, "thing:do", z.object({ n: z.number() }).strict(), run);
  return new Promise<LiveAck>((resolve) => socket.emit("thing:do", payload, resolve));
}

test("a valid event runs the use-case with the freshly resolved actor and acks its result", async () => {
  let seen: Actor | undefined;
  const ack = await call(ctxWithSession(liveSession), new FakeSocket(), { n: 21 }, (a, i) => {
    seen = a;
    return Promise.resolve(i.n * 2);
  });
  assert.deepEqual(ack, { ok: true, data: 42 });
  assert.equal(seen?.sessionId, "s1");
});

test("a malformed payload is refused with the field named, and the use-case never runs", async () => {
  let ran = false;
  const ack = await call(ctxWithSession(liveSession), new FakeSocket(), { n: "x" }, () => {
    ran = true;
    return Promise.resolve(0);
  });
  assert.equal(ack.ok, false);
  assert.ok(!ack.ok && ack.error.code === "INVALID_INPUT" && ack.error.message.startsWith("thing:do: n:"));
  assert.equal(ran, false);
});

test("a revoked session stops at its next event: refused and disconnected", async () => {
  const socket = new FakeSocket();
  const ack = await call(ctxWithSession({ ...liveSession, revokedAt: new Date() }), socket, { n: 1 });
  assert.deepEqual(ack.ok ? null : ack.error.code, "UNAUTHENTICATED");
  assert.equal(socket.disconnected, true);
  assert.equal(socket.sent[0]?.[0], "session-ended");
});

test("an AppError keeps its code; anything else becomes INTERNAL without its message", async () => {
  const own = await call(ctxWithSession(liveSession), new FakeSocket(), { n: 1 }, () =>
    Promise.reject(new AppError("FORBIDDEN", "Only facilitators inject.")),
  );
  assert.deepEqual(own, { ok: false, error: { code: "FORBIDDEN", message: "Only facilitators inject." } });
  const original = console.error;
  console.error = () => undefined;
  try {
    const other = await call(ctxWithSession(liveSession), new FakeSocket(), { n: 1 }, () =>
      Promise.reject(new Error("db password is hunter2")),
    );
    assert.deepEqual(other.ok ? null : other.error.code, "INTERNAL");
    assert.ok(!other.ok && !other.error.message.includes("hunter2"));
  } finally {
    console.error = original;
  }
});

test("allowed origins: NEXTAUTH_URL's origin and the extras, normalised", () => {
  const o = allowedOrigins("http://localhost:3000/some/path", "http://127.0.0.1:3000/ , https://fire.example");
  assert.deepEqual([...o].sort(), ["http://127.0.0.1:3000", "http://localhost:3000", "https://fire.example"]);
  assert.equal(o.has("http://localhost:3001"), false);
});
