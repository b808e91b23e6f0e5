/**
 * App-proxy grants: a browser opens `/app/<env>/…?token=` once and is sent to
 * `/app/<env>/~<grant>/…`, a random id that stands for the token until it
 * expires. The page's relative links keep the grant (no cookie is needed, which
 * a sandboxed page would not send anyway), and the environment, which sees its
 * URLs, learns a capability for its own app only, never the token.
 */
import { randomBytes } from "node:crypto";
import type { AccessTokenPayload } from "../../../lib/contracts/access-token";

export const GRANT = /^~([A-Za-z0-9_-]{32})(?:\/(.*))?$/s;
const MAX_GRANTS = 20_000;

export class Grants {
  private readonly byId = new Map<string, AccessTokenPayload>();
  private readonly byToken = new Map<string, string>();
  private issued = 0;

  /** The grant for this token (the same one when the link is opened again). */
  issue(token: string, payload: AccessTokenPayload, now = Date.now()): string {
    const known = this.byToken.get(token);
    if (known && this.byId.has(known)) return known;
    if (++this.issued % 1000 === 0 || this.byId.size >= MAX_GRANTS) this.prune(now);
    // Still full of live grants: forget the oldest (Maps iterate in insertion order).
    while (this.byId.size >= MAX_GRANTS) {
      const oldest = this.byId.keys().next().value as string;
      this.byId.delete(oldest);
    }
    const id = randomBytes(24).toString("base64url");
    this.byId.set(id, payload);
    this.byToken.set(token, id);
    return id;
  }

  /** The token's payload behind a grant; undefined when unknown or expired. */
  get(id: string, now = Date.now()): AccessTokenPayload | undefined {
    const payload = this.byId.get(id);
    if (payload && payload.exp * 1000 <= now) {
      this.byId.delete(id);
      return undefined;
    }
    return payload;
  }

  private prune(now: number): void {
    for (const [id, p] of this.byId) if (p.exp * 1000 <= now) this.byId.delete(id);
    for (const [t, id] of this.byToken) if (!this.byId.has(id)) this.byToken.delete(t);
  }
}
