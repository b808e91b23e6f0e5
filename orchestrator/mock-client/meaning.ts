/**
 * Does an answer mean what a customer needs, not only look like it? A canned
 * answer has the right status and shape; it cannot list products that match
 * whatever was searched and are the shop's own, give back the bytes just
 * uploaded, or list the person who just signed up. Each meaning (manifest
 * MOCK_MEANINGS) is checked against the shop itself: the database through the
 * pinned SQL a check uses (as firedrill_check, never a program in the player's
 * instances) and the app straight behind the proxy. One item per answer is
 * looked up (rows already confirmed are cached), so the cost stays a primary-key
 * lookup per request. Failure reasons are what a customer would say.
 */
import type { MockMeaning } from "../../lib/levels/manifest-schema";
import type { SqlRow } from "../../levels/_sdk";
import type { Judgement } from "./judge";

export interface FollowUpAnswer {
  status: number;
  bytes: Buffer;
  body: string;
  ms: number;
  error?: string;
}

export interface MeaningDeps {
  /** Pinned, read-only SQL in the shop's database (throws when it cannot answer). */
  sql: (text: string, values: (string | number)[]) => Promise<SqlRow[]>;
  /** A follow-up request by the same visitor: through the proxy as a fetch from its page, or straight to the app. */
  fetch: (where: "proxy" | "backend", path: string, maxBytes: number) => Promise<FollowUpAnswer>;
  random: () => number;
}

/** What the mock client sent, so its answer can be held to it. */
export interface Sent {
  /** The searched term (the request's `q`). */
  term?: string;
  /** The uploaded bytes. */
  bytes?: Buffer;
  /** The email signed up with. */
  email?: string;
}

/** Rows already confirmed in the database ("products:42" → its name), oldest dropped first. */
export class KnownRows {
  private readonly rows = new Map<string, string>();
  constructor(private readonly max = 500) {}
  get(key: string): string | undefined {
    return this.rows.get(key);
  }
  set(key: string, value: string): void {
    this.rows.delete(key);
    this.rows.set(key, value);
    while (this.rows.size > this.max) {
      const oldest = this.rows.keys().next().value;
      if (oldest === undefined) break;
      this.rows.delete(oldest);
    }
  }
  size(): number {
    return this.rows.size;
  }
}

const fail = (reason: string): Judgement => ({ ok: false, reason });
const OK: Judgement = { ok: true };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BIGINT = /^[1-9]\d{0,17}$/;

/** The table's column of the row with that id, as the database has it (null: no such row). */
const LOOKUPS = {
  products: { sql: "SELECT name AS v FROM public.products WHERE id = $1::pg_catalog.int8", id: BIGINT },
  users: { sql: "SELECT email AS v FROM public.users WHERE id = $1::pg_catalog.int8", id: BIGINT },
  uploads: { sql: "SELECT sha256 AS v FROM public.uploads WHERE id = $1::pg_catalog.uuid", id: UUID },
} as const;

class Unconfirmed extends Error {}

const text = (v: unknown): string | undefined =>
  typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : undefined;

function field(obj: unknown, key: string): unknown {
  return obj !== null && typeof obj === "object" ? (obj as Record<string, unknown>)[key] : undefined;
}

/** The shop's database's answer; asked twice before giving up (a connection lost on a busy host is re-made). */
async function ask(deps: MeaningDeps, sql: string, values: (string | number)[]): Promise<SqlRow[]> {
  try {
    return await deps.sql(sql, values);
  } catch {
    try {
      return await deps.sql(sql, values);
    } catch (err) {
      throw new Unconfirmed((err as Error).message);
    }
  }
}

/** Is `value` the database's value of that row? Cached once confirmed. */
async function isStored(
  deps: MeaningDeps,
  known: KnownRows,
  table: keyof typeof LOOKUPS,
  id: unknown,
  value: unknown,
): Promise<boolean> {
  const idText = text(id);
  const want = text(value);
  if (!idText || want === undefined || !LOOKUPS[table].id.test(idText)) return false;
  const key = `${table}:${idText.toLowerCase()}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached === want;
  const rows = await ask(deps, LOOKUPS[table].sql, [idText]);
  const got = rows[0]?.v;
  if (got === undefined || got === null) return false;
  known.set(key, got);
  return got === want;
}

const isTrue = (rows: SqlRow[]) => rows[0]?.v === "t" || rows[0]?.v === "true";

function pickOne(list: readonly unknown[], random: () => number): unknown {
  return list[Math.min(list.length - 1, Math.floor(random() * list.length))];
}

function parse(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

async function searchMatches(json: unknown, sent: Sent, deps: MeaningDeps, known: KnownRows): Promise<Judgement> {
  const term = (sent.term ?? "").trim();
  // Shown as one phrase whatever the case it was typed in, so the chart's most common failure is one line.
  const shown = `search for "${term.toLowerCase()}"`;
  const items = field(json, "items");
  if (!Array.isArray(items)) return fail(`${shown} returned no product list`);
  if (items.length === 0) return fail(`${shown} found nothing`);
  const needle = term.toLowerCase();
  const matches = (p: unknown) =>
    ["name", "sku", "brand"].some((k) => text(field(p, k))?.toLowerCase().includes(needle) ?? false);
  if (!items.every(matches)) return fail(`${shown} returned products that don't match`);
  const one = pickOne(items, deps.random);
  if (!(await isStored(deps, known, "products", field(one, "id"), field(one, "name"))))
    return fail(`${shown} returned a product the shop doesn't have`);
  return OK;
}

