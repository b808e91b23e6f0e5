/** Reading JSON bodies (size-capped, schema-checked) and writing JSON answers. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { OrchestratorError } from "../errors";

const MAX_BODY = 256 * 1024;

export async function readJson<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new OrchestratorError("bad_request", `body over ${MAX_BODY} bytes`);
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
  });
  res.end(text);
}
