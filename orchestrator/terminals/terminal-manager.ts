/**
 * Terminal sessions keyed by environment + instance + session key: several
 * sessions at once, several viewers per session, re-attach after a reconnect.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { EnvironmentDriver } from "../driver/types";
import { OrchestratorError } from "../errors";
import { CastWriter, DEFAULT_CAST_LIMITS, type CastLimits } from "./asciicast";
import { TerminalSession } from "./terminal-session";

export const SESSION_KEY = /^[A-Za-z0-9_-]{1,64}$/;
const SHELL = ["sh", "-c", "if command -v bash >/dev/null 2>&1; then exec bash -l; else exec sh -l; fi"];

export interface OpenRequest {
  envId: string;
  slot: string;
  instance: string;
  /** Client-chosen key to share or resume a session; a new one when absent. */
  session?: string;
  mode: "rw" | "ro";
  /** Shown in the recording's title. */
  user: string;
}

export class TerminalManager {
  private readonly sessions = new Map<string, TerminalSession>();
  private readonly opening = new Map<string, Promise<TerminalSession>>();

  constructor(
    private readonly driver: EnvironmentDriver,
    private readonly recordingsDir: string,
    private readonly keepAliveMs = 10 * 60_000,
    private readonly castLimits: CastLimits = DEFAULT_CAST_LIMITS,
  ) {}

  async open(req: OpenRequest): Promise<TerminalSession> {
    if (req.session !== undefined && !SESSION_KEY.test(req.session)) {
      throw new OrchestratorError("bad_request", "session must be 1–64 letters, digits, - or _");
    }
    if (req.mode === "ro") return this.watch(req);
    const id = req.session ?? randomBytes(8).toString("hex");
    const key = `${req.envId}/${req.instance}/${id}`;
    const live = this.sessions.get(key);
    if (live && !live.isClosed) return live;
    const pending = this.opening.get(key);
    if (pending) return pending;
    const p = this.create(key, id, req).finally(() => this.opening.delete(key));
    this.opening.set(key, p);
    return p;
  }

  /** Read-only viewers watch an existing session: the named one, or the most recently used one. */
  private watch(req: OpenRequest): TerminalSession {
    const candidates = [...this.sessions.values()].filter(
      (s) =>
        s.envId === req.envId && s.instance === req.instance && !s.isClosed && (!req.session || s.id === req.session),
    );
    const best = candidates.sort((a, b) => b.lastActivity - a.lastActivity)[0];
    if (!best)
      throw new OrchestratorError(
        "not_found",
        `no ${req.session ? `session ${req.session}` : "session"} to watch on ${req.instance}`,
      );
    return best;
  }

  private async create(key: string, id: string, req: OpenRequest): Promise<TerminalSession> {
    const tty = await this.driver.openTty(req.slot, req.instance, SHELL, {
      env: { TERM: "xterm-256color", LANG: "C.UTF-8" },
    });
    await tty.resize(80, 24).catch(() => undefined);
    const cast = new CastWriter(
      join(this.recordingsDir, req.envId),
      id,
      {
        width: 80,
        height: 24,
        title: `${req.envId} ${req.instance} (${req.user})`,
        env: { TERM: "xterm-256color", SHELL: "/bin/bash" },
        firedrill: { env: req.envId, instance: req.instance, session: id, user: req.user },
      },
      this.castLimits,
    );
    const session = new TerminalSession(key, id, req.envId, req.instance, tty, cast, this.keepAliveMs, (s) => {
      if (this.sessions.get(s.key) === s) this.sessions.delete(s.key);
    });
    this.sessions.set(key, session);
    return session;
  }

  closeEnvironment(envId: string): void {
    for (const s of this.sessions.values()) if (s.envId === envId) s.close();
  }

  /** Close every shell and wait (up to 5 s) for their recordings to be complete on disk. */
  async closeAll(): Promise<void> {
    const all = [...this.sessions.values()];
    for (const s of all) s.close();
    await Promise.race([Promise.all(all.map((s) => s.finished)), new Promise((r) => setTimeout(r, 5000).unref())]);
  }

  /** Recordings being written now (the retention policy leaves them alone). */
  liveRecordingFiles(): Set<string> {
    return new Set([...this.sessions.values()].map((s) => s.recordingFile));
  }

  count(): number {
    return this.sessions.size;
  }
}
