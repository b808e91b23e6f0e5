/**
 * The engine's event stream, filtered to the containers one orchestrator owns:
 * a container that dies (crash, OOM, `docker kill`) is reported at once, not at
 * the next reconcile. The stream is reopened (with backoff) when the engine
 * closes it or restarts. What the labels mean is the driver's business
 * (driver/docker/instance-exit.ts): this gateway hands them on as they are.
 */
import { docker, labelFilter } from "./client";

export interface ContainerExit {
  /** die, oom or kill. */
  action: string;
  /** The container's attributes in the event: its labels, name, image, exitCode, signal. */
  attributes: Record<string, string>;
  exitCode: number | null;
  signal: string | null;
  at: number;
}

interface DockerEvent {
  Type?: string;
  Action?: string;
  time?: number;
  Actor?: { Attributes?: Record<string, string> };
}

export function parseContainerEvent(raw: DockerEvent): ContainerExit | null {
  const attributes = raw.Actor?.Attributes ?? {};
  if (raw.Type !== "container" || !raw.Action) return null;
  const action = raw.Action.split(":")[0]!;
  if (!["die", "oom", "kill"].includes(action)) return null;
  const exit = attributes.exitCode === undefined ? null : Number(attributes.exitCode);
  return {
    action,
    attributes,
    exitCode: Number.isFinite(exit) ? exit : null,
    signal: attributes.signal ?? null,
    at: (raw.time ?? Date.now() / 1000) * 1000,
  };
}

/** Follow container exits of the objects matching `labels` until the returned stop is called. */
export function watchContainerExits(
  labels: Record<string, string>,
  onExit: (e: ContainerExit) => void,
  onTrouble: (message: string) => void = () => undefined,
): () => void {
  let stopped = false;
  let stream: NodeJS.ReadableStream | undefined;
  let retryMs = 500;
  const open = async () => {
    if (stopped) return;
    try {
      stream = await docker().getEvents({
        filters: { type: ["container"], event: ["die", "oom", "kill"], ...labelFilter(labels) },
      });
    } catch (err) {
      onTrouble(`engine events unavailable (${err instanceof Error ? err.message : String(err)}); retrying`);
      setTimeout(() => void open(), (retryMs = Math.min(retryMs * 2, 15_000))).unref();
      return;
    }
    retryMs = 500;
    let buffer = "";
    stream.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (!line) continue;
        try {
          const e = parseContainerEvent(JSON.parse(line) as DockerEvent);
          if (e) onExit(e);
        } catch {
          // one bad line must not end the watch
        }
      }
    });
    const reopen = () => {
      stream = undefined;
      if (!stopped) setTimeout(() => void open(), retryMs).unref();
    };
    stream.once("end", reopen);
    stream.once("error", reopen);
  };
  void open();
  return () => {
    stopped = true;
    (stream as { destroy?: () => void } | undefined)?.destroy?.();
  };
}
