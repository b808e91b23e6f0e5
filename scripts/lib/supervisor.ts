/**
 * Keeps the game's long-running children alive: each runs in a process group of
 * its own; one that exits (crash, kill -9, OOM) is restarted with backoff, and
 * the supervisor says so in one line. A crash loop is reported on every exit
 * while it lasts, never hidden.
 */
import type { ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { DEFAULT_RESTART_POLICY, decideRestart, type ExitHistory, type RestartPolicy } from "./restart-policy";
import type { RotatingLog } from "./rotating-log";

export interface ServiceSpec {
  name: string;
  /** Start the process: spawned with `detached: true` and piped stdout/stderr. */
  spawn: () => ChildProcess;
  /** Resolves once the service serves (port answers, query works); rejects on timeout. */
  ready?: () => Promise<void>;
  /** Signal for a graceful stop (default SIGTERM). */
  stopSignal?: NodeJS.Signals;
  log?: RotatingLog;
}

export interface ServiceStatus {
  name: string;
  pid: number | undefined;
  restarts: number;
  crashLoop: boolean;
  lastExit: string | undefined;
}

interface Running {
  spec: ServiceSpec;
  child: ChildProcess | undefined;
  startedAt: number;
  history: ExitHistory;
  restarts: number;
  crashLoop: boolean;
  lastExit: string | undefined;
  timer: NodeJS.Timeout | undefined;
  stopped: boolean;
}

const describeExit = (code: number | null, signal: NodeJS.Signals | null) => signal ?? `exit ${code}`;

export function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  try {
    if (pid) process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

export class Supervisor {
  private readonly services = new Map<string, Running>();

  constructor(
    private readonly say: (line: string) => void,
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
    private readonly onChange: () => void = () => undefined,
  ) {}

  /** Start a service and wait until it is ready (its first start failing is an error). */
  async add(spec: ServiceSpec): Promise<void> {
    const s: Running = {
      spec,
      child: undefined,
      startedAt: 0,
      history: { streak: 0, exits: [] },
      restarts: 0,
      crashLoop: false,
      lastExit: undefined,
      timer: undefined,
      stopped: false,
    };
    this.services.set(spec.name, s);
    this.launch(s);
    await this.whenReady(s);
  }

  status(): ServiceStatus[] {
    return [...this.services.values()].map((s) => ({
      name: s.spec.name,
      pid: s.child?.pid,
      restarts: s.restarts,
      crashLoop: s.crashLoop,
      lastExit: s.lastExit,
    }));
  }

  /** Stop one service gracefully (SIGKILL after timeoutMs); it is not restarted. */
  async stop(name: string, timeoutMs = 10_000): Promise<void> {
    const s = this.services.get(name);
    if (!s) return;
    s.stopped = true;
    clearTimeout(s.timer);
    const child = s.child;
    if (!child || !isRunning(child)) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    signalGroup(child.pid, s.spec.stopSignal ?? "SIGTERM");
    const timer = setTimeout(() => {
      this.say(`${name} did not stop within ${timeoutMs / 1000} s; killing it`);
      signalGroup(child.pid, "SIGKILL");
    }, timeoutMs);
    await exited;
    clearTimeout(timer);
    // Anything the child left in its group goes with it.
    signalGroup(child.pid, "SIGKILL");
  }

  /** Kill everything at once (the supervisor itself is about to die). */
  killAll(): void {
    for (const s of this.services.values()) {
      s.stopped = true;
      clearTimeout(s.timer);
      signalGroup(s.child?.pid, "SIGKILL");
    }
  }

  private launch(s: Running): void {
    const child = s.spec.spawn();
    s.child = child;
    s.startedAt = Date.now();
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      const out = stream === child.stderr ? process.stderr : process.stdout;
      createInterface({ input: stream }).on("line", (line) => {
        out.write(`${line}\n`);
        s.spec.log?.write(`${line}\n`);
      });
    }
    child.on("error", (err) => this.say(`${s.spec.name} could not start: ${err.message}`));
    child.on("exit", (code, signal) => this.onExit(s, child, code, signal));
    this.onChange();
  }

  private onExit(s: Running, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (s.stopped || s.child !== child) return;
    // Grandchildren of a crashed child must not keep its port or its files.
    signalGroup(child.pid, "SIGKILL");
    const now = Date.now();
    const decision = decideRestart(s.history, now - s.startedAt, now, this.policy);
    s.history = decision.history;
    s.crashLoop = decision.crashLoop;
    s.lastExit = describeExit(code, signal);
    const ran = ((now - s.startedAt) / 1000).toFixed(1);
    this.say(
      `${s.spec.name} stopped unexpectedly (${s.lastExit}, pid ${child.pid}, after ${ran} s); restarting in ${(decision.delayMs / 1000).toFixed(2)} s`,
    );
    if (decision.crashLoop) {
      this.say(
        `CRASH LOOP: ${s.spec.name} stopped ${decision.exitsInWindow} times in the last ${this.policy.crashLoopWindowMs / 1000} s (last: ${s.lastExit}); still restarting with backoff — read its log`,
      );
    }
    this.onChange();
    s.timer = setTimeout(() => {
      if (s.stopped) return;
      s.restarts++;
      this.launch(s);
      this.whenReady(s).then(
        () =>
          this.say(
            `${s.spec.name} is back (pid ${s.child?.pid}, serving ${((Date.now() - now) / 1000).toFixed(1)} s after it stopped)`,
          ),
        (err: unknown) =>
          this.say(`${s.spec.name} restarted but is not ready: ${err instanceof Error ? err.message : String(err)}`),
      );
    }, decision.delayMs);
  }

  private async whenReady(s: Running): Promise<void> {
    const child = s.child!;
    const died = new Promise<never>((_, reject) =>
      child.once("exit", (code, signal) =>
        reject(new Error(`${s.spec.name} stopped while starting (${describeExit(code, signal)})`)),
      ),
    );
    died.catch(() => undefined);
    if (s.spec.ready) await Promise.race([s.spec.ready(), died]);
  }
}
