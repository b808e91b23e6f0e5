/**
 * Token checks shared by the sockets and the app proxy: signature and expiry
 * (access/authorize.ts), then revocation; and the open sessions that a revocation
 * or an expiry ends within SWEEP_MS.
 */
import { join } from "node:path";
import type { AccessTokenPayload } from "../../lib/contracts/access-token";
import { OrchestratorError } from "../errors";
import { authorizeToken } from "./authorize";
import { OpenSessions } from "./open-sessions";
import { Revocations } from "./revocations";

export const SWEEP_MS = 1000;

export class AccessControl {
  readonly revocations: Revocations;
  readonly sessions = new OpenSessions();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly secret: string,
    stateDir?: string,
  ) {
    this.revocations = new Revocations(stateDir ? join(stateDir, "revocations.json") : undefined);
  }

  /** A valid, unexpired, unrevoked token's payload; OrchestratorError("unauthorized") otherwise. */
  verify(token: unknown, now = Date.now()): AccessTokenPayload {
    const payload = authorizeToken(token, this.secret, now);
    if (this.revocations.isRevoked(payload)) throw new OrchestratorError("unauthorized", "token refused: revoked");
    return payload;
  }

  isValid(payload: AccessTokenPayload, now = Date.now()): boolean {
    return payload.exp * 1000 > now && !this.revocations.isRevoked(payload);
  }

  /** Revoke, then end what is open on the revoked tokens at once; returns how many ended. */
  revoke(input: { sessions?: readonly string[]; users?: readonly string[] }): number {
    this.revocations.revoke(input);
    return this.sweep();
  }

  sweep(): number {
    return this.sessions.sweep((p) => this.revocations.isRevoked(p));
  }

  startSweeping(): void {
    this.timer ??= setInterval(() => this.sweep(), SWEEP_MS);
    this.timer.unref();
  }

  stopSweeping(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
