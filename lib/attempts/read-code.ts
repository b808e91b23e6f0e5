/**
 * The service's source, read-only: the files under the level's `code` paths in
 * the app instance, listed and read through the orchestrator's exec. Paths are
 * checked against those roots and quoted, never interpolated raw.
 */
import path from "node:path/posix";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { authorizeAttempt } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";
import { manifestOf } from "../core/level-manifest";

const CODE_INSTANCE = "app";
const MAX_FILES = 300;
const MAX_BYTES = 200_000;
const SAFE_PATH = /^\/[A-Za-z0-9._\-/]+$/;

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

async function setup(actor: Actor, attemptId: string, deps: Deps) {
  const { attempt } = await authorizeAttempt(deps.db, actor, attemptId, "read");
  const env = attempt.environment;
  if (!env || env.state !== "READY")
    throw new AppError("CONFLICT", "The environment is not running, so its code cannot be read.");
  const roots = manifestOf(attempt.level)
    .code.filter((r) => SAFE_PATH.test(r))
    .map((r) => path.normalize(r));
  return { envId: env.id, roots };
}

export async function listCode(
  actor: Actor,
  attemptId: string,
  deps: Deps = defaultDeps(),
): Promise<{ roots: string[]; files: string[] }> {
  const { envId, roots } = await setup(actor, attemptId, deps);
  if (roots.length === 0) return { roots, files: [] };
  const script = `find ${roots.map(quote).join(" ")} -type f -not -path '*/node_modules/*' 2>/dev/null | sort | head -n ${MAX_FILES}`;
  const out = await deps.orchestrator.exec(envId, { instance: CODE_INSTANCE, script, timeoutMs: 10_000 });
  return { roots, files: out.stdout.split("\n").filter((f) => f.length > 0) };
}

export async function readCodeFile(
  actor: Actor,
  attemptId: string,
  file: string,
  deps: Deps = defaultDeps(),
): Promise<{ file: string; content: string; truncated: boolean }> {
  const { envId, roots } = await setup(actor, attemptId, deps);
  const normal = path.normalize(file);
  const inside =
    SAFE_PATH.test(normal) && roots.some((r) => normal === r || normal.startsWith(r.endsWith("/") ? r : `${r}/`));
  if (!inside) throw new AppError("FORBIDDEN", "That file is not part of the code you may read.");
  const out = await deps.orchestrator.exec(envId, {
    instance: CODE_INSTANCE,
    script: `head -c ${MAX_BYTES + 1} ${quote(normal)}`,
    timeoutMs: 10_000,
  });
  if (out.exitCode !== 0)
    throw new AppError("NOT_FOUND", `Could not read ${normal}: ${out.stderr.trim() || "no such file"}`);
  return { file: normal, content: out.stdout.slice(0, MAX_BYTES), truncated: out.stdout.length > MAX_BYTES };
}
