/** GET /healthz: the process answers; reports the database and the clock it runs on. */
import { sendJson } from "../http-util";
import { localTimestamp } from "../log";
import type { Handler } from "../server";

export const health: Handler = async (ctx, _req, res) => {
  let db = "ok";
  try {
    await Promise.race([
      ctx.pool.query("SELECT 1"),
      new Promise((_, reject) => setTimeout(() => reject(new Error("no answer within 1 s")), 1000).unref()),
    ]);
  } catch (err) {
    db = `error: ${(err as Error).message}`;
  }
  sendJson(res, 200, {
    status: "ok",
    version: ctx.config.version,
    uptimeSeconds: Math.round((Date.now() - ctx.startedAt.getTime()) / 1000),
    time: localTimestamp(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    db,
  });
};
