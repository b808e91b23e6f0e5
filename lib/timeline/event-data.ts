/**
 * The payload of a TimelineEvent, one schema per kind. Everything that writes
 * an event goes through `parseEventData` so the postmortem timeline, replay and
 * grading can trust what they read back.
 */
import { z } from "zod";
import type { EventKind } from "@prisma/client";

export const SLI_STATES = ["healthy", "degraded", "down"] as const;
export type SliState = (typeof SLI_STATES)[number];

export const EventDataSchemas = {
  /** `check: "started"` marks a fix check's start (its verdict is the CHECK event): see timeline/check-runs.ts. */
  SYSTEM: z.object({ message: z.string().min(1).max(500), check: z.literal("started").optional() }).strict(),
  COMMAND: z.object({ instance: z.string().min(1).max(64), command: z.string().min(1).max(2000) }).strict(),
  CHECK: z
    .object({
      passed: z.boolean(),
      /** The check could not judge (busy host, impossible observation): not counted as a try. */
      unjudged: z.boolean().optional(),
      message: z.string().max(2000),
      durationMs: z.number().nonnegative(),
    })
    .strict(),
  SLI: z
    .object({
      state: z.enum(SLI_STATES),
      previous: z.enum(SLI_STATES).nullable(),
      successRate: z.number().min(0).max(1).nullable(),
      p95Ms: z.number().nullable(),
      lastError: z.string().nullable(),
    })
    .strict(),
  /** `replyTo`: the INJECT event (a stakeholder's message) this answers. */
  CHAT: z.object({ text: z.string().min(1).max(2000), replyTo: z.string().min(1).max(64).optional() }).strict(),
  HINT: z
    .object({ index: z.number().int().nonnegative(), cost: z.number().int().nonnegative(), text: z.string() })
    .strict(),
  /**
   * A facilitator's inject. Old rows have only `message`. A stakeholder's message expects an answer by
   * `dueAt`; a fault names the level's inject it ran (its title stays with the facilitators).
   */
  INJECT: z
    .object({
      message: z.string().min(1).max(2000),
      kind: z.enum(["stakeholder", "fault"]).optional(),
      from: z.string().min(1).max(120).optional(),
      dueAt: z.iso.datetime().optional(),
      answerWithinMinutes: z.number().int().positive().max(240).optional(),
      injectId: z.string().min(1).max(64).optional(),
    })
    .strict(),
  /** `name` and `previous` are recorded from issue 6 on (older rows lack them). */
  ROLE: z
    .object({
      userId: z.string(),
      role: z.string(),
      name: z.string().max(200).optional(),
      previous: z.string().optional(),
    })
    .strict(),
  STATUS_UPDATE: z
    .object({ text: z.string().min(1).max(2000), replyTo: z.string().min(1).max(64).optional() })
    .strict(),
  SEVERITY: z.object({ severity: z.string().min(1).max(16), previous: z.string().nullable() }).strict(),
  /** A note; a facilitator's coaching (issue 6) also says `kind` (hint or message) and `from` (their name). */
  NOTE: z
    .object({
      text: z.string().min(1).max(2000),
      kind: z.enum(["hint", "message"]).optional(),
      from: z.string().min(1).max(200).optional(),
    })
    .strict(),
} as const satisfies Record<EventKind, z.ZodType>;

export type EventData<K extends EventKind> = z.infer<(typeof EventDataSchemas)[K]>;

export function parseEventData<K extends EventKind>(kind: K, data: unknown): EventData<K> {
  return EventDataSchemas[kind].parse(data) as EventData<K>;
}

/** Lenient read of stored data: undefined when a row does not match its kind (old or hand-edited rows). */
export function readEventData<K extends EventKind>(kind: K, data: unknown): EventData<K> | undefined {
  const r = EventDataSchemas[kind].safeParse(data);
  return r.success ? (r.data as EventData<K>) : undefined;
}
