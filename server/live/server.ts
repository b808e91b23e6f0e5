/**
 * The web app's live server: socket.io on the web app's own HTTP server at
 * path /live (same origin, so the session cookie comes along). The handshake
 * checks origin and session; each handler re-checks the session and what the
 * caller owns on every event (handle-event.ts); what sockets merely listen to
 * is re-checked every ten seconds (evict-stale-sockets.ts). Changes arrive from any
 * process over the PostgreSQL bus and are fanned out to rooms.
 */
import type { Server as HttpServer } from "node:http";
import type { PrismaClient } from "@prisma/client";
import { Server } from "socket.io";
import { isAppError } from "../../lib/errors";
import { authenticateSocket } from "./authenticate-socket";
import { listenToBus } from "../../lib/bus/bus-listener";
import { rooms, type BoardFeed, type LiveContext, type LiveSocketData } from "./context";
import { HANDLERS } from "./handlers";
import { evictStaleSockets } from "./evict-stale-sockets";
import { routeMessage } from "./route-message";

export const LIVE_PATH = "/live";

export interface LiveServerOptions {
  db: PrismaClient;
  databaseUrl: string;
  origins: ReadonlySet<string>;
  /** How often every socket's session, attempt rooms and board watching are re-checked (default 10 s). */
  sweepMs?: number;
  /** Builds the board feed once the server exists (the feed emits to the board room). */
  boardFeed?: (ctx: Omit<LiveContext, "board">) => BoardFeed;
}

export interface LiveServer {
  io: Server;
  ctx: LiveContext;
  ready: Promise<void>;
  close(): Promise<void>;
}

const noBoard: BoardFeed = { markDirty: () => undefined, stop: () => undefined };

export function attachLiveServer(http: HttpServer, opts: LiveServerOptions): LiveServer {
  const io = new Server(http, {
    path: LIVE_PATH,
    serveClient: false,
    cors: { origin: [...opts.origins], credentials: true },
    pingInterval: 10_000,
    pingTimeout: 8_000,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
  });
  const base = { db: opts.db, io };
  const ctx: LiveContext = { ...base, board: opts.boardFeed?.(base) ?? noBoard };

  io.use((socket, next) => {
    authenticateSocket(opts.db, socket.handshake.headers, opts.origins).then(
      (actor) => {
        socket.data = { actor } satisfies LiveSocketData;
        next();
      },
      (err: unknown) => {
        const e = new Error(isAppError(err) ? err.message : "live: handshake failed") as Error & {
          data?: unknown;
        };
        e.data = { code: isAppError(err) ? err.code : "INTERNAL" };
        next(e);
      },
    );
  });

  io.on("connection", (socket) => {
    const { actor } = socket.data as LiveSocketData;
    void socket.join(rooms.user(actor.id));
    if (actor.teamId) void socket.join(rooms.team(actor.teamId));
    for (const register of HANDLERS) register(ctx, socket);
  });

  const bus = listenToBus(opts.databaseUrl, (m) => {
    routeMessage(ctx, m).catch((err: unknown) => console.error(`live: could not route ${m.type}`, err));
  });

  const sweep = setInterval(() => {
    evictStaleSockets(opts.db, io).catch((err: unknown) => console.error("live: could not re-check sockets", err));
  }, opts.sweepMs ?? 10_000);
  sweep.unref();

  return {
    io,
    ctx,
    ready: bus.ready,
    async close() {
      clearInterval(sweep);
      ctx.board.stop();
      await bus.stop();
      await new Promise<void>((resolve) => void io.close(() => resolve()));
    },
  };
}
