/**
 * The one way a live handler answers a client event: the payload is parsed
 * against its schema, the session is resolved again (a revoked session or a
 * disabled account stops working at the next event, not at the next
 * connection), the use-case runs with that actor, and the client's ack gets
 * `{ ok: true, data }` or `{ ok: false, error: { code, message } }`.
 */
import type { Socket } from "socket.io";
import type { z } from "zod";
import type { Actor } from "../../lib/auth/actor";
import { resolveSession } from "../../lib/auth/resolve-session";
import { AppError, isAppError } from "../../lib/errors";
import type { LiveContext, LiveSocketData } from "./context";

export type LiveAck = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

export function handleEvent<S extends z.ZodType>(
  ctx: LiveContext,
  socket: Socket,
  event: string,
  schema: S,
  run: (actor: Actor, input: z.infer<S>) => Promise<unknown>,
): void {
  socket.on(event, (raw: unknown, ack?: unknown) => {
    const answer = typeof ack === "function" ? (ack as (a: LiveAck) => void) : () => undefined;
    let ended = false;
    // The ack goes out before the socket closes, so the client learns why (UNAUTHENTICATED).
    const reply = (a: LiveAck) => {
      answer(a);
      if (ended) socket.disconnect(true);
    };
    void (async () => {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
        throw new AppError("INVALID_INPUT", `${event}: ${where}${issue?.message ?? "invalid payload"}`);
      }
      const data = socket.data as LiveSocketData;
      const actor = await resolveSession(ctx.db, data.actor.sessionId ?? "");
      if (!actor) {
        socket.emit("session-ended", { message: "Your session has ended. Sign in again." });
        ended = true;
        throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      }
      data.actor = actor;
      return run(actor, parsed.data);
    })().then(
      (result) => reply({ ok: true, data: result ?? null }),
      (err: unknown) => {
        if (!isAppError(err)) console.error(`live: ${event} failed`, err);
        reply({
          ok: false,
          error: isAppError(err)
            ? { code: err.code, message: err.message }
            : { code: "INTERNAL", message: "Something went wrong on our side." },
        });
      },
    );
  });
}
