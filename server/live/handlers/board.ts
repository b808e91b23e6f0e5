/**
 * The facilitators' live board: "board:watch" joins the board room and answers
 * the whole board (then `board:rows` brings only changes); "board:unwatch"
 * leaves. Only facilitators and admins may watch, checked on every event.
 */
import type { Socket } from "socket.io";
import { z } from "zod";
import { assertAllowed } from "../../../lib/auth/assert-can";
import type { BoardRow } from "../../../lib/board/board-row";
import { loadBoardRows } from "../../../lib/board/load-board-rows";
import { rooms, type LiveContext } from "../context";
import { handleEvent } from "../handle-event";

const NoPayload = z.object({}).strict();

export function registerBoard(ctx: LiveContext, socket: Socket): void {
  handleEvent(ctx, socket, "board:watch", NoPayload, async (actor): Promise<{ rows: BoardRow[] }> => {
    assertAllowed(actor, "facilitate");
    await socket.join(rooms.board());
    // A feed without a snapshot (tests, the placeholder) still gives the database's view.
    return { rows: ctx.board.snapshot ? await ctx.board.snapshot() : await loadBoardRows(ctx.db) };
  });
  handleEvent(ctx, socket, "board:unwatch", NoPayload, async () => {
    await socket.leave(rooms.board());
    return null;
  });
}
