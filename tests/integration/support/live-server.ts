/**
 * A real live server for a test file (socket.io on an HTTP server on a free
 * port, the PostgreSQL bus), and sockets that connect to it as a browser
 * would: an Origin header and a next-auth session cookie.
 */
import "./env";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { sessionCookieName } from "../../../server/auth/session-token";
import { allowedOrigins } from "../../../server/http/allowed-origins";
import { attachLiveServer, LIVE_PATH, type LiveServer, type LiveServerOptions } from "../../../server/live/server";
import { db } from "./people";

export const ORIGIN = "http://localhost:3000";
export type Ack = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

export interface TestLiveServer {
  live: LiveServer;
  /** A socket with exactly these handshake headers (not yet connected). */
  open(headers: Record<string, string>): Socket;
  /** A connected socket signed in with this session token, from the allowed origin. */
  as(token: string): Promise<Socket>;
  /** Disconnects every socket opened here, then stops the server. */
  close(): Promise<void>;
}

export async function startLiveServer(opts: Pick<LiveServerOptions, "boardFeed"> = {}): Promise<TestLiveServer> {
  const http = createServer();
  const live = attachLiveServer(http, {
    db,
    databaseUrl: process.env.DATABASE_URL!,
    origins: allowedOrigins(ORIGIN, ""),
    ...opts,
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  await live.ready;
  const sockets: Socket[] = [];
  const open = (headers: Record<string, string>) => {
    const s = connect(url, { path: LIVE_PATH, transports: ["websocket"], extraHeaders: headers, reconnection: false });
    sockets.push(s);
    return s;
  };
  return {
    live,
    open,
    async as(token) {
      const s = open({ origin: ORIGIN, cookie: `${sessionCookieName()}=${token}` });
      await connected(s);
      return s;
    },
    async close() {
      for (const s of sockets) s.disconnect();
      await live.close();
      http.close();
    },
  };
}

export function connected(s: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    s.once("connect", () => resolve());
    s.once("connect_error", reject);
  });
}

/** The handshake's refusal (its message and code); rejects if the socket is let in. */
export function refused(s: Socket): Promise<{ message: string; data?: { code?: string } }> {
  return new Promise((resolve, reject) => {
    s.once("connect", () => reject(new Error("the socket was let in")));
    s.once("connect_error", (e: Error & { data?: { code?: string } }) => resolve(e));
  });
}

/** Emits `event` and waits (5 s at most) for the handler's ack. */
export function request(s: Socket, event: string, payload: unknown): Promise<Ack> {
  return s.timeout(5000).emitWithAck(event, payload) as Promise<Ack>;
}

/** The first `event` payload that satisfies `pick` within `ms`. */
export function next<T>(s: Socket, event: string, pick: (p: T) => boolean, ms = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      s.off(event, on);
      reject(new Error(`no matching ${event} within ${ms} ms`));
    }, ms);
    const on = (p: T) => {
      if (!pick(p)) return;
      clearTimeout(timer);
      s.off(event, on);
      resolve(p);
    };
    s.on(event, on);
  });
}
