/**
 * Where each bus message goes: to the sockets of the attempt's room, the
 * board, or a team. Big payloads are re-read here, once per message, not once
 * per socket.
 */
import { inChannel } from "../../lib/team-play/channel";
import { loadEventView } from "../../lib/timeline/event-view";
import { rooms, type LiveContext, type LiveSocketData } from "./context";
import type { LiveMessage } from "../../lib/bus/messages";

export async function routeMessage(ctx: LiveContext, m: LiveMessage): Promise<void> {
  switch (m.type) {
    case "attempt-changed":
      ctx.io.to(rooms.attempt(m.attemptId)).emit("attempt-changed", { attemptId: m.attemptId });
      ctx.board.markDirty(m.attemptId);
      return;
    case "timeline": {
      const view = await loadEventView(ctx.db, m.eventId);
      const hidden = view?.kind === "INJECT" && !inChannel(view, "rw");
      if (view && !hidden) ctx.io.to(rooms.attempt(m.attemptId)).emit("timeline", view);
      else if (view) {
        // A second fault is the players' to find: only watchers (facilitators, leads) hear of it.
        for (const s of await ctx.io.in(rooms.attempt(m.attemptId)).fetchSockets()) {
          if ((s.data as LiveSocketData).modes?.[m.attemptId] === "ro") s.emit("timeline", view);
        }
      }
      ctx.board.markDirty(m.attemptId);
      return;
    }
    case "doc-saved":
      ctx.io.to(rooms.attempt(m.attemptId)).emit("doc-saved", {
        attemptId: m.attemptId,
        doc: m.doc,
        version: m.version,
        byUserId: m.byUserId,
      });
      // Writing the report or postmortem is activity: the board's "Idle" restarts.
      ctx.board.markDirty(m.attemptId);
      return;
    case "doc-submitted":
      ctx.io
        .to(rooms.attempt(m.attemptId))
        .emit("doc-submitted", { attemptId: m.attemptId, doc: m.doc, byUserId: m.byUserId });
      ctx.board.markDirty(m.attemptId);
      return;
    case "coach":
      ctx.io.to(rooms.attempt(m.attemptId)).emit("coach", m);
      return;
    case "game-day":
      ctx.io.to(rooms.team(m.teamId)).to(rooms.board()).emit("game-day", { gameDayId: m.gameDayId });
      return;
  }
}
