/**
 * Terminal recordings on disk, `<recordings>/<envId>/<session>[.N].cast`: list
 * them with what a replay needs (instance, start, duration, size) and resolve
 * one to a file to serve. They live beside, not inside, the environment, so
 * they outlive its destruction; nothing here deletes them. Ids are checked
 * against strict patterns before any path is built, so no traversal is possible.
 */
import { open, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import {
  CastHeaderSchema,
  ENVIRONMENT_ID,
  RECORDING_ID,
  instanceOf,
  userOf,
  type CastHeader,
} from "../../lib/contracts/asciicast";
import type { RecordingSummary } from "../../lib/contracts/orchestrator-api";
import { OrchestratorError } from "../errors";

const PEEK = 64 * 1024;

export function recordingsDirOf(stateDir: string): string {
  return join(stateDir, "recordings");
}

function checkEnvId(envId: string): void {
  if (!ENVIRONMENT_ID.test(envId)) throw new OrchestratorError("bad_request", "not a valid environment id");
}

function checkSession(session: string): void {
  if (!RECORDING_ID.test(session)) throw new OrchestratorError("bad_request", "not a valid recording id");
}

async function peek(file: string, size: number): Promise<{ head: string; tail: string }> {
  const handle = await open(file, "r");
  try {
    const read = async (position: number, length: number) => {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buf, 0, length, position);
      return buf.subarray(0, bytesRead).toString("utf8");
    };
    const head = await read(0, Math.min(size, PEEK));
    const tail = size <= PEEK ? head : await read(size - PEEK, PEEK);
    return { head, tail };
  } finally {
    await handle.close();
  }
}

function parseHeader(line: string | undefined): CastHeader | null {
  try {
    const parsed = CastHeaderSchema.safeParse(JSON.parse(line ?? ""));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The time of the last complete event line (a live session may end in a half-written line). */
function lastEventSeconds(tail: string): number {
  const lines = tail.split("\n");
  for (let i = lines.length - 1; i >= 0; i--) {
    try {
      const event: unknown = JSON.parse(lines[i] ?? "");
      if (Array.isArray(event) && typeof event[0] === "number") return event[0];
    } catch {
      /* a partial or header line */
    }
  }
  return 0;
}

/** Summary of one cast file, or null when it is not a readable asciicast v2 file. */
export async function summarizeCast(file: string, session: string): Promise<RecordingSummary | null> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  const { head, tail } = await peek(file, info.size);
  const header = parseHeader(head.split("\n", 1)[0]);
  if (!header) return null;
  const startedMs = header.timestamp !== undefined ? header.timestamp * 1000 : info.birthtimeMs || info.mtimeMs;
  return {
    session,
    instance: instanceOf(header),
    user: userOf(header),
    title: header.title ?? null,
    startedAt: new Date(startedMs).toISOString(),
    durationSeconds: Math.round(lastEventSeconds(tail) * 1000) / 1000,
    bytes: info.size,
  };
}

export async function listRecordings(dir: string, envId: string): Promise<RecordingSummary[]> {
  checkEnvId(envId);
  let names: string[];
  try {
    names = await readdir(join(dir, envId));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  const sessions = names.filter((n) => n.endsWith(".cast")).map((n) => n.slice(0, -".cast".length));
  const found = await Promise.all(
    sessions.filter((s) => RECORDING_ID.test(s)).map((s) => summarizeCast(join(dir, envId, `${s}.cast`), s)),
  );
  return found
    .filter((r): r is RecordingSummary => r !== null)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.session.localeCompare(b.session));
}

/** The file of one recording, after checking both ids; not_found when it does not exist. */
export async function recordingFile(
  dir: string,
  envId: string,
  session: string,
): Promise<{ file: string; bytes: number }> {
  checkEnvId(envId);
  checkSession(session);
  const file = join(dir, envId, `${session}.cast`);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new OrchestratorError("not_found", `recording ${session} of ${envId} not found`);
  return { file, bytes: info.size };
}
