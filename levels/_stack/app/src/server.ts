/** The HTTP server: routes requests, logs each one with its duration, turns errors into JSON. */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Config } from "./config";
import { applyCors } from "./cors";
import type { Pool } from "./db";
import { HttpError, sendJson } from "./http-util";
import type { Logger } from "./log";
import { health } from "./routes/health";
import { homePage, signupPage, uploadPage } from "./routes/pages";
import { getProduct, listProducts } from "./routes/products";
import { arrivals, productByNumber, productBySku } from "./routes/lookups";
import { catalogue } from "./routes/catalogue";
import { productCards } from "./routes/cards";
import { createUpload, getUpload, listUploads } from "./routes/uploads";
import { createUser, listTodaysUsers } from "./routes/users";

export interface AppContext {
  config: Config;
  log: Logger;
  pool: Pool;
  startedAt: Date;
}

export type Handler = (
  ctx: AppContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  match: RegExpExecArray,
) => Promise<void>;

const routes: [method: string, path: RegExp, handler: Handler][] = [
  ["GET", /^\/healthz$/, health],
  ["GET", /^\/$/, homePage],
  ["GET", /^\/signup$/, signupPage],
  ["GET", /^\/upload$/, uploadPage],
  ["GET", /^\/api\/products$/, listProducts],
  ["GET", /^\/api\/products\/(\d+)$/, getProduct],
  ["GET", /^\/api\/products\/by-sku$/, productBySku],
  ["GET", /^\/api\/products\/by-number$/, productByNumber],
  ["GET", /^\/api\/products\/arrivals$/, arrivals],
  ["GET", /^\/api\/products\/cards$/, productCards],
  ["GET", /^\/api\/catalogue$/, catalogue],
  ["POST", /^\/api\/users$/, createUser],
  ["GET", /^\/api\/users\/today$/, listTodaysUsers],
  ["POST", /^\/api\/uploads$/, createUpload],
  ["GET", /^\/api\/uploads$/, listUploads],
  ["GET", /^\/api\/uploads\/([0-9a-f-]{36})$/, getUpload],
];

export function createServer(ctx: AppContext): Server {
  return createHttpServer((req, res) => {
    const started = Date.now();
    const url = new URL(req.url ?? "/", "http://shop.local");
    res.on("finish", () => {
      const ms = Date.now() - started;
      const line = `${req.method} ${url.pathname}${url.search} ${res.statusCode} ${ms}ms`;
      if (ms >= 1000) ctx.log.warn(`slow request: ${line}`);
      else if (url.pathname === "/healthz")
        ctx.log.debug(line); // every few seconds: the container healthcheck
      else ctx.log.info(line);
    });
    void handle(ctx, req, res, url);
  });
}

async function handle(ctx: AppContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  try {
    if (applyCors(ctx.config.cors, req, res, url.pathname)) return;
    for (const [method, path, handler] of routes) {
      const match = path.exec(url.pathname);
      if (match && req.method === method) return await handler(ctx, req, res, url, match);
    }
    throw new HttpError(404, `no route for ${req.method} ${url.pathname}`);
  } catch (err) {
    const status = err instanceof HttpError ? err.status : 500;
    const message = (err as Error).message;
    const requestId = String(req.headers["x-request-id"] ?? "-");
    if (status >= 500) ctx.log.error(`${req.method} ${url.pathname} failed (request ${requestId}): ${message}`);
    // Customers get the details of their own mistakes (4xx), never of ours.
    if (!res.headersSent)
      sendJson(res, status, status >= 500 ? { error: "internal error", requestId } : { error: message });
    else res.end();
  }
}
