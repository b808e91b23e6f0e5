/**
 * The impatient customers of one environment: real HTTP requests to the app's
 * entry at the level's rate, each judged, summarised every second into the live
 * SLI (the player sees it; scoring uses it).
 *
 * A customer, not a marker: each request comes from one of a few visitors on the
 * site (visitors.ts), each with its own browser's headers and cookies; an API call
 * is a fetch from the page it belongs to (the visitor loads that page first), with
 * that page as Referer. Each answer is judged on status, shape and latency
 * (judge.ts), then on what it means (meaning.ts: products that match the search and
 * are the shop's, an upload that reads back byte for byte from the app, a sign-up
 * that is listed), so a proxy answering canned JSON fails.
 */
import { randomBytes } from "node:crypto";
import type { SliSample, SliView } from "../../lib/contracts/orchestrator-api";
import type { MockRequest } from "../../lib/levels/manifest-schema";
import type { ResolvedParams } from "../../lib/levels/params";
import type { SqlRow } from "../../levels/_sdk";
import { corsCheck, needsPreflight, preflightCheck, preflightHeaders, type CorsRequest } from "../../levels/_lib/cors";
import { browserHeaders, requestKind, type RequestKind } from "../util/browser-profile";
import { decodeBody } from "../util/decode-body";
import { httpRequest, type HttpAnswer } from "../util/http-request";
import { expandPerson, person, typedTerm, uploadFile } from "./customer-data";
import { judge, type Judgement } from "./judge";
import { judgeMeaning, KnownRows, type FollowUpAnswer, type Sent } from "./meaning";
import { expandJson, expandRequestPath, pickRequest } from "./pick-request";
import { SliWindow } from "./sli-window";
import { Visitors, type Visitor } from "./visitors";

export interface Address {
  host: string;
  port: number;
}

export interface MockClientOptions {
  requests: MockRequest[];
  ratePerSecond: number;
  params: ResolvedParams;
  /** The app entry's address now (it may change when the proxy restarts). */
  target: () => Promise<Address | null>;
  /** The app behind the proxy (uploads are read back there). */
  backend: () => Promise<Address | null>;
  /** Pinned, read-only SQL in the shop's database as the check role (orchestrator/environments/pinned-sql.ts). */
  sql: (text: string, values: (string | number)[]) => Promise<SqlRow[]>;
  onSample: (s: SliSample) => void;
  random?: () => number;
  /**
   * The pages and the API on two origins of the same entry (Host names, templates expanded): API calls
   * carry the pages' Origin, are preflighted when a browser would, and are refused by the CORS rules.
   */
  crossOrigin?: { pages: string; api: string; credentials: boolean };
}

const rand = () => randomBytes(4).toString("hex");

