/**
 * One HTTP request from the host to an instance's private address, with a
 * deadline. Never throws: a connection error is status 0 with the error as body.
 */
import { request } from "node:http";

export interface HttpAnswer {
  status: number;
  body: string;
  /** The body's bytes as received (up to maxBodyBytes). */
  bytes: Buffer;
  headers: Record<string, string | string[] | undefined>;
  ms: number;
  /** Set when no HTTP answer came: ECONNREFUSED, timeout… */
  error?: string;
}

export interface HttpCall {
  host: string;
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs?: number;
  /** Read at most this many bytes of the body (the rest is drained). */
  maxBodyBytes?: number;
  signal?: AbortSignal;
  /** Resolve as soon as the status and headers arrive (the body is not read). */
  headersOnly?: boolean;
  /**
   * Send only headers announcing a body of this many bytes, never the body: a proxy's size
   * limit answers at once (413), a server that accepts it waits for the body until the deadline.
   */
  announceBytes?: number;
}

export function httpRequest(call: HttpCall): Promise<HttpAnswer> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const limit = call.maxBodyBytes ?? 1024 * 1024;
  return new Promise((resolve) => {
    let settled = false;
    const done = (a: HttpAnswer) => {
      if (settled) return;
      settled = true;
      resolve(a);
    };
    const headers: Record<string, string | number> = { ...call.headers, connection: "close" };
    if (call.body !== undefined) headers["content-length"] = Buffer.byteLength(call.body);
    if (call.announceBytes !== undefined) headers["content-length"] = call.announceBytes;
    const req = request(
      { host: call.host, port: call.port, path: call.path, method: call.method ?? "GET", headers, agent: false },
      (res) => {
        if (call.headersOnly) {
          done({ status: res.statusCode ?? 0, body: "", bytes: Buffer.alloc(0), headers: res.headers, ms: elapsed() });
          req.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          if (size < limit) chunks.push(c);
          size += c.length;
        });
        res.on("end", () => {
          const bytes = Buffer.concat(chunks).subarray(0, limit);
          done({
            status: res.statusCode ?? 0,
            body: bytes.toString("utf8"),
            bytes,
            headers: res.headers,
            ms: elapsed(),
          });
        });
        res.on("error", (e) =>
          done({ status: 0, body: "", bytes: Buffer.alloc(0), headers: {}, ms: elapsed(), error: e.message }),
        );
      },
    );
    // One deadline for the whole exchange: req.setTimeout does not cover connecting.
    const timeoutMs = call.timeoutMs ?? 10_000;
    const deadline = setTimeout(
      () => req.destroy(Object.assign(new Error("timeout"), { code: `timeout after ${timeoutMs} ms` })),
      timeoutMs,
    );
    const abort = () => req.destroy(Object.assign(new Error("aborted"), { code: "aborted" }));
    call.signal?.addEventListener("abort", abort, { once: true });
    req.on("close", () => {
      clearTimeout(deadline);
      call.signal?.removeEventListener("abort", abort);
    });
    req.on("error", (e: NodeJS.ErrnoException) =>
      done({
        status: 0,
        body: `error: ${e.code ?? e.message}`,
        bytes: Buffer.alloc(0),
        headers: {},
        ms: elapsed(),
        error: e.code ?? e.message,
      }),
    );
    if (call.signal?.aborted) abort();
    if (call.announceBytes !== undefined) req.flushHeaders();
    else req.end(call.body);
  });
}
