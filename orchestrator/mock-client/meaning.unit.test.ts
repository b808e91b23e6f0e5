import assert from "node:assert/strict";
import { test } from "node:test";
import type { SqlRow } from "../../levels/_sdk";
import { judgeMeaning, KnownRows, type FollowUpAnswer, type MeaningDeps } from "./meaning";

/** A tiny shop: what its database holds, and what its app and proxy answer to follow-ups. */
function shop(
  opts: { uploads?: Map<string, Buffer>; todayIds?: string[]; dbDown?: boolean; recentSignUp?: boolean } = {},
) {
  const products = new Map([
    ["1", "Rustic Oak Lamp 101"],
    ["2", "Sleek Copper Kettle 202"],
    ["3", "Modern Steel Chair 303"],
  ]);
  const users = new Map([["7", "maria.lopez12@gmail.com"]]);
  const uploadSums = new Map([["0b7c63f4-3f55-4d55-9a0e-6f1f2f2b6b11", "abc123"]]);
  const queries: string[] = [];
  const deps: MeaningDeps = {
    random: () => 0,
    sql: async (text: string, values: (string | number)[]): Promise<SqlRow[]> => {
      await Promise.resolve();
      queries.push(text);
      if (opts.dbDown) throw new Error("connection refused");
      const id = String(values[0]);
      if (text.includes("EXISTS") && text.includes("public.users")) return [{ v: opts.recentSignUp ? "t" : "f" }];
      if (text.includes("EXISTS")) return [{ v: uploadSums.size > 0 ? "t" : "f" }];
      const table = text.includes("public.products") ? products : text.includes("public.users") ? users : uploadSums;
      const v = table.get(id);
      return v === undefined ? [] : [{ v }];
    },
    fetch: async (where, path): Promise<FollowUpAnswer> => {
      await Promise.resolve();
      if (where === "backend") {
        const bytes = opts.uploads?.get(path.split("/").pop() ?? "");
        return bytes
          ? { status: 200, bytes, body: "", ms: 1 }
          : { status: 404, bytes: Buffer.alloc(0), body: "", ms: 1 };
      }
      const body = JSON.stringify({ date: "2026-12-01", users: (opts.todayIds ?? []).map((id) => ({ id })) });
      return { status: 200, bytes: Buffer.from(body), body, ms: 1 };
    },
  };
  return { deps, queries, known: new KnownRows() };
}

const item = (id: number, name: string) => ({ id, sku: `ABC-000000${id}`, name, brand: "Acme Labs" });

test("search-matches: real results pass; canned, unmatched, empty or invented results fail with the customer's words", async () => {
  const { deps, known } = shop();
  const real = JSON.stringify({ items: [item(1, "Rustic Oak Lamp 101")], total: 1 });
  assert.deepEqual(await judgeMeaning("search-matches", real, { term: "OAK lamp" }, deps, known), { ok: true });

  const canned = JSON.stringify({ items: [item(2, "Sleek Copper Kettle 202")], total: 1 });
  assert.deepEqual(await judgeMeaning("search-matches", canned, { term: "oak lamp" }, deps, known), {
    ok: false,
    reason: `search for "oak lamp" returned products that don't match`,
  });
  assert.deepEqual(await judgeMeaning("search-matches", JSON.stringify({ items: [] }), { term: "oak" }, deps, known), {
    ok: false,
    reason: `search for "oak" found nothing`,
  });
  // A proxy echoing the term into a made-up product: it matches, but the shop has no such product.
  const echoed = JSON.stringify({ items: [item(1, "Best oak lamp")] });
  assert.deepEqual(await judgeMeaning("search-matches", echoed, { term: "oak lamp" }, deps, known), {
    ok: false,
    reason: `search for "oak lamp" returned a product the shop doesn't have`,
  });
  const invented = JSON.stringify({ items: [item(999, "Oak Lamp")] });
  assert.equal((await judgeMeaning("search-matches", invented, { term: "oak lamp" }, deps, known)).ok, false);
  assert.deepEqual(await judgeMeaning("search-matches", "<html>", { term: "oak" }, deps, known), {
    ok: false,
    reason: "search results: the answer was not JSON",
  });
});

test("confirmed products are cached: the database is asked once per product", async () => {
  const { deps, known, queries } = shop();
  const real = JSON.stringify({ items: [item(1, "Rustic Oak Lamp 101")] });
  for (let i = 0; i < 5; i++) assert.equal((await judgeMeaning("products-exist", real, {}, deps, known)).ok, true);
  assert.equal(queries.length, 1);
  // A cached id with another name still fails.
  const renamed = JSON.stringify({ items: [item(1, "Canned Product")] });
  assert.deepEqual(await judgeMeaning("products-exist", renamed, {}, deps, known), {
    ok: false,
    reason: "the product list shows a product the shop doesn't have",
  });
  assert.deepEqual(await judgeMeaning("products-exist", JSON.stringify({ items: [] }), {}, deps, known), {
    ok: false,
    reason: "the product list is empty",
  });
});

