/**
 * The team room's socket events: "chat:send" posts to the incident channel,
 * "role:claim" takes a role. Members only (checked in the use-cases); the
 * result reaches everyone through the bus as a "timeline" event.
 */
import type { Socket } from "socket.io";
import { defaultDeps } from "../../../lib/core/deps";
import { claimRole, ClaimRoleSchema } from "../../../lib/team-play/claim-role";
import { postMessage, PostMessageSchema } from "../../../lib/team-play/post-message";
import type { LiveContext } from "../context";
import { handleEvent } from "../handle-event";

export function registerTeamPlay(ctx: LiveContext, socket: Socket): void {
  const deps = defaultDeps({ db: ctx.db });
  handleEvent(ctx, socket, "chat:send", PostMessageSchema, (actor, input) => postMessage(actor, input, deps));
  handleEvent(ctx, socket, "role:claim", ClaimRoleSchema, (actor, input) => claimRole(actor, input, deps));
}
