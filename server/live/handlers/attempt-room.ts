/**
 * Joining an attempt's room: allowed to whoever may watch the attempt (the
 * same rule as its page). Everyone in the room sees who else is there.
 */
import type { Socket } from "socket.io";
import { z } from "zod";
import { authorizeAttempt } from "../../../lib/core/attempt-access";
import { rooms, type LiveContext, type LiveSocketData } from "../context";
import { handleEvent } from "../handle-event";

const JoinSchema = z.object({ attemptId: z.string().min(1).max(64) }).strict();

export interface PresenceEntry {
  userId: string;
  name: string;
  watching: boolean;
}

async function broadcastPresence(ctx: LiveContext, attemptId: string): Promise<void> {
  const sockets = await ctx.io.in(rooms.attempt(attemptId)).fetchSockets();
  const seen = new Map<string, PresenceEntry>();
  for (const s of sockets) {
    const { actor } = s.data as LiveSocketData;
    const watching = (s.data as LiveSocketData).modes?.[attemptId] === "ro";
    const prev = seen.get(actor.id);
    seen.set(actor.id, { userId: actor.id, name: actor.name, watching: (prev?.watching ?? true) && watching });
  }
  ctx.io.to(rooms.attempt(attemptId)).emit("presence", { attemptId, people: [...seen.values()] });
}

export function registerAttemptRoom(ctx: LiveContext, socket: Socket): void {
  handleEvent(ctx, socket, "attempt:join", JoinSchema, async (actor, { attemptId }) => {
    const { mode } = await authorizeAttempt(ctx.db, actor, attemptId, "read");
    const data = socket.data as LiveSocketData;
    data.modes = { ...data.modes, [attemptId]: mode };
    await socket.join(rooms.attempt(attemptId));
    await broadcastPresence(ctx, attemptId);
    return { mode };
  });
  handleEvent(ctx, socket, "attempt:leave", JoinSchema, async (_actor, { attemptId }) => {
    await socket.leave(rooms.attempt(attemptId));
    await broadcastPresence(ctx, attemptId);
    return null;
  });
  socket.on("disconnecting", () => {
    const left = [...socket.rooms].filter((r) => r.startsWith("attempt:")).map((r) => r.slice("attempt:".length));
    setTimeout(() => left.forEach((id) => void broadcastPresence(ctx, id)), 0);
  });
}
