/**
 * Board pushes are not events a watcher sends, so handle-event's per-event
 * session check never runs for them. Every few seconds the feed re-checks the
 * board room in one query and removes sockets whose session ended or whose
 * role no longer may facilitate.
 */
import type { PrismaClient } from "@prisma/client";
import type { Server } from "socket.io";
import { can } from "../auth/permissions";
import { rooms, type LiveSocketData } from "../live/context";

export async function evictStaleWatchers(db: PrismaClient, io: Server, now = new Date()): Promise<number> {
  const sockets = await io.in(rooms.board()).fetchSockets();
  if (sockets.length === 0) return 0;
  const sids = [...new Set(sockets.map((s) => (s.data as LiveSocketData).actor.sessionId ?? ""))];
  const sessions = await db.session.findMany({
    where: { id: { in: sids } },
    select: { id: true, revokedAt: true, expiresAt: true, user: { select: { role: true, disabledAt: true } } },
  });
  const fine = new Set(
    sessions
      .filter((s) => !s.revokedAt && s.expiresAt > now && !s.user.disabledAt && can(s.user.role, "facilitate"))
      .map((s) => s.id),
  );
  let evicted = 0;
  for (const s of sockets) {
    if (fine.has((s.data as LiveSocketData).actor.sessionId ?? "")) continue;
    s.leave(rooms.board());
    s.emit("board:closed", { message: "You can no longer watch the board. Sign in again." });
    evicted++;
  }
  return evicted;
}
