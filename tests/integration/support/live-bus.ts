/**
 * Listens on the live bus (real LISTEN on PostgreSQL) for the whole test file,
 * so a test can check what its use-case published.
 */
import "./env";
import { after, before } from "node:test";
import pg from "pg";
import { LIVE_CHANNEL, LiveMessageSchema, type LiveMessage } from "../../../lib/bus/messages";

export interface LiveBus {
  /** Every well-formed message heard so far, oldest first. */
  heard: LiveMessage[];
  /** Whether a message matching `found` is heard within about two seconds. */
  hears(found: (m: LiveMessage) => boolean): Promise<boolean>;
}

/** Call at the top of a test file: it connects before the tests and disconnects after them. */
export function listenToLiveBus(): LiveBus {
  const heard: LiveMessage[] = [];
  let listener: pg.Client;
  before(async () => {
    listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    listener.on("notification", (n) => {
      const m = LiveMessageSchema.safeParse(JSON.parse(n.payload ?? "null"));
      if (m.success) heard.push(m.data);
    });
    await listener.query(`LISTEN ${LIVE_CHANNEL}`);
  });
  after(async () => {
    await listener.end();
  });
  return {
    heard,
    async hears(found) {
      for (let i = 0; i < 100 && !heard.some(found); i++) await new Promise((r) => setTimeout(r, 20));
      return heard.some(found);
    },
  };
}
