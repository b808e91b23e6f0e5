/** Images: inspect, list, import a rootfs tar, build, pull, remove. */
import type { ImageInfo, ImageInspectInfo } from "dockerode";
import type { Readable } from "node:stream";
import { OrchestratorError } from "../errors";
import { call, callIgnoringGone, docker, labelFilter, translateDockerError } from "./client";

export type { ImageInfo, ImageInspectInfo };

export async function inspectImage(ref: string): Promise<ImageInspectInfo | undefined> {
  return callIgnoringGone(`inspect image ${ref}`, (d) => d.getImage(ref).inspect());
}

export async function listImages(labels: Record<string, string>): Promise<ImageInfo[]> {
  return call("list images", (d) => d.listImages({ filters: labelFilter(labels) }));
}

export async function removeImage(ref: string): Promise<void> {
  await callIgnoringGone(`remove image ${ref}`, (d) => d.getImage(ref).remove());
}

export async function tagImage(ref: string, repo: string, tag: string): Promise<void> {
  await call(`tag image ${ref}`, (d) => d.getImage(ref).tag({ repo, tag }));
}

interface ProgressEvent {
  stream?: string;
  status?: string;
  progress?: string;
  id?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: { ID?: string };
}

/** Follow a Docker JSON progress stream; lines go to onLine; rejects on an error event. */
function follow(what: string, stream: Readable, onLine: (line: string) => void): Promise<ProgressEvent[]> {
  return new Promise((resolve, reject) => {
    docker().modem.followProgress(
      stream,
      (err: unknown, events: ProgressEvent[]) => {
        if (err) return reject(translateDockerError(err, what));
        const failed = events.find((e) => e.error);
        if (failed) return reject(new OrchestratorError("failed", `${what}: ${failed.error}`));
        resolve(events);
      },
      (e: ProgressEvent) => {
        const text = e.stream ?? e.error ?? [e.id, e.status, e.progress].filter(Boolean).join(" ");
        for (const line of text.split("\n")) if (line.trim()) onLine(line.trimEnd());
      },
    );
  });
}

/** Import a root filesystem tar (docker import) as repo:tag. */
export async function importImage(
  tar: Readable,
  repo: string,
  tag: string,
  onLine: (l: string) => void,
): Promise<void> {
  const stream = await call(`import image ${repo}:${tag}`, (d) => d.importImage(tar, { repo, tag }));
  await follow(`import image ${repo}:${tag}`, stream as Readable, onLine);
}

export interface BuildOptions {
  tag: string;
  dockerfile: string;
  buildargs: Record<string, string>;
  labels: Record<string, string>;
}

/** Build from a tar context; resolves the new image id. */
export async function buildImage(context: Readable, opts: BuildOptions, onLine: (l: string) => void): Promise<string> {
  const what = `build image ${opts.tag}`;
  const stream = await call(what, (d) =>
    d.buildImage(context, {
      t: opts.tag,
      dockerfile: opts.dockerfile,
      buildargs: opts.buildargs,
      labels: opts.labels,
      rm: true,
      forcerm: true,
    }),
  );
  const events = await follow(what, stream as unknown as Readable, onLine);
  const id = events.map((e) => e.aux?.ID).find(Boolean);
  if (id) return id;
  const image = await inspectImage(opts.tag);
  if (!image) throw new OrchestratorError("failed", `${what}: finished without an image`);
  return image.Id;
}

/** Pull, giving up after timeoutMs (no registry is reachable on some machines). */
export async function pullImage(ref: string, timeoutMs: number, onLine: (l: string) => void): Promise<void> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const stream = await call(`pull ${ref}`, (d) => d.pull(ref, { abortSignal: abort.signal }));
    await follow(`pull ${ref}`, stream as Readable, onLine);
  } catch (err) {
    if (abort.signal.aborted) throw new OrchestratorError("timeout", `pull ${ref}: no answer within ${timeoutMs} ms`);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
