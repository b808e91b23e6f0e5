/**
 * The asciicast v2 header both processes agree on (the orchestrator writes and
 * lists recordings, the web app replays them). Standard keys plus an extra
 * "firedrill" key (players ignore unknown header keys) naming the environment,
 * instance, session and user; recordings made before that key existed carry
 * the instance in their title, "<envId> <instance> (<user>)".
 */
import { z } from "zod";

export const CastHeaderSchema = z.object({
  version: z.literal(2),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Seconds since the epoch when the recording started. */
  timestamp: z.number().optional(),
  title: z.string().optional(),
  env: z.record(z.string(), z.string()).optional(),
  firedrill: z
    .object({ env: z.string(), instance: z.string(), session: z.string(), user: z.string().optional() })
    .optional(),
});
export type CastHeader = z.infer<typeof CastHeaderSchema>;

/** A recording's id: the session key, plus ".N" when the key was reused after its shell ended. */
export const RECORDING_ID = /^[A-Za-z0-9_-]{1,64}(\.[0-9]{1,6})?$/;
/** An environment id as the orchestrator accepts it (no dots, no slashes). */
export const ENVIRONMENT_ID = /^[a-z0-9][a-z0-9-]{2,62}$/;

const OLD_TITLE = /^\S+ (\S+) \((.*)\)$/;

export function instanceOf(header: CastHeader): string | null {
  return header.firedrill?.instance ?? OLD_TITLE.exec(header.title ?? "")?.[1] ?? null;
}

export function userOf(header: CastHeader): string | null {
  return header.firedrill?.user ?? OLD_TITLE.exec(header.title ?? "")?.[2] ?? null;
}
