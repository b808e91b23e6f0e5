/**
 * Observations of an instance that no program inside it takes part in: its files
 * through the engine's archive API, its processes through the host's `ps`
 * (`docker top`), its volumes' free space from the keeper (a container of the
 * pristine image that players cannot reach).
 */
import { readFile } from "node:fs/promises";
import type { Header } from "tar-stream";
import type { FileFacts, ProcessFacts, VolumeFacts } from "../../../levels/_sdk";
import { archiveEntry, topProcesses } from "../../docker/archive";
import { runExec } from "../../docker/exec";
import { OrchestratorError } from "../../errors";

const TYPES: Record<string, FileFacts["type"]> = {
  file: "file",
  "contiguous-file": "file",
  directory: "directory",
  symlink: "symlink",
  link: "file",
  fifo: "fifo",
  "character-device": "char-device",
  "block-device": "block-device",
};

export function factsOf(path: string, h: Header): FileFacts {
  return {
    path,
    type: TYPES[h.type ?? "file"] ?? "other",
    size: h.size ?? 0,
    mode: (h.mode ?? 0) & 0o7777,
    uid: h.uid ?? 0,
    gid: h.gid ?? 0,
    linkTarget: h.linkname ?? "",
    mtime: h.mtime ?? new Date(0),
  };
}

export async function fileFacts(containerId: string, path: string): Promise<FileFacts | null> {
  const entry = await archiveEntry(containerId, path);
  return entry ? factsOf(path, entry.header) : null;
}

export async function readRegularFile(containerId: string, path: string, maxBytes: number): Promise<Buffer | null> {
  const entry = await archiveEntry(containerId, path, { wantContent: true, maxBytes });
  if (!entry || entry.header.type !== "file") return null;
  return entry.content;
}

const PS_COLUMNS = ["pid", "ppid", "uid", "pcpu", "rss", "stat", "etimes", "args"] as const;

export async function listProcesses(containerId: string): Promise<ProcessFacts[]> {
  const { titles, processes } = await topProcesses(containerId, `-eo ${PS_COLUMNS.join(",")}`);
  const at = (name: string) => titles.findIndex((t) => t.trim().toLowerCase() === name);
  const col = {
    pid: at("pid"),
    ppid: at("ppid"),
    uid: at("uid"),
    cpu: at("%cpu"),
    rss: at("rss"),
    stat: at("stat"),
    elapsed: at("elapsed"),
    command: at("command"),
  };
  return processes.map((row) => ({
    pid: Number(row[col.pid]),
    ppid: Number(row[col.ppid]),
    uid: Number(row[col.uid]),
    cpuPercent: Number(row[col.cpu]) || 0,
    rssKb: Number(row[col.rss]) || 0,
    state: row[col.stat] ?? "",
    elapsedSeconds: Number(row[col.elapsed]) || 0,
    command: row[col.command] ?? row[row.length - 1] ?? "",
  }));
}

/** df of the keeper's mount of a volume (the keeper runs the pristine image; no player shell reaches it). */
export async function volumeFacts(keeperId: string, keeperPath: string, mountPath: string): Promise<VolumeFacts> {
  const out = await runExec(keeperId, ["df", "-B1", "--output=size,used,avail", keeperPath], { timeoutMs: 5_000 });
  const numbers = out.stdout.trim().split("\n").pop()?.trim().split(/\s+/).map(Number) ?? [];
  const [size, used, avail] = numbers;
  if (out.exitCode !== 0 || size === undefined || used === undefined || avail === undefined || numbers.some(isNaN))
    throw new OrchestratorError("internal", `df of ${mountPath} failed: ${(out.stderr || out.stdout).trim()}`);
  return { mountPath, sizeBytes: size, usedBytes: used, availBytes: avail };
}

/**
 * A container process's environment as the kernel holds it (`/proc/<pid>/environ` on the
 * engine's host; `docker top` reports host pids). Only for a pid that belongs to the container.
 */
export async function processEnvironment(containerId: string, pid: number): Promise<Record<string, string> | null> {
  const owned = (await listProcesses(containerId)).some((p) => p.pid === pid);
  if (!owned) return null;
  let raw: Buffer;
  try {
    raw = await readFile(`/proc/${pid}/environ`);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ESRCH") return null;
    throw new OrchestratorError("unavailable", `cannot read the environment of process ${pid} (${code})`);
  }
  const env: Record<string, string> = {};
  for (const entry of raw.toString("utf8").split("\0")) {
    const eq = entry.indexOf("=");
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}

/**
 * Signal a container's process from the engine's host (host pid, as `docker top` reports it):
 * only a pid the container owns, so a stale or foreign pid is never hit.
 */
export async function signalProcess(containerId: string, pid: number, signal: NodeJS.Signals): Promise<boolean> {
  const owned = (await listProcesses(containerId)).some((p) => p.pid === pid);
  if (!owned) return false;
  try {
    process.kill(pid, signal);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ESRCH") return false;
    throw new OrchestratorError("unavailable", `cannot signal process ${pid} (${code})`);
  }
}
