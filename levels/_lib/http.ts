/** HTTP through the app's entry point (the proxy), parsed as JSON when it is JSON. */
import type { HttpResult, Observe } from "../_sdk";

export interface JsonReply {
  status: number;
  ms: number;
  json: Record<string, unknown> | undefined;
  body: string;
  headers: Record<string, string>;
  bytes: Buffer;
}

/** Anything with an `http` like Observe's: `ctx.observe` in a check, `ctx` in a fault. */
export type HttpTarget = Pick<Observe, "http">;

export async function requestJson(
  ctx: HttpTarget,
  path: string,
  init: { method?: string; json?: unknown; body?: Buffer; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<JsonReply> {
  const headers = { ...(init.headers ?? {}) };
  let body: string | Buffer | undefined = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers["content-type"] = "application/json";
  }
  const started = Date.now();
  let res: Pick<HttpResult, "status" | "body" | "ms" | "headers" | "bytes">;
  try {
    res = await ctx.http(path, { method: init.method ?? "GET", body, headers, timeoutMs: init.timeoutMs ?? 5000 });
  } catch (err) {
    // No answer at all (refused, reset, timed out): status 0, the reason as the body.
    res = { status: 0, body: (err as Error).message, ms: Date.now() - started, headers: {}, bytes: Buffer.alloc(0) };
  }
  let json: Record<string, unknown> | undefined;
  try {
    const value: unknown = JSON.parse(res.body);
    if (value && typeof value === "object" && !Array.isArray(value)) json = value as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: res.status, ms: res.ms, json, body: res.body, headers: res.headers, bytes: res.bytes };
}

/** "1.2 s" or "340 ms". */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** A JSON value as a player would read it in a message: strings as they are, anything else as JSON. */
export function shown(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? "");
}
