/**
 * Sessions and people the web app has revoked. A token naming a revoked session
 * (`sid`), or a revoked person's token issued up to the revocation (`iat`), is
 * refused. Entries are kept as long as a token issued before them can live
 * (MAX_TOKEN_TTL_SECONDS), in one JSON file written atomically so a restart
 * does not bring revoked tokens back.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { MAX_TOKEN_TTL_SECONDS, type AccessTokenPayload } from "../../lib/contracts/access-token";

const FileSchema = z.object({
  sessions: z.record(z.string(), z.number()),
  users: z.record(z.string(), z.number()),
});

export class Revocations {
  private sessions = new Map<string, number>();
  private users = new Map<string, number>();

  constructor(
    private readonly file?: string,
    private readonly keepMs = MAX_TOKEN_TTL_SECONDS * 1000 + 60_000,
  ) {
    if (!file) return;
    try {
      const saved = FileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
      this.sessions = new Map(Object.entries(saved.sessions));
      this.users = new Map(Object.entries(saved.users));
    } catch {
      /* no file yet, or unreadable: start empty (tokens still expire) */
    }
  }

  revoke(input: { sessions?: readonly string[]; users?: readonly string[] }, now = Date.now()): void {
    for (const s of input.sessions ?? []) this.sessions.set(s, now);
    for (const u of input.users ?? []) this.users.set(u, now);
    this.prune(now);
    this.save();
  }

  isRevoked(p: AccessTokenPayload): boolean {
    if (p.sid !== undefined && this.sessions.has(p.sid)) return true;
    const userAt = this.users.get(p.sub);
    // Tokens without `iat` predate revocation support: a person's revocation refuses them too.
    return userAt !== undefined && (p.iat ?? 0) * 1000 <= userAt;
  }

  private prune(now: number): void {
    for (const map of [this.sessions, this.users]) for (const [k, at] of map) if (now - at > this.keepMs) map.delete(k);
  }

  private save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(
      tmp,
      JSON.stringify({ sessions: Object.fromEntries(this.sessions), users: Object.fromEntries(this.users) }),
    );
    renameSync(tmp, this.file);
  }
}
