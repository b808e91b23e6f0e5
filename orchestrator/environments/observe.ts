/**
 * `Observe` for one environment: every observation a check makes, made from the
 * orchestrator or by the engine, never by a program inside the player's instances
 * (levels/README.md, "How a check observes").
 */
import type { StackManifest } from "../../lib/levels/stack-schema";
import { CannotJudge, type HttpInit, type HttpResult, type Observe } from "../../levels/_sdk";
import type { EnvironmentDriver } from "../driver/types";
import { OrchestratorError, messageOf } from "../errors";
import { browserHeaders, pickProfile, requestKind } from "../util/browser-profile";
import { decodeBody } from "../util/decode-body";
import { httpRequest } from "../util/http-request";
import { PinnedSql } from "./pinned-sql";

/** The stack's database and the role checks use (created when the stack image is built). */
export const CHECK_DATABASE = {
  instance: "db",
  port: 5432,
  database: "shop",
  user: "firedrill_check",
  password: "firedrill-check-7c1e",
} as const;

export interface ObserveOptions {
  driver: EnvironmentDriver;
  slot: string;
  stack: StackManifest;
  app: { instance: string; port: number };
}

export interface ClosableObserve extends Observe {
  close(): Promise<void>;
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

async function guard<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof CannotJudge) throw err;
    throw new CannotJudge(`${what}: ${messageOf(err)}`, { cause: err });
  }
}

export function createObserve(o: ObserveOptions): ClosableObserve {
  const address = async (instance: string): Promise<string> => {
    const found = (await o.driver.instances(o.slot)).find((i) => i.name === instance);
    if (!found?.address)
      throw new OrchestratorError("conflict", `${instance} has no address (${found?.state ?? "missing"})`);
    return found.address;
  };
  const volumeOf = (instance: string, mountPath: string) => {
    const v = o.stack.instances.find((i) => i.name === instance)?.volumes.find((x) => x.mountPath === mountPath);
    if (!v) throw new CannotJudge(`${instance} has no volume at ${mountPath}`);
    return v.name;
  };
  // One visitor per check: a browser keeps its profile for the whole visit.
  const profile = pickProfile();

  async function http(host: string | null, port: number, path: string, init: HttpInit = {}): Promise<HttpResult> {
    if (!host) return { status: 0, body: "", bytes: Buffer.alloc(0), headers: {}, ms: 0, error: "no address" };
    // The same headers the mock client's visitors send (browser-profile.ts), compression included,
    // so nothing tells a check's request from a customer's.
    const headers = {
      ...browserHeaders(profile, requestKind(path), {
        host: port === 80 ? host : `${host}:${port}`,
        method: init.method,
        acceptEncoding: !init.headersOnly && init.announceBytes === undefined,
      }),
      ...(init.headers ?? {}),
    };
    const res = await httpRequest({
      host,
      port,
      path,
      method: init.method,
      headers,
      body: init.body,
      timeoutMs: init.timeoutMs ?? 10_000,
      maxBodyBytes: 8 * 1024 * 1024,
      headersOnly: init.headersOnly,
      announceBytes: init.announceBytes,
    });
    const bytes = decodeBody(res) ?? res.bytes;
    return {
      status: res.status,
      body: bytes.toString("utf8"),
      bytes,
      headers: flatHeaders(res.headers),
      ms: res.ms,
      error: res.error,
    };
  }
  const addressOrNull = (instance: string) => address(instance).catch(() => null);

  const sql = new PinnedSql(async () => ({
    host: await address(CHECK_DATABASE.instance),
    port: CHECK_DATABASE.port,
    database: CHECK_DATABASE.database,
    user: CHECK_DATABASE.user,
    password: CHECK_DATABASE.password,
  }));

  return {
    http: async (path, init) => http(await addressOrNull(o.app.instance), o.app.port, path, init),
    direct: async (instance, port, path, init) => http(await addressOrNull(instance), port, path, init),
    sql: (text, values) => sql.query(text, values),
    file: (instance, path) => guard(`reading ${path} on ${instance}`, () => o.driver.fileFacts(o.slot, instance, path)),
    readFile: (instance, path, maxBytes = 1024 * 1024) =>
      guard(`reading ${path} on ${instance}`, () => o.driver.readFile(o.slot, instance, path, maxBytes)),
    processes: (instance) => guard(`listing ${instance}'s processes`, () => o.driver.processes(o.slot, instance)),
    processEnvironment: (instance, pid) =>
      guard(`reading process ${pid}'s environment on ${instance}`, () =>
        o.driver.processEnvironment(o.slot, instance, pid),
      ),
    volume: (instance, mountPath) =>
      guard(`measuring ${mountPath} on ${instance}`, () =>
        o.driver.volume(o.slot, instance, volumeOf(instance, mountPath), mountPath),
      ),
    usage: (instance) => guard(`sampling ${instance}`, () => o.driver.sample(o.slot, instance)),
    close: () => sql.close(),
  };
}
