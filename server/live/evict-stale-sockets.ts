/**
 * Room pushes are not events a socket sends, so handle-event's per-event
 * checks never run for them. Every few seconds the live server re-checks who
 * is listening: a socket whose session ended is told and disconnected; one
 * that may no longer watch an attempt (removed from the team, role changed)
 * leaves that attempt's room, and one that may no longer facilitate leaves the
 * board, and is told so.
 */
import type { PrismaClient } from "@prisma/client";
import type { Server } from "socket.io";
import { authorizeAttempt } from "../../lib/core/attempt-access";
import { can } from "../../lib/auth/permissions";
import { resolveSession } from "../../lib/auth/resolve-session";
import type { LiveSocketData } from "./context";
import { rooms } from "./context";

export async function evictStaleSockets(db: PrismaClient, io: Server): Promise<number> {
  const sockets = await io.fetchSockets();
  const actors = new Map<string, Awaited<ReturnType<typeof resolveSession>>>();
  const allowed = new Map<string, boolean>();
  let evicted = 0;
  for (const s of sockets) {
    const data = s.data as LiveSocketData;
    const sid = data.actor.sessionId ?? "";
    if (!actors.has(sid)) actors.set(sid, await resolveSession(db, sid));
    const actor = actors.get(sid);
    if (!actor) {
      s.emit("session-ended", { message: "Your session has ended. Sign in again." });
      s.disconnect(true);
      evicted++;
      continue;
    }
    if (s.rooms.has(rooms.board()) && !can(actor.role, "facilitate")) {
      s.leave(rooms.board());
      s.emit("board:closed", { message: "You can no longer watch the board. Sign in again." });
      evicted++;
    }
    for (const room of s.rooms) {
      if (!room.startsWith("attempt:")) continue;
      const attemptId = room.slice("attempt:".length);
      const key = `${actor.id}/${attemptId}`;
      if (!allowed.has(key)) {
        const ok = await authorizeAttempt(db, actor, attemptId, "read").then(
          () => true,
          () => false,
        );
        allowed.set(key, ok);
      }
      if (allowed.get(key)) continue;
      s.leave(rooms.attempt(attemptId));
      s.emit("attempt:closed", { attemptId, message: "You no longer have access to this incident." });
      evicted++;
    }
  }
  return evicted;
}
