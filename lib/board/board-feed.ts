/**
 * Placeholder until the board lands: the live server's board feed. (Replaced
 * by the real feed: rows re-read on change and on a one-second tick.)
 */
import type { BoardFeed, LiveContext } from "../live/context";

export function createBoardFeed(_ctx: Omit<LiveContext, "board">): BoardFeed {
  return { markDirty: () => undefined, stop: () => undefined };
}
