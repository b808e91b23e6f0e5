/** Reading JSON bodies (size-capped, schema-checked) and writing JSON answers. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { OrchestratorError } from "../errors";

export const MAX_BODY = 256 * 1024;

/** Refuse a declared length over the cap before a byte of the body is read. */
export function checkDeclaredLength(req: IncomingMessage, max = MAX_BODY): void {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (!Number.isFinite(declared) || declared > max) throw new OrchestratorError("too_large", `body over ${max} bytes`);
}

export async function readJson<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  checkDeclaredLength(req);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new OrchestratorError("too_large", `body over ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.concat(chunks).toString("utf8") || "null");
  } catch {
    throw new OrchestratorError("bad_request", "body is not JSON");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new OrchestratorError(
      "bad_request",
      parsed.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; "),
    );
  }
  return parsed.data;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    // A body left unread is not drained for keep-alive: the connection closes instead.
    ...(res.req.complete ? {} : { connection: "close" }),
  });
  res.end(text);
}