test("the shop's database not answering fails the request (what was shown cannot be confirmed)", async () => {
  const { deps, known } = shop({ dbDown: true });
  const real = JSON.stringify({ items: [item(1, "Rustic Oak Lamp 101")] });
  assert.deepEqual(await judgeMeaning("products-exist", real, {}, deps, known), {
    ok: false,
    reason: "the product list could not be confirmed in the shop's database",
  });
});

test("upload-readback: the same bytes back from the app pass; canned ids, sizes or other bytes fail", async () => {
  const id = "5d0f4c1e-2b7a-4c39-8f0e-1a2b3c4d5e6f";
  const sent = Buffer.from("the customer's file");
  const good = JSON.stringify({ upload: { id, size_bytes: String(sent.length) } });
  const stored = shop({ uploads: new Map([[id, sent]]) });
  assert.deepEqual(await judgeMeaning("upload-readback", good, { bytes: sent }, stored.deps, stored.known), {
    ok: true,
  });

  const nothingStored = shop();
  assert.deepEqual(
    await judgeMeaning("upload-readback", good, { bytes: sent }, nothingStored.deps, nothingStored.known),
    {
      ok: false,
      reason: "the upload could not be read back (not found)",
    },
  );
  const other = shop({ uploads: new Map([[id, Buffer.from("the customer's fil!")]]) });
  assert.deepEqual(await judgeMeaning("upload-readback", good, { bytes: sent }, other.deps, other.known), {
    ok: false,
    reason: "the upload read back differs",
  });
  const short = JSON.stringify({ upload: { id, size_bytes: 4 } });
  assert.deepEqual(await judgeMeaning("upload-readback", short, { bytes: sent }, stored.deps, stored.known), {
    ok: false,
    reason: `the upload was stored with 4 bytes of ${sent.length}`,
  });
  const noId = JSON.stringify({ upload: { id: "canned", size_bytes: sent.length } });
  assert.equal((await judgeMeaning("upload-readback", noId, { bytes: sent }, stored.deps, stored.known)).ok, false);
});

test("user-listed: listed and stored passes; missing from today's list or not stored fails", async () => {
  const body = JSON.stringify({ user: { id: "7", name: "Maria Lopez" } });
  const listed = shop({ todayIds: ["9", "7"] });
  assert.deepEqual(
    await judgeMeaning("user-listed", body, { email: "Maria.Lopez12@gmail.com" }, listed.deps, listed.known),
    { ok: true },
  );
  const unlisted = shop({ todayIds: ["9"] });
  assert.deepEqual(
    await judgeMeaning("user-listed", body, { email: "maria.lopez12@gmail.com" }, unlisted.deps, unlisted.known),
    { ok: false, reason: "the new sign-up is missing from today's sign-ups" },
  );
  // A fake that lists whatever id it handed out, with nothing in the database.
  const fake = JSON.stringify({ user: { id: "8" } });
  const echo = shop({ todayIds: ["8"] });
  assert.deepEqual(await judgeMeaning("user-listed", fake, { email: "x@y.z" }, echo.deps, echo.known), {
    ok: false,
    reason: "the new sign-up was not saved",
  });
});

test("users-exist and uploads-exist: the lists are the database's", async () => {
  const { deps, known } = shop();
  const today = (users: unknown[]) => JSON.stringify({ date: "2026-12-01", users });
  assert.deepEqual(
    await judgeMeaning("users-exist", today([{ id: "7", email: "maria.lopez12@gmail.com" }]), {}, deps, known),
    {
      ok: true,
    },
  );
  // Nobody today: right when nobody just signed up, wrong when someone did.
  assert.deepEqual(await judgeMeaning("users-exist", today([]), {}, deps, known), { ok: true });
  const busy = shop({ recentSignUp: true });
  assert.deepEqual(await judgeMeaning("users-exist", today([]), {}, busy.deps, busy.known), {
    ok: false,
    reason: "today's sign-ups miss people who just signed up",
  });
  assert.deepEqual(
    await judgeMeaning("users-exist", today([{ id: "1", email: "canned@example.com" }]), {}, deps, known),
    {
      ok: false,
      reason: "today's sign-ups list someone who never signed up",
    },
  );
  const uploads = (list: unknown[]) => JSON.stringify({ uploads: list });
  const real = { id: "0b7c63f4-3f55-4d55-9a0e-6f1f2f2b6b11", sha256: "abc123" };
  assert.deepEqual(await judgeMeaning("uploads-exist", uploads([real]), {}, deps, known), { ok: true });
  assert.deepEqual(await judgeMeaning("uploads-exist", uploads([]), {}, deps, known), {
    ok: false,
    reason: "the recent uploads are missing files that are stored",
  });
  assert.deepEqual(await judgeMeaning("uploads-exist", uploads([{ id: "canned", sha256: "x" }]), {}, deps, known), {
    ok: false,
    reason: "the recent uploads list a file that was never stored",
  });
});

test("KnownRows keeps the newest rows only", () => {
  const k = new KnownRows(2);
  k.set("a", "1");
  k.set("b", "2");
  k.set("c", "3");
  assert.equal(k.get("a"), undefined);
  assert.equal(k.get("c"), "3");
  assert.equal(k.size(), 2);
});
