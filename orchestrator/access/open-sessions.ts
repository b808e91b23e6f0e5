/**
 * Everything a browser holds open on a token (terminal and environment sockets,
 * app-proxy responses): ended when the token expires or is revoked. A socket may
 * swap in a fresh token (same environment, attempt, person and mode) to live on.
 */
import type { AccessTokenPayload } from "../../lib/contracts/access-token";

export interface OpenSession {
  payload: AccessTokenPayload;
  /** Close it, telling the holder why. Called once. */
  end(reason: "expired" | "revoked"): void;
}

export class OpenSessions {
  private readonly open = new Set<OpenSession>();

  /** Track a session; the returned function stops tracking it (when it closes by itself). */
  add(session: OpenSession): () => void {
    this.open.add(session);
    return () => void this.open.delete(session);
  }

  get size(): number {
    return this.open.size;
  }

  /** End every session whose token has expired or is revoked; returns how many ended. */
  sweep(isRevoked: (p: AccessTokenPayload) => boolean, now = Date.now()): number {
    let ended = 0;
    for (const s of [...this.open]) {
      const reason = isRevoked(s.payload) ? "revoked" : s.payload.exp * 1000 <= now ? "expired" : undefined;
      if (!reason) continue;
      this.open.delete(s);
      ended++;
      try {
        s.end(reason);
      } catch {
        /* already closed */
      }
    }
    return ended;
  }
}

/** A fresh token may replace a socket's token only for the same holder and rights. */
export function sameHolder(a: AccessTokenPayload, b: AccessTokenPayload): boolean {
  return a.env === b.env && a.attempt === b.attempt && a.sub === b.sub && a.mode === b.mode && a.sid === b.sid;
}
