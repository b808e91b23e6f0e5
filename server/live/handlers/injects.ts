/**
 * "inject:send": a facilitator's inject into a live incident, one payload
 * shape per kind (severity, stakeholder message, second fault). Who may send
 * it is decided in the use-cases.
 */
import type { Socket } from "socket.io";
import { z } from "zod";
import { defaultDeps } from "../../../lib/core/deps";
import { raiseSeverity, RaiseSeveritySchema } from "../../../lib/injects/raise-severity";
import { sendStakeholderMessage, StakeholderMessageSchema } from "../../../lib/injects/send-stakeholder-message";
import { triggerFault, TriggerFaultSchema } from "../../../lib/injects/trigger-fault";
import type { LiveContext } from "../context";
import { handleEvent } from "../handle-event";

export const InjectSchema = z.discriminatedUnion("type", [
  RaiseSeveritySchema.extend({ type: z.literal("severity") }),
  StakeholderMessageSchema.extend({ type: z.literal("stakeholder") }),
  TriggerFaultSchema.extend({ type: z.literal("fault") }),
]);

export function registerInjects(ctx: LiveContext, socket: Socket): void {
  const deps = defaultDeps({ db: ctx.db });
  handleEvent(ctx, socket, "inject:send", InjectSchema, (actor, input) => {
    switch (input.type) {
      case "severity":
        return raiseSeverity(actor, { attemptId: input.attemptId, severity: input.severity }, deps);
      case "stakeholder":
        return sendStakeholderMessage(
          actor,
          {
            attemptId: input.attemptId,
            from: input.from,
            message: input.message,
            answerWithinMinutes: input.answerWithinMinutes,
          },
          deps,
        );
      case "fault":
        return triggerFault(actor, { attemptId: input.attemptId, injectId: input.injectId }, deps);
    }
  });
}
