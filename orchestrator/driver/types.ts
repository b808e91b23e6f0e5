/**
 * The boundary between environment use-cases and the machinery that runs
 * them. The Docker driver implements it today; a Kubernetes driver (namespace
 * per slot, NetworkPolicy, ResourceQuota, exec through the API server) would
 * implement the same interface.
 */
import type { Duplex } from "node:stream";
import type { StackManifest } from "../../lib/levels/stack-schema";
import type { FileFacts, ProcessFacts, VolumeFacts } from "../../levels/_sdk";
import type { SlotIdentity } from "./labels";

export interface SlotSpec {
  identity: SlotIdentity;
  stack: StackManifest;
  image: string;
}

export interface InstanceStatus {
  name: string;
  /** running, exited, restarting, created… or "missing". */
  state: string;
  health: string | null;
  /** IP address on the slot's private network, when running. */
  address: string | null;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  user?: string;
  timeoutMs?: number;
  env?: Record<string, string>;
}

export interface Tty {
  stream: Duplex;
  resize(cols: number, rows: number): Promise<void>;
  exitCode(): Promise<number>;
}

export interface InstanceSample {
  cpuPercent: number;
  memoryBytes: number;
  memoryLimitBytes: number;
  processes: number;
}

/** What the engine guarantees beyond each container's own settings (docs/SECURITY.md). */
export interface DriverPosture {
  /** Every instance's own filesystem is size-capped (stack.yaml `diskMb`). */
  diskCapped: boolean;
  /** Container root is an unprivileged host user (a user namespace). */
  userNamespace: boolean;
  detail: string;
}

/** A container of this orchestrator's that stopped (the engine's die/oom/kill event). */
export interface InstanceExit {
  action: string;
  slot: string;
  /** The instance's name, or "keeper". */
  instance: string;
  exitCode: number | null;
  at: number;
}

export interface EnvironmentDriver {
  readonly name: string;
  /** Is the engine there? Returns a version string. */
  ping(): Promise<string>;
  posture(): Promise<DriverPosture>;
  /** Stage "network": the slot's private network (no route out). Idempotent. */
  ensureNetwork(spec: SlotSpec): Promise<void>;
  /** Stage "volumes": size-capped volumes for every instance. Idempotent. */
  ensureVolumes(spec: SlotSpec): Promise<void>;
  /** Stage "containers": every instance created and started. Idempotent. */
  ensureInstances(spec: SlotSpec): Promise<void>;
  /** Remove the instances and their volumes, keeping the network (a clean restart of a slot). */
  removeInstances(slot: string): Promise<void>;
  instances(slot: string): Promise<InstanceStatus[]>;
  /** Every slot this orchestrator has objects for, with their instances. */
  slots(): Promise<Map<string, InstanceStatus[]>>;
  /** Start instances that are not running (after an engine restart). */
  startStopped(slot: string): Promise<string[]>;
  /** Make a claimed warm-pool slot carry the environment's name where names are cosmetic. */
  adopt(slot: string, environmentId: string): Promise<void>;
  exec(slot: string, instance: string, argv: string[], opts?: RunOptions): Promise<ExecResult>;
  openTty(slot: string, instance: string, argv: string[], opts?: RunOptions): Promise<Tty>;
  restart(slot: string, instance: string): Promise<void>;
  tailLogs(slot: string, instance: string, lines: number): Promise<string[]>;
  /** Follow stdout/stderr; `onEnd` fires when the stream ends (the instance stopped or restarted). */
  followLogs(
    slot: string,
    instance: string,
    onLine: (line: string) => void,
    opts?: { sinceSeconds?: number; onEnd?: () => void },
  ): Promise<() => void>;
  sample(slot: string, instance: string): Promise<InstanceSample>;
  /** What is at a path in an instance, from the engine's view (no program in the instance runs). */
  fileFacts(slot: string, instance: string, path: string): Promise<FileFacts | null>;
  /** A regular file's bytes from the engine's view; null when missing or not a regular file. */
  readFile(slot: string, instance: string, path: string, maxBytes: number): Promise<Buffer | null>;
  /** The instance's processes as the host sees them. */
  processes(slot: string, instance: string): Promise<ProcessFacts[]>;
  /** A process's real environment variables (pid as `processes` reports it); null when it is gone. */
  processEnvironment(slot: string, instance: string, pid: number): Promise<Record<string, string> | null>;
  /**
   * Send a signal to one of the instance's processes (pid as `processes` reports it) from the host:
   * false when it is not (or no longer) the instance's.
   */
  signal(slot: string, instance: string, pid: number, signal: NodeJS.Signals): Promise<boolean>;
  /** Free space of an instance's size-capped volume, measured where players cannot reach. */
  volume(slot: string, instance: string, volume: string, mountPath: string): Promise<VolumeFacts>;
  /** Hear at once when one of this orchestrator's containers stops; returns the stop function. */
  watchExits(onExit: (e: InstanceExit) => void, onTrouble?: (message: string) => void): () => void;
  /** Remove every object of the slot. Idempotent; resolves when nothing is left. */
  destroy(slot: string): Promise<void>;
  /** How one environment's CPU is bounded on this host (shown in the settings). */
  cpuPolicy(): Promise<CpuPolicy>;
}

export interface CpuPolicy {
  /** "cgroup": a parent cgroup caps each environment; "scaled": each instance's cap is scaled down. */
  mode: "cgroup" | "scaled";
  /** CPUs one environment may use in all. */
  envCpus: number;
  /** The instances' CPU weight (Docker CpuShares; the host's own processes have 1024). */
  cpuShares: number;
}
