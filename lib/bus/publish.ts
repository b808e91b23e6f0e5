/**
 * Publishes a live message from any process (route handler, use-case, script):
 * `pg_notify` inside the caller's transaction when given one, so a message is
 * sent only if the change it announces commits.
 */
import "server-only";
import type { Prisma, PrismaClient } from "@prisma/client";
import { LIVE_CHANNEL, LiveMessageSchema, type LiveMessage } from "./messages";

type Db = PrismaClient | Prisma.TransactionClient;

export async function publishLive(db: Db, message: LiveMessage): Promise<void> {
  const payload = JSON.stringify(LiveMessageSchema.parse(message));
  await db.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${payload})`;
}

/** Best effort: a failed notification must not fail the change it announces (the board also polls). */
export async function publishLiveQuietly(db: Db, message: LiveMessage): Promise<void> {
  try {
    await publishLive(db, message);
  } catch (err) {
    console.warn(`live: could not publish ${message.type}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
