/**
 * One `npm start` per data folder: `<data>/run/firedrill.lock` names the running
 * start process and its children. A lock whose process is gone (kill -9, power
 * loss) is stale: its leftover children are stopped and the lock is cleared.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const LockSchema = z.object({
  pid: z.number().int().positive(),
  startedAt: z.string(),
  url: z.string(),
  orchestratorUrl: z.string().optional(),
  dataDir: z.string(),
  /** Process-group leaders started by this run (supervised children). */
  children: z.array(z.number().int().positive()).default([]),
  /** The same, by service name (database, orchestrator, web app), for operators and tests. */
  services: z.record(z.string(), z.number().int().positive()).default({}),
});
export type RunLock = z.infer<typeof LockSchema>;

export type Acquired = { held: true; update(patch: Partial<RunLock>): void; release(): void; stale?: StaleRun };
export type Busy = { held: false; running: RunLock };
export interface StaleRun {
  lock: RunLock | undefined;
  stoppedChildren: number[];
}

function commandOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return undefined;
  }
}

/** A lock is live only if its pid still runs the start script (pids are reused). */
export function isLive(lock: RunLock): boolean {
  return commandOf(lock.pid)?.includes("scripts/start.ts") ?? false;
}

function readLock(file: string): RunLock | undefined {
  try {
    return LockSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return undefined;
  }
}

/** SIGKILL the process groups a dead run left behind (their leader still alive). */
function stopLeftovers(lock: RunLock | undefined): number[] {
  const stopped: number[] = [];
  for (const pid of lock?.children ?? []) {
    if (commandOf(pid) === undefined) continue;
    try {
      process.kill(-pid, "SIGKILL");
      stopped.push(pid);
    } catch {
      // not a group leader any more, or gone
    }
  }
  return stopped;
}

export function acquireRunLock(file: string, mine: Omit<RunLock, "pid" | "children" | "services">): Acquired | Busy {
  mkdirSync(path.dirname(file), { recursive: true });
  let stale: StaleRun | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, "wx");
    } catch {
      const other = readLock(file);
      if (other && isLive(other)) return { held: false, running: other };
      stale = { lock: other, stoppedChildren: stopLeftovers(other) };
      rmSync(file, { force: true });
      continue;
    }
    let current: RunLock = { ...mine, pid: process.pid, children: [], services: {} };
    writeSync(fd, JSON.stringify(current, null, 2));
    closeSync(fd);
    return {
      held: true,
      stale,
      update(patch) {
        current = { ...current, ...patch };
        // Atomic: a second start must never read half a lock.
        writeFileSync(`${file}.tmp`, JSON.stringify(current, null, 2));
        renameSync(`${file}.tmp`, file);
      },
      release() {
        if (readLock(file)?.pid === process.pid) rmSync(file, { force: true });
      },
    };
  }
  throw new Error(`cannot take the run lock ${file}`);
}
