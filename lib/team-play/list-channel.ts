/** The incident channel's history, for the room on opening and after a reconnect. */
import type { Actor } from "../auth/actor";
import { authorizeAttempt } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";
import { listEventViews, type TimelineEventView } from "../timeline/event-view";
import { CHANNEL_KINDS, inChannel } from "./channel";

export async function listChannel(
  actor: Actor,
  attemptId: string,
  deps: Deps = defaultDeps(),
): Promise<{ events: TimelineEventView[] }> {
  const { mode } = await authorizeAttempt(deps.db, actor, attemptId, "read");
  const events = await listEventViews(deps.db, attemptId, CHANNEL_KINDS);
  return { events: events.filter((e) => inChannel(e, mode)) };
}
