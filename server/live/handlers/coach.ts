/** "coach:send": a facilitator's hint or message to an attempt's players (send-coach-message.ts decides who may). */
import type { Socket } from "socket.io";
import { CoachMessageSchema, sendCoachMessage } from "../../../lib/coaching/send-coach-message";
import type { LiveContext } from "../context";
import { handleEvent } from "../handle-event";

export function registerCoach(ctx: LiveContext, socket: Socket): void {
  handleEvent(ctx, socket, "coach:send", CoachMessageSchema, (actor, input) => sendCoachMessage(ctx.db, actor, input));
}
