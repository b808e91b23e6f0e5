/**
 * The Docker gateway's entry: one dockerode client and the error boundary.
 * Every call into dockerode goes through `call`, which turns dockerode/HTTP
 * errors into OrchestratorError (404 → gone, 409 → conflict, 304 → unchanged,
 * socket errors → unavailable). Nothing outside orchestrator/docker imports dockerode.
 */
import Docker from "dockerode";
import { OrchestratorError, messageOf } from "../errors";

export type DockerClient = Docker;

let shared: Docker | undefined;

/** dockerode reads DOCKER_HOST itself and falls back to /var/run/docker.sock. */
export function docker(): Docker {
  shared ??= new Docker();
  return shared;
}

interface DockerodeError {
  statusCode?: number;
  code?: string;
  json?: { message?: string } | null;
  message?: string;
}

export function translateDockerError(err: unknown, what: string): OrchestratorError {
  if (err instanceof OrchestratorError) return err;
  const e = (err ?? {}) as DockerodeError;
  const detail = (e.json?.message ?? messageOf(err)).trim();
  switch (e.statusCode) {
    case 304:
      return new OrchestratorError("unchanged", `${what}: already so`, { cause: err });
    case 400:
      return new OrchestratorError("bad_request", `${what}: ${detail}`, { cause: err });
    case 404:
      return new OrchestratorError("gone", `${what}: ${detail}`, { cause: err });
    case 409:
      return new OrchestratorError("conflict", `${what}: ${detail}`, { cause: err });
  }
  if (e.code === "ECONNREFUSED" || e.code === "ENOENT" || e.code === "EACCES" || e.code === "ECONNRESET") {
    return new OrchestratorError("unavailable", `${what}: Docker engine unavailable (${e.code})`, { cause: err });
  }
  return new OrchestratorError("internal", `${what}: ${detail}`, { cause: err });
}

/** Run one dockerode call behind the error boundary. */
export async function call<T>(what: string, fn: (d: Docker) => Promise<T>): Promise<T> {
  try {
    return await fn(docker());
  } catch (err) {
    throw translateDockerError(err, what);
  }
}

/** Like `call`, but a vanished object is not an error (idempotent removals). */
export async function callIgnoringGone<T>(what: string, fn: (d: Docker) => Promise<T>): Promise<T | undefined> {
  try {
    return await call(what, fn);
  } catch (err) {
    if (err instanceof OrchestratorError && err.code === "gone") return undefined;
    throw err;
  }
}

export async function engineVersion(): Promise<string> {
  const v = await call("docker version", (d) => d.version());
  return `${v.Version} (API ${v.ApiVersion})`;
}

/** Security options the engine applies (seccomp, apparmor…), e.g. ["name=seccomp,profile=default"]. */
export async function engineSecurityOptions(): Promise<string[]> {
  const info = (await call("docker info", (d) => d.info())) as { SecurityOptions?: string[] };
  return info.SecurityOptions ?? [];
}

/** The engine's cgroup driver ("cgroupfs" or "systemd"). */
export async function engineCgroupDriver(): Promise<string | undefined> {
  const info = (await call("docker info", (d) => d.info())) as { CgroupDriver?: string };
  return info.CgroupDriver;
}

/** Docker label filters: { a: "1" } → { label: ["a=1"] }. */
export function labelFilter(labels: Record<string, string>): { label: string[] } {
  return { label: Object.entries(labels).map(([k, v]) => `${k}=${v}`) };
}
