/**
 * A customer's upload through the proxy, proved stored on both sides of the hop: the bytes read back
 * straight from the app (GET /api/uploads/:id, bypassing the proxy) and the row in the database with
 * their size and SHA-256. A proxy that answers 201 itself, or an app that only says "stored", fails.
 * The random bytes are the proof: nothing can name their hash without receiving them.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Observe } from "../_sdk";
import { requestJson, shown } from "./http";

/** The app instance's own port, for reading an upload back without the proxy. */
const APP = { instance: "app", port: 3000 } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type UploadProof =
  | { stored: true; id: string; ms: number }
  /** `status`: what the upload through the proxy answered (0: nothing). `problem`: what a player reads. */
  | { stored: false; status: number; problem: string };

export async function uploadAndReadBack(
  observe: Observe,
  size: number,
  opts: { timeoutMs?: number } = {},
): Promise<UploadProof> {
  const body = randomBytes(size);
  const sha256 = createHash("sha256").update(body).digest("hex");
  const res = await requestJson(observe, "/api/uploads", {
    method: "POST",
    body,
    headers: { "content-type": "application/octet-stream", "x-filename": `report-${sha256.slice(0, 8)}.pdf` },
    timeoutMs: opts.timeoutMs ?? 10_000,
  });
  const error = res.json?.error ? `: ${shown(res.json.error)}` : "";
  if (res.status !== 201)
    return { stored: false, status: res.status, problem: `answers ${res.status || "nothing"}${error}` };

  const upload = res.json?.upload as { id?: unknown } | undefined;
  const id = typeof upload?.id === "string" ? upload.id : "";
  if (!UUID.test(id))
    return { stored: false, status: res.status, problem: "answers 201 but names no upload that can be read back" };

  const back = await observe.direct(APP.instance, APP.port, `/api/uploads/${id}`, {
    timeoutMs: opts.timeoutMs ?? 10_000,
  });
  if (back.status !== 200)
    return {
      stored: false,
      status: res.status,
      problem: `answers 201, but the app cannot give upload ${id} back (${back.status || back.error || "no answer"})`,
    };
  if (!back.bytes.equals(body))
    return {
      stored: false,
      status: res.status,
      problem: `answers 201, but upload ${id} reads back with other bytes than the ${size} sent`,
    };

  const rows = await observe.sql("SELECT size_bytes::text AS size, sha256 FROM public.uploads WHERE id::text = $1", [
    id,
  ]);
  const row = rows[0];
  if (!row || row.size !== String(size) || row.sha256 !== sha256)
    return {
      stored: false,
      status: res.status,
      problem: `answers 201, but the database has no record of upload ${id} with the bytes sent`,
    };
  return { stored: true, id, ms: res.ms };
}
