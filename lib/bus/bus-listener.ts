/**
 * Listens on the live bus with one dedicated PostgreSQL connection and hands
 * each valid message to `onMessage`. A dropped connection is re-opened with
 * backoff; messages sent while it was down are lost, which is why the board
 * also re-reads on a timer and rooms re-read when their socket reconnects.
 */
import "server-only";
import pg from "pg";
import { LIVE_CHANNEL, LiveMessageSchema, type LiveMessage } from "./messages";

export interface BusListener {
  ready: Promise<void>;
  stop(): Promise<void>;
}

export function listenToBus(databaseUrl: string, onMessage: (m: LiveMessage) => void): BusListener {
  let client: pg.Client | null = null;
  let stopped = false;
  let delay = 250;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const connect = async (): Promise<void> => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: databaseUrl, application_name: "firedrill-live" });
    client = c;
    const retry = () => {
      if (client !== c || stopped) return;
      client = null;
      c.removeAllListeners();
      void c.end().catch(() => undefined);
      setTimeout(() => void connect(), delay);
      delay = Math.min(delay * 2, 5000);
    };
    c.on("error", (err) => {
      console.warn(`live: bus connection lost (${err.message}); reconnecting`);
      retry();
    });
    c.on("end", retry);
    c.on("notification", (n) => {
      if (n.channel !== LIVE_CHANNEL || !n.payload) return;
      try {
        const m = LiveMessageSchema.safeParse(JSON.parse(n.payload));
        if (m.success) onMessage(m.data);
        else console.warn(`live: ignored a malformed bus message: ${m.error.issues[0]?.message ?? ""}`);
      } catch {
        console.warn("live: ignored a bus message that is not JSON");
      }
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${LIVE_CHANNEL}`);
      delay = 250;
      markReady();
    } catch (err) {
      console.warn(`live: cannot listen on the bus (${err instanceof Error ? err.message : String(err)}); retrying`);
      retry();
    }
  };
  void connect();

  return {
    ready,
    async stop() {
      stopped = true;
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners();
        await c.end().catch(() => undefined);
      }
    },
  };
}