async function productsExist(json: unknown, deps: MeaningDeps, known: KnownRows): Promise<Judgement> {
  const items = field(json, "items");
  if (!Array.isArray(items) || items.length === 0) return fail("the product list is empty");
  const one = pickOne(items, deps.random);
  if (!(await isStored(deps, known, "products", field(one, "id"), field(one, "name"))))
    return fail("the product list shows a product the shop doesn't have");
  return OK;
}

async function usersExist(json: unknown, deps: MeaningDeps, known: KnownRows): Promise<Judgement> {
  const users = field(json, "users");
  if (!Array.isArray(users)) return fail("today's sign-ups did not load");
  if (users.length === 0) {
    // Nobody today is an answer only when nobody has just signed up (a midnight may fall between).
    const rows = await ask(
      deps,
      "SELECT EXISTS (SELECT 1 FROM public.users WHERE created_at > pg_catalog.now() - '2 minutes'::pg_catalog.interval) AS v",
      [],
    );
    return isTrue(rows) ? fail("today's sign-ups miss people who just signed up") : OK;
  }
  const one = pickOne(users, deps.random);
  if (!(await isStored(deps, known, "users", field(one, "id"), field(one, "email"))))
    return fail("today's sign-ups list someone who never signed up");
  return OK;
}

async function uploadsExist(json: unknown, deps: MeaningDeps, known: KnownRows): Promise<Judgement> {
  const uploads = field(json, "uploads");
  if (!Array.isArray(uploads)) return fail("the recent uploads did not load");
  if (uploads.length === 0) {
    const rows = await ask(deps, "SELECT EXISTS (SELECT 1 FROM public.uploads) AS v", []);
    return isTrue(rows) ? fail("the recent uploads are missing files that are stored") : OK;
  }
  const one = pickOne(uploads, deps.random);
  if (!(await isStored(deps, known, "uploads", field(one, "id"), field(one, "sha256"))))
    return fail("the recent uploads list a file that was never stored");
  return OK;
}

async function uploadReadback(json: unknown, sent: Sent, deps: MeaningDeps): Promise<Judgement> {
  const upload = field(json, "upload");
  const id = text(field(upload, "id"));
  const sentBytes = sent.bytes ?? Buffer.alloc(0);
  if (!id || !UUID.test(id)) return fail("the upload was accepted without an id to find it by");
  const size = Number(field(upload, "size_bytes"));
  if (size !== sentBytes.length) return fail(`the upload was stored with ${size} bytes of ${sentBytes.length}`);
  const back = await deps.fetch("backend", `/api/uploads/${id}`, sentBytes.length + 1024);
  if (back.error) return fail(`the upload could not be read back (${back.error})`);
  if (back.status === 404) return fail("the upload could not be read back (not found)");
  if (back.status !== 200) return fail(`the upload could not be read back (${back.status})`);
  if (!back.bytes.equals(sentBytes)) return fail("the upload read back differs");
  return OK;
}

async function userListed(json: unknown, sent: Sent, deps: MeaningDeps, known: KnownRows): Promise<Judgement> {
  const id = text(field(field(json, "user"), "id"));
  if (!id) return fail("the sign-up was accepted without a user");
  const list = await deps.fetch("proxy", "/api/users/today", 1024 * 1024);
  if (list.error) return fail(`today's sign-ups did not load (${list.error})`);
  if (list.status !== 200) return fail(`today's sign-ups did not load (${list.status})`);
  const users = field(parse(list.body), "users");
  if (!Array.isArray(users) || !users.some((u) => text(field(u, "id")) === id))
    return fail("the new sign-up is missing from today's sign-ups");
  if (!(await isStored(deps, known, "users", id, (sent.email ?? "").toLowerCase())))
    return fail("the new sign-up was not saved");
  return OK;
}

const SUBJECT: Record<MockMeaning, string> = {
  "search-matches": "search results",
  "products-exist": "the product list",
  "upload-readback": "the upload",
  "user-listed": "the new sign-up",
  "users-exist": "today's sign-ups",
  "uploads-exist": "the recent uploads",
};

/** Judge the meaning of an answer whose status and shape already passed. */
export async function judgeMeaning(
  meaning: MockMeaning,
  body: string,
  sent: Sent,
  deps: MeaningDeps,
  known: KnownRows,
): Promise<Judgement> {
  const json = parse(body);
  if (json === undefined) return fail(`${SUBJECT[meaning]}: the answer was not JSON`);
  try {
    switch (meaning) {
      case "search-matches":
        return await searchMatches(json, sent, deps, known);
      case "products-exist":
        return await productsExist(json, deps, known);
      case "users-exist":
        return await usersExist(json, deps, known);
      case "uploads-exist":
        return await uploadsExist(json, deps, known);
      case "upload-readback":
        return await uploadReadback(json, sent, deps);
      case "user-listed":
        return await userListed(json, sent, deps, known);
    }
  } catch (err) {
    // The shop's own records could not be asked: what was shown cannot be trusted.
    if (err instanceof Unconfirmed) return fail(`${SUBJECT[meaning]} could not be confirmed in the shop's database`);
    throw err;
  }
}
