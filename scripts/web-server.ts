/**
 * The web app's process: Next.js (pages, route handlers, server actions) and
 * the live socket server (/live) on one HTTP server, so the browser talks to
 * one origin. `npm start` runs it in production mode; `npm run dev` in
 * development.
 *   tsx scripts/web-server.ts [--dev]   HOST and PORT from the environment
 */
import { createServer } from "node:http";
import next from "next";
import { db } from "../lib/db/client";
import { env } from "../lib/env";
import { MAX_ANY_BODY } from "../server/auth/route-registry";
import { appOrigins } from "../server/http/allowed-origins";
import { screenIncoming } from "../server/http/screen-incoming";
import { trustedProxies } from "../lib/config/trusted-proxies";
import { LIVE_PATH, attachLiveServer } from "../server/live/server";
import { createBoardFeed } from "../server/live/board-feed";
import { startGameDayTimer } from "../lib/game-days/start-due-game-days";
import { startIncidentSyncTimer } from "../lib/attempts/sync-open-incidents";
import { startPoolDemandTimer } from "../lib/pools/send-pool-demand";
import { exitWithParent } from "./lib/exit-with-parent";

const dev = process.argv.includes("--dev");
const host = process.env.HOST ?? "127.0.0.1";
const port = Number(process.env.PORT ?? 3000);
const config = env();

const app = next({ dev, hostname: host, port, dir: new URL("..", import.meta.url).pathname });
await app.prepare();
const handle = app.getRequestHandler();
const upgradeNext = dev ? app.getUpgradeHandler() : null;

const screen = { maxBody: MAX_ANY_BODY, trusted: trustedProxies(config.TRUSTED_PROXIES) };
const server = createServer((req, res) => {
  if (screenIncoming(req, res, screen)) void handle(req, res);
});
const live = attachLiveServer(server, {
  db,
  databaseUrl: config.DATABASE_URL,
  // The same list every state-changing route checks (server/http/screen-write.ts).
  origins: appOrigins(),
  boardFeed: (ctx) => createBoardFeed(ctx),
});
if (upgradeNext) {
  // Next's own websocket (hot reload) in development; socket.io answers /live itself.
  server.on("upgrade", (req, socket, head) => {
    if (!req.url?.startsWith(LIVE_PATH)) void upgradeNext(req, socket, head);
  });
}

// Scheduled game days start on their own when their time comes.
const gameDays = startGameDayTimer();
// Open incidents' error budgets keep counting while nobody has the room open.
const incidents = startIncidentSyncTimer();
// The pre-broken pools follow the web's forecast (assignments due, game days, recent starts).
const poolDemand = startPoolDemandTimer();

server.listen(port, host, () => {
  console.log(`web: listening on http://${host}:${port} (${dev ? "development" : "production"}; live at ${LIVE_PATH})`);
});

let stopping = false;
function stop(why: string): void {
  if (stopping) return;
  stopping = true;
  console.log(`web: ${why}: stopping`);
  void (async () => {
    gameDays.stop();
    incidents.stop();
    poolDemand.stop();
    await live.close().catch(() => undefined);
    server.close();
    await db.$disconnect().catch(() => undefined);
    process.exit(0);
  })();
}
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => stop(sig));
// Started by `npm start`: stop when it is gone, so nothing keeps the port.
exitWithParent(stop);
