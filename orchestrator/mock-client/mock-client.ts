/**
 * The impatient users of one environment: real HTTP requests to the app's
 * entry at the level's rate, each judged, summarised every second into the
 * live SLI (the player sees it; scoring uses it).
 */
import { randomBytes } from "node:crypto";
import type { SliSample, SliView } from "../../lib/contracts/orchestrator-api";
import type { MockRequest } from "../../lib/levels/manifest-schema";
import type { ResolvedParams } from "../../lib/levels/params";
import { httpRequest } from "../util/http-request";
import { judge } from "./judge";
import { expandJson, expandRequestPath, pickRequest } from "./pick-request";
import { SliWindow } from "./sli-window";

export interface MockClientOptions {
  requests: MockRequest[];
  ratePerSecond: number;
  params: ResolvedParams;
  /** The app entry's address now (it may change when the proxy restarts). */
  target: () => Promise<{ host: string; port: number } | null>;
  onSample: (s: SliSample) => void;
}

const rand = () => randomBytes(4).toString("hex");

export function emptySample(now = Date.now()): SliSample {
  return {
    at: new Date(now).toISOString(),
    successRate: null,
    p50Ms: null,
    p95Ms: null,
    requests: 0,
    failures: 0,
    lastError: null,
  };
}

export class MockClient {
  private readonly window = new SliWindow();
  private timers: NodeJS.Timeout[] = [];
  private inflight = 0;
  private abort = new AbortController();
  private cached: { at: number; target: { host: string; port: number } | null } | undefined;

  constructor(private readonly o: MockClientOptions) {}

  start(): void {
    if (this.timers.length) return;
    const every = Math.max(50, Math.round(1000 / this.o.ratePerSecond));
    this.timers.push(setInterval(() => void this.fire(), every));
    this.timers.push(setInterval(() => this.o.onSample(this.window.sample(Date.now())), 1000));
    for (const t of this.timers) t.unref();
  }

  /** Stop sending and abort what is in flight (the environment is going: its addresses will too). */
  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.abort.abort();
    this.abort = new AbortController();
  }

  view(): SliView {
    return { current: this.window.current() ?? emptySample(), history: this.window.samples() };
  }

  private async target(): Promise<{ host: string; port: number } | null> {
    if (this.cached && Date.now() - this.cached.at < 5_000) return this.cached.target;
    const target = await this.o.target().catch(() => null);
    this.cached = { at: Date.now(), target };
    return target;
  }

  private async fire(): Promise<void> {
    // A hung app must not pile up requests: at most two seconds' worth in flight.
    if (this.inflight >= Math.max(2, this.o.ratePerSecond * 2)) return;
    this.inflight++;
    try {
      const req = pickRequest(this.o.requests, Math.random());
      const target = await this.target();
      if (!target) {
        this.window.add({ at: Date.now(), ms: 0, ok: false, reason: "the app has no address" });
        return;
      }
      const headers: Record<string, string> = { "user-agent": "firedrill-mock-client" };
      let body: string | Buffer | undefined;
      if (req.bytes) {
        body = randomBytes(req.bytes);
        headers["content-type"] = "application/octet-stream";
      } else if (req.json !== undefined) {
        body = JSON.stringify(expandJson(req.json, this.o.params, rand));
        headers["content-type"] = "application/json";
      }
      const answer = await httpRequest({
        host: target.host,
        port: target.port,
        path: expandRequestPath(req.path, this.o.params, rand),
        method: req.method,
        headers,
        body,
        timeoutMs: Math.min(15_000, Math.max(5_000, req.expect.maxMs * 3)),
        maxBodyBytes: 256 * 1024,
        signal: this.abort.signal,
      });
      if (answer.error === "aborted") return;
      if (answer.error) this.cached = undefined;
      const verdict = judge(req, answer);
      this.window.add({
        at: Date.now(),
        ms: answer.ms,
        ok: verdict.ok,
        reason: verdict.ok ? undefined : verdict.reason,
      });
    } finally {
      this.inflight--;
    }
  }
}
