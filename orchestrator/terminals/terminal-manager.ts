/**
 * Terminal sessions keyed by environment + instance + session key: several
 * sessions at once, several viewers per session, re-attach after a reconnect.
 * A shell can be opened ahead of its player (`prewarm`, when an attempt's
 * environment becomes ready): the player's first connection without a session
 * key takes it, so the engine's exec and bash's login are not on their way.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { EnvironmentDriver } from "../driver/types";
import { OrchestratorError } from "../errors";
import { CastWriter, DEFAULT_CAST_LIMITS, type CastLimits } from "./asciicast";
import { TerminalSession } from "./terminal-session";

export const SESSION_KEY = /^[A-Za-z0-9_-]{1,64}$/;
const SHELL = ["sh", "-c", "if command -v bash >/dev/null 2>&1; then exec bash -l; else exec sh -l; fi"];
/**
 * Every shell carries `FIREDRILL_SHELL=<boot>.<session>` in its environment (the kernel's copy,
 * read from the host), so shells this process no longer serves — left by an earlier run of the
 * orchestrator, or whose session ended — can be found and hung up like a closed SSH login.
 */
export const SHELL_MARKER = "FIREDRILL_SHELL";
/** Said in a shell that replaces one the player had (same session key, the old shell is gone). */
export const REPLACED_NOTICE =
  "\r\n\x1b[33m[firedrill] This is a new shell: your previous one here had ended (the game restarted or it sat idle). Jobs it started in the background were hung up.\x1b[0m\r\n";

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
  /** Shells opened ahead of their player, by environment/instance: taken by the first keyless rw connection. */
  private readonly spares = new Map<string, Promise<TerminalSession | null>>();
  /** Where a shell was opened ahead already (once per environment and instance). */
  private readonly prewarmed = new Set<string>();
  /** This run's mark on its shells: shells with another mark are not ours to keep. */
  readonly bootId = randomBytes(6).toString("hex");
  /** The mark of each live or opening session's shell, by session key (a reused key gets a new mark). */
  private readonly marks = new Map<string, string>();
  private generation = 0;
  /** A shell younger than this is never hung up (its session may still be registering). */
  reapMinAgeSeconds = 20;

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
    if (req.session === undefined) {
      const spare = await this.takeSpare(req);
      if (spare) return spare;
    }
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

  /**
   * Open a shell on an instance ahead of its player (once per environment and instance). It is not
   * recorded, and no watcher sees it, until a player takes it; unclaimed, it ends like any idle session.
   * Resolves once it is open (or failed to open: the player's connection then opens its own).
   */
  prewarm(envId: string, slot: string, instance: string): Promise<void> {
    const where = `${envId}/${instance}`;
    if (this.prewarmed.has(where)) return Promise.resolve();
    this.prewarmed.add(where);
    const id = randomBytes(8).toString("hex");
    const key = `${where}/${id}`;
    const spare = this.create(key, id, { envId, slot, instance, mode: "rw", user: "" }, false).catch(() => null);
    this.spares.set(where, spare);
    return spare.then(() => undefined);
  }

  /** The instance's waiting shell, now recorded under `req.user`; null when there is none (or it ended). */
  private async takeSpare(req: OpenRequest): Promise<TerminalSession | null> {
    const where = `${req.envId}/${req.instance}`;
    const spare = this.spares.get(where);
    if (!spare) return null;
    this.spares.delete(where); // taken at once: a second connection gets a shell of its own
    const session = await spare;
    if (!session || session.isClosed) return null;
    session.record(this.castFor(req, session.id));
    return session;
  }

  /** Read-only viewers watch an existing session: the named one, or the most recently used one. */
  private watch(req: OpenRequest): TerminalSession {
    const candidates = [...this.sessions.values()].filter(
      (s) =>
        s.envId === req.envId &&
        s.instance === req.instance &&
        !s.isClosed &&
        s.recordingFile !== null && // a shell nobody has taken yet is nobody's to watch
        (!req.session || s.id === req.session),
    );
    const best = candidates.sort((a, b) => b.lastActivity - a.lastActivity)[0];
    if (!best)
      throw new OrchestratorError(
        "not_found",
        `no ${req.session ? `session ${req.session}` : "session"} to watch on ${req.instance}`,
      );
    return best;
  }

  private castFor(req: OpenRequest, id: string): CastWriter {
    return new CastWriter(
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
  }

  private async create(key: string, id: string, req: OpenRequest, recorded = true): Promise<TerminalSession> {
    const castDir = join(this.recordingsDir, req.envId);
    const replaced = req.session !== undefined && existsSync(join(castDir, `${id}.cast`));
    const mark = `${this.bootId}.${id}.${++this.generation}`;
    this.marks.set(key, mark);
    let tty;
    try {
      tty = await this.driver.openTty(req.slot, req.instance, SHELL, {
        env: { TERM: "xterm-256color", LANG: "C.UTF-8", [SHELL_MARKER]: mark },
      });
    } catch (err) {
      this.marks.delete(key);
      throw err;
    }
    await tty.resize(80, 24).catch(() => undefined);
    const cast = recorded ? this.castFor(req, id) : null;
    const session = new TerminalSession(key, id, req.envId, req.instance, tty, cast, this.keepAliveMs, (s) => {
      if (this.sessions.get(s.key) === s) this.sessions.delete(s.key);
      if (this.marks.get(s.key) === mark) this.marks.delete(s.key);
    });
    this.sessions.set(key, session);
    if (replaced) session.notice(REPLACED_NOTICE);
    return session;
  }

  /**
   * Hang up the shells in an environment's instances that no session of this run serves (an
   * earlier run's, or a session that ended): SIGHUP, as a closed terminal would (bash passes it
   * on to its jobs), then SIGKILL for a shell that ignores it. Returns how many were hung up.
   */
  async reapOrphanShells(envId: string, slot: string, instances: string[]): Promise<number> {
    // Read at the moment of deciding: a session may open while the processes are listed.
    const ours = () => new Set([...this.marks].filter(([key]) => key.startsWith(`${envId}/`)).map(([, m]) => m));
    let reaped = 0;
    for (const instance of instances) {
      const procs = await this.driver.processes(slot, instance);
      const pids = new Set(procs.map((p) => p.pid));
      const orphans: number[] = [];
      // Only shells are candidates (reading every process's environment would cost a `docker top` each).
      const shells = procs.filter(
        (x) => /^(\S*\/)?-?(ba)?sh( |$)/.test(x.command) && x.elapsedSeconds >= this.reapMinAgeSeconds,
      );
      for (const p of shells) {
        const env = await this.driver.processEnvironment(slot, instance, p.pid);
        const mark = env?.[SHELL_MARKER];
        // The shell itself: its parent is outside the container (the engine's exec), not a marked shell.
        if (mark && !ours().has(mark) && !pids.has(p.ppid)) orphans.push(p.pid);
      }
      for (const pid of orphans) if (await this.driver.signal(slot, instance, pid, "SIGHUP")) reaped++;
      if (!orphans.length) continue;
      await new Promise((r) => setTimeout(r, 2000));
      for (const pid of orphans) await this.driver.signal(slot, instance, pid, "SIGKILL").catch(() => false);
    }
    return reaped;
  }

  closeEnvironment(envId: string): void {
    for (const where of [...this.prewarmed]) if (where.startsWith(`${envId}/`)) this.prewarmed.delete(where);
    for (const [where, spare] of this.spares)
      if (where.startsWith(`${envId}/`)) {
        this.spares.delete(where);
        void spare.then((s) => s?.close()); // one still opening ends once it is open
      }
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
    return new Set([...this.sessions.values()].flatMap((s) => (s.recordingFile ? [s.recordingFile] : [])));
  }

  count(): number {
    return this.sessions.size;
  }
}