/** Response headers as the CORS rules read them: one string each (repeats joined, as a browser sees them). */
function flatHeaders(h: HttpAnswer["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}
const JSON_LIMIT = 1024 * 1024;

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

/** The request's path with the customer's search term (sent as `q`, as the shop's search form does). */
function withSearch(path: string, term: string | undefined): string {
  if (term === undefined) return path;
  return `${path}${path.includes("?") ? "&" : "?"}q=${encodeURIComponent(term).replace(/%20/g, "+")}`;
}

function searchedTerm(path: string): string | undefined {
  const q = new URL(path, "http://shop").searchParams.get("q");
  return q === null ? undefined : q.trim().slice(0, 100);
}

export class MockClient {
  private readonly window = new SliWindow();
  private readonly visitors: Visitors;
  private readonly known = new KnownRows();
  private readonly random: () => number;
  private timers: NodeJS.Timeout[] = [];
  private inflight = 0;
  private abort = new AbortController();
  private cached: { at: number; target: Address | null } | undefined;

  constructor(private readonly o: MockClientOptions) {
    this.random = o.random ?? Math.random;
    this.visitors = new Visitors(6, this.random);
  }

  start(): void {
    if (this.timers.length) return;
    const every = Math.max(50, Math.round(1000 / this.o.ratePerSecond));
    this.timers.push(setInterval(() => void this.step(), every));
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

  /** How many visitors have come so far (each with its own browser and cookies). */
  visitorCount(): number {
    return this.visitors.count();
  }

  private async target(): Promise<Address | null> {
    if (this.cached && Date.now() - this.cached.at < 5_000) return this.cached.target;
    const target = await this.o.target().catch(() => null);
    this.cached = { at: Date.now(), target };
    return target;
  }

  /** One request by a visitor, as its browser sends it; cookies kept, body decoded. */
  private async send(
    visitor: Visitor,
    to: Address,
    site: string,
    call: {
      path: string;
      kind: RequestKind;
      method?: string;
      body?: Buffer | string;
      contentType?: string;
      extra?: Record<string, string>;
      timeoutMs: number;
      maxBytes: number;
      /** The page's host when it differs from `site` (a cross-origin call): the Referer names it. */
      pageSite?: string;
      /** Send no cookie (a preflight; a cross-origin fetch without credentials). */
      noCookies?: boolean;
    },
  ): Promise<HttpAnswer> {
    const referer = visitor.page === null ? undefined : `http://${call.pageSite ?? site}${visitor.page}`;
    const headers = {
      ...browserHeaders(visitor.profile, call.kind, {
        host: site,
        cookie: call.noCookies ? undefined : visitor.jar.header(call.path),
        referer,
        method: call.method,
        contentType: call.contentType,
        acceptEncoding: true,
      }),
      ...call.extra,
    };
    const answer = await httpRequest({
      host: to.host,
      port: to.port,
      path: call.path,
      method: call.method ?? "GET",
      headers,
      body: call.body,
      timeoutMs: call.timeoutMs,
      maxBodyBytes: call.maxBytes,
      signal: this.abort.signal,
    });
    if (answer.error) return answer;
    visitor.jar.store(answer.headers["set-cookie"], call.path);
    const decoded = decodeBody(answer);
    if (decoded === null) return { ...answer, status: 0, error: "an answer the browser could not decode" };
    return { ...answer, bytes: decoded, body: decoded.toString("utf8") };
  }

  private record(ms: number, verdict: Judgement): void {
    this.window.add({ at: Date.now(), ms, ok: verdict.ok, reason: verdict.ok ? undefined : verdict.reason });
  }

  /** One visitor's next action, judged and counted (the timer calls it; tests call it directly). */
  async step(): Promise<void> {
    // A hung app must not pile up requests: at most two seconds' worth in flight.
    if (this.inflight >= Math.max(2, this.o.ratePerSecond * 2)) return;
    this.inflight++;
    const signal = this.abort.signal;
    try {
      const req = pickRequest(this.o.requests, this.random());
      const kind = requestKind(req.path);
      const page = req.page ?? "/";
      const visitor = this.visitors.take(kind === "api" ? page : undefined);
      const target = await this.target();
      if (!target) return this.record(0, { ok: false, reason: "the shop has no address" });
      const cross = this.o.crossOrigin;
      const site = cross?.pages ?? (target.port === 80 ? target.host : `${target.host}:${target.port}`);
      // A cross-origin API call goes to the API's host, from the page's origin.
      const callSite = cross && kind === "api" ? cross.api : site;
      const timeoutMs = Math.min(15_000, Math.max(5_000, req.expect.maxMs * 3));

      // A fetch is made from its page: a visitor not on it opens it first.
      if (kind === "api" && visitor.page !== page) {
        const nav = await this.send(visitor, target, site, {
          path: page,
          kind: "page",
          timeoutMs,
          maxBytes: JSON_LIMIT,
        });
        if (signal.aborted) return;
        const html = String(nav.headers["content-type"] ?? "").includes("text/html");
        if (nav.error || nav.status !== 200 || !html) {
          if (nav.error) this.cached = undefined;
          const why = nav.error ?? (nav.status !== 200 ? String(nav.status) : "not a page");
          return this.record(nav.ms, { ok: false, reason: `the ${page} page did not load (${why})` });
        }
        visitor.page = page;
      }

      const who = person(this.random);
      const term = req.search
        ? typedTerm(req.search[Math.floor(this.random() * req.search.length)] ?? "", this.random)
        : undefined;
      const path = withSearch(expandRequestPath(req.path, this.o.params, rand), term);
      const sent: Sent = { term: searchedTerm(path) };
      let body: Buffer | string | undefined;
      let contentType: string | undefined;
      let extra: Record<string, string> | undefined;
      if (req.bytes) {
        const file = uploadFile(this.random);
        body = randomBytes(req.bytes);
        sent.bytes = body;
        contentType = file.type;
        extra = { "x-filename": file.name };
      } else if (req.json !== undefined) {
        const json = expandJson(req.json, this.o.params, rand);
        const filled = JSON.parse(expandPerson(JSON.stringify(json), who)) as unknown;
        const email = (filled as { email?: unknown } | null)?.email;
        if (typeof email === "string") sent.email = email;
        body = JSON.stringify(filled);
        contentType = "application/json";
      }
      extra = { ...extra, ...req.headers };
      let cors: CorsRequest | undefined;
      if (cross && kind === "api") {
        const scriptHeaders = { ...extra, ...(contentType ? { "content-type": contentType } : {}) };
        cors = {
          origin: `http://${cross.pages}`,
          method: req.method,
          headers: scriptHeaders,
          credentials: cross.credentials,
        };
        const crossSite = { origin: cors.origin, "sec-fetch-site": "same-site" };
        extra = { ...extra, ...crossSite };
        if (needsPreflight(cors)) {
          const pre = await this.send(visitor, target, callSite, {
            path,
            kind: "api",
            method: "OPTIONS",
            extra: { ...preflightHeaders(cors), "sec-fetch-site": "same-site" },
            timeoutMs,
            maxBytes: JSON_LIMIT,
            pageSite: site,
            noCookies: true,
          });
          if (signal.aborted || pre.error === "aborted") return;
          if (pre.error) {
            this.cached = undefined;
            return this.record(pre.ms, { ok: false, reason: `${req.name}: no answer (${pre.error})` });
          }
          const allowed = preflightCheck(cors, pre.status, flatHeaders(pre.headers));
          if (!allowed.ok)
            return this.record(pre.ms, { ok: false, reason: `the browser blocked ${req.name}: ${allowed.reason}` });
        }
      }
      const answer = await this.send(visitor, target, callSite, {
        path,
        kind,
        method: req.method,
        body,
        contentType,
        extra,
        timeoutMs,
        maxBytes: JSON_LIMIT,
        pageSite: site,
        noCookies: cross !== undefined && kind === "api" && !cross.credentials,
      });
      if (signal.aborted || answer.error === "aborted") return;
      if (answer.error) this.cached = undefined;
      if (kind === "page") visitor.page = path;

      if (cors && !answer.error) {
        const readable = corsCheck(cors, flatHeaders(answer.headers));
        if (!readable.ok)
          return this.record(answer.ms, { ok: false, reason: `the browser blocked ${req.name}: ${readable.reason}` });
      }
      let verdict = judge(req, answer);
      if (verdict.ok && req.expect.meaning) {
        verdict = await judgeMeaning(
          req.expect.meaning,
          answer.body,
          sent,
          {
            sql: this.o.sql,
            random: this.random,
            fetch: (where, followPath, maxBytes) =>
              this.followUp(visitor, where, followPath, maxBytes, callSite, timeoutMs),
          },
          this.known,
        ).catch((err: unknown): Judgement => ({ ok: false, reason: `could not judge: ${(err as Error).message}` }));
        if (signal.aborted) return;
      }
      this.record(answer.ms, verdict);
    } finally {
      this.inflight--;
    }
  }

  /** The visitor's next request about what it just did: through the proxy from its page, or straight at the app. */
  private async followUp(
    visitor: Visitor,
    where: "proxy" | "backend",
    path: string,
    maxBytes: number,
    site: string,
    timeoutMs: number,
  ): Promise<FollowUpAnswer> {
    const to = where === "proxy" ? await this.target() : await this.o.backend().catch(() => null);
    if (!to)
      return {
        status: 0,
        bytes: Buffer.alloc(0),
        body: "",
        ms: 0,
        error: `the ${where === "proxy" ? "shop" : "app"} has no address`,
      };
    // Straight at the app too, the request names the shop (as the proxy forwards it).
    const a = await this.send(visitor, to, site, {
      path,
      kind: "api",
      timeoutMs,
      maxBytes,
    });
    return { status: a.status, bytes: a.bytes, body: a.body, ms: a.ms, error: a.error };
  }
}
