/**
 * A short-lived token for the orchestrator's terminals, live feed and app
 * proxy: read-write for the attempt's players, read-only for facilitators.
 */
import "server-only";
import type { Actor } from "../auth/actor";
import { signAccessToken } from "../contracts/access-token";
import { env } from "../env";
import { AppError } from "../errors";
import { authorizeAttempt, type AttemptMode } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";

export const TOKEN_TTL_SECONDS = 300;

export interface IssuedToken {
  token: string;
  mode: AttemptMode;
  envId: string;
  publicUrl: string;
  expiresAt: string;
}

export async function issueAccessToken(
  actor: Actor,
  attemptId: string,
  deps: Deps = defaultDeps(),
  config: { secret: string; publicUrl: string } = {
    secret: env().ORCHESTRATOR_SECRET,
    publicUrl: env().ORCHESTRATOR_PUBLIC_URL,
  },
): Promise<IssuedToken> {
  const { attempt, mode } = await authorizeAttempt(deps.db, actor, attemptId, "read");
  const environment = attempt.environment;
  if (!environment || environment.state === "DESTROYED")
    throw new AppError("CONFLICT", "This incident's environment has been torn down.");
  if (environment.state !== "READY") throw new AppError("CONFLICT", "The environment is not ready yet.");
  const now = deps.now().getTime();
  const token = signAccessToken(
    {
      env: environment.id,
      attempt: attempt.id,
      sub: actor.id,
      name: actor.name,
      mode,
      // Revoking this browser's session reaches the orchestrator by this id.
      ...(actor.sessionId ? { sid: actor.sessionId } : {}),
    },
    config.secret,
    TOKEN_TTL_SECONDS,
    now,
  );
  return {
    token,
    mode,
    envId: environment.id,
    publicUrl: config.publicUrl.replace(/\/$/, ""),
    expiresAt: new Date(now + TOKEN_TTL_SECONDS * 1000).toISOString(),
  };
}
