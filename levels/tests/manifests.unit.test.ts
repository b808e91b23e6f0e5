/**
 * Without Docker: every level.yaml validates and is complete, a broken
 * manifest is refused naming its file and field, and the levels' pure helpers
 * (nginx sizes, plan reading, time-zone choice) behave.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { loadCatalogue } from "../../lib/levels/load-catalogue";
import { resolveParams } from "../../lib/levels/params";
import { StackManifestSchema } from "../../lib/levels/stack-schema";
import { parse } from "yaml";
import { parseNginxSize, UPLOAD_BYTES } from "../payload-too-large/nginx-config";
import { explainSql, productsAccess, searchTerm } from "../missing-index/search";
import { dateIn, isUtcAllYear, minutesOff, offsetMinutes, pickZone } from "../timezone/zones";

const LEVELS_DIR = join(import.meta.dirname, "..");
const CAUSE_WORDS: Record<string, string[]> = {
  "locked-migration": ["lock", "migration", "transaction"],
  "payload-too-large": ["413", "client_max_body_size", "nginx", "too large"],
  "missing-index": ["index", "explain", "scan"],
  "disk-full": ["disk", "space", "full"],
  timezone: ["time zone", "timezone", "utc"],
};
/** Every folder of levels/ that is a level (not `_…`, `.…` or tests), found on disk, not pinned here. */
const LEVEL_IDS = readdirSync(LEVELS_DIR)
  .filter((name) => !/^[_.]/.test(name) && name !== "tests" && statSync(join(LEVELS_DIR, name)).isDirectory())
  .sort();

test("every level.yaml validates and every level folder is in the catalogue", () => {
  const catalogue = loadCatalogue(LEVELS_DIR);
  assert.deepEqual(catalogue.errors, []);
  assert.ok(LEVEL_IDS.length >= 1, "no level folders");
  assert.deepEqual(catalogue.levels.map((l) => l.manifest.id).sort(), LEVEL_IDS);
});

test("the stack manifest validates", () => {
  const stack = StackManifestSchema.parse(parse(readFileSync(join(LEVELS_DIR, "_stack/stack.yaml"), "utf8")));
  assert.deepEqual(
    stack.instances.map((i) => i.name),
    ["proxy", "app", "db"],
  );
  const totalMb = stack.instances.reduce((sum, i) => sum + i.memoryMb, 0);
  assert.ok(totalMb <= 512, `memory limits add up to ${totalMb} MB`);
});

test("every level is complete: modules, tiered hints, rubric, templates that resolve", () => {
  for (const { manifest: m, dir } of loadCatalogue(LEVELS_DIR).levels) {
    assert.ok(existsSync(join(dir, m.fault.module)), `${m.id}: ${m.fault.module}`);
    assert.ok(existsSync(join(dir, m.check.module)), `${m.id}: ${m.check.module}`);
    assert.equal(m.hints.length, 3, `${m.id}: three tiered hints`);
    const costs = m.hints.map((h) => h.cost);
    assert.deepEqual(
      costs,
      [...costs].sort((a, b) => a - b),
      `${m.id}: hints cost more as they tell more`,
    );
    assert.ok(m.rubric.report.length >= 3 && m.rubric.postmortem.length >= 3, `${m.id}: rubric`);
    assert.ok(Object.keys(m.params).length >= 2, `${m.id}: randomised parameters`);
    assert.ok(
      m.mockClient.requests.some((r) => r.expect.jsonHas.length > 0),
      `${m.id}: the mock client checks response shapes`,
    );
    // Every {{name}} used in steps, mock paths/bodies and the solution is a parameter (or the mock client's rand).
    const names = new Set([...Object.keys(m.params), "rand"]);
    const texts = [
      ...m.referenceFix.map((s) => s.run),
      ...m.symptomFix.map((s) => s.run),
      ...m.injects.flatMap((i) => i.steps.map((s) => s.run)),
      ...m.alternativeFixes.flatMap((f) => f.steps.map((s) => s.run)),
      ...m.tampers.flatMap((f) => f.steps.map((s) => s.run)),
      ...m.mockClient.requests.map((r) => `${r.path} ${JSON.stringify(r.json ?? "")}`),
      m.solution,
    ];
    for (const text of texts) {
      for (const [, name] of text.matchAll(/\{\{(\w+)\}\}/g))
        assert.ok(names.has(name as string), `${m.id}: unknown {{${name}}} in ${text.slice(0, 60)}`);
    }
    // The briefing tells symptoms, never the cause.
    for (const word of CAUSE_WORDS[m.id] ?? [])
      assert.ok(!m.briefing.toLowerCase().includes(word), `${m.id}: the briefing says "${word}"`);
  }
});

test("every level offers a facilitator a second fault to inject, on one of its own machines", () => {
  for (const { manifest: m } of loadCatalogue(LEVELS_DIR).levels) {
    assert.ok(m.injects.length >= 1, `${m.id}: at least one inject`);
    for (const inject of m.injects)
      for (const step of inject.steps)
        assert.ok(["proxy", "app", "db"].includes(step.instance), `${m.id}/${inject.id}: ${step.instance}`);
  }
});

test("every check observes from outside: CheckContext only, no exec, no psql inside the player's instances", () => {
  // Structural guard (levels/README.md, "How a check observes"): a check typed with CheckContext cannot
  // hand its context to anything that needs exec (the typecheck sees to that); these catch the rest.
  const problems: string[] = [];
  for (const { manifest: m, dir } of loadCatalogue(LEVELS_DIR).levels) {
    const text = readFileSync(join(dir, m.check.module), "utf8");
    const where = `${m.id}/${m.check.module}`;
    if (/["'][./]*_lib\/psql["']/.test(text)) problems.push(`${where} imports _lib/psql`);
    if (/\bctx\s*\.\s*(exec|sql)\s*\(/.test(text)) problems.push(`${where} uses ctx.exec or ctx.sql`);
    if (/\bLevelContext\b/.test(text)) problems.push(`${where} mentions LevelContext`);
    if (!/export\s+default\s+async\s+function\s*\w*\s*\(\s*ctx\s*:\s*CheckContext\s*\)/.test(text))
      problems.push(`${where}: the default export does not take (ctx: CheckContext)`);
  }
  assert.deepEqual(problems, []);
});

test("every level states its alternative fixes and its own tampers (fields present, at least one entry)", () => {
  const problems: string[] = [];
  for (const { manifest: m, dir } of loadCatalogue(LEVELS_DIR).levels) {
    const raw = parse(readFileSync(join(dir, "level.yaml"), "utf8")) as Record<string, unknown>;
    if (!Array.isArray(raw.alternativeFixes)) problems.push(`${m.id}: level.yaml has no alternativeFixes list`);
    if (!Array.isArray(raw.tampers)) problems.push(`${m.id}: level.yaml has no tampers list`);
    if (m.alternativeFixes.length + m.tampers.length === 0)
      problems.push(`${m.id}: neither an alternative fix nor a level-specific tamper`);
    for (const step of [...m.alternativeFixes, ...m.tampers].flatMap((f) => f.steps))
      if (!["proxy", "app", "db"].includes(step.instance)) problems.push(`${m.id}: unknown instance ${step.instance}`);
  }
  assert.deepEqual(problems, []);
});

test("two variant seeds deal different parameters for every level", () => {
  for (const { manifest: m } of loadCatalogue(LEVELS_DIR).levels) {
    const a = resolveParams(m.params, "variant-a");
    const b = resolveParams(m.params, "variant-b");
    assert.notDeepEqual(a, b, m.id);
    assert.deepEqual(resolveParams(m.params, "variant-a"), a, `${m.id}: deterministic`);
  }
});

test("a broken manifest is refused, naming its file and field, while the others load", () => {
  const dir = mkdtempSync(join(tmpdir(), "fd-levels-broken-"));
  const good = readFileSync(join(LEVELS_DIR, "payload-too-large/level.yaml"), "utf8");
  mkdirSync(join(dir, "payload-too-large"));
  writeFileSync(join(dir, "payload-too-large/level.yaml"), good);
  mkdirSync(join(dir, "broken-level"));
  writeFileSync(
    join(dir, "broken-level/level.yaml"),
    good.replace("id: payload-too-large", "id: broken-level").replace("difficulty: easy", "difficulty: impossible"),
  );
  mkdirSync(join(dir, "bad-yaml"));
  writeFileSync(join(dir, "bad-yaml/level.yaml"), "id: bad-yaml\ntitle: [unclosed\n");

  const catalogue = loadCatalogue(dir);
  assert.deepEqual(
    catalogue.levels.map((l) => l.manifest.id),
    ["payload-too-large"],
  );
  const difficulty = catalogue.errors.find((e) => e.file.endsWith(join("broken-level", "level.yaml")));
  assert.equal(difficulty?.field, "difficulty", JSON.stringify(catalogue.errors));
  const yaml = catalogue.errors.find((e) => e.file.endsWith(join("bad-yaml", "level.yaml")));
  assert.equal(yaml?.field, "(yaml)");
});

test("payload-too-large: the check's upload size is the mock client's", () => {
  const m = loadCatalogue(LEVELS_DIR).levels.find((l) => l.manifest.id === "payload-too-large")?.manifest;
  const upload = m?.mockClient.requests.find((r) => r.path === "/api/uploads");
  assert.equal(upload?.bytes, UPLOAD_BYTES);
  for (const limit of (m?.params.limit as { choose: string[] }).choose) {
    assert.ok(
      (parseNginxSize(limit) ?? Infinity) < Math.min(UPLOAD_BYTES, 1024 * 1024),
      `${limit} must refuse the uploads (and nginx's 1m default must too)`,
    );
  }
});

test("payload-too-large: nginx sizes", () => {
  assert.equal(parseNginxSize("512"), 512);
  assert.equal(parseNginxSize("64k"), 65536);
  assert.equal(parseNginxSize("25M"), 25 * 1024 * 1024);
  assert.equal(parseNginxSize("1g"), 1024 ** 3);
  assert.equal(parseNginxSize("lots"), null);
});

test("missing-index: the EXPLAIN reading tells a full scan from index use", () => {
  assert.equal(searchTerm("oak+lamp"), "oak lamp");
  assert.match(explainSql("it's"), /ILIKE '%it''s%'/);
  const seq = JSON.stringify([
    {
      Plan: {
        "Node Type": "Aggregate",
        Plans: [{ "Node Type": "Seq Scan", "Relation Name": "products", Filter: "((name ~~* '%x%'))" }],
      },
    },
  ]);
  assert.deepEqual(productsAccess(seq), { fullScan: true, indexes: [] });
  const pkeyFilter = JSON.stringify([
    {
      Plan: {
        "Node Type": "Index Scan",
        "Relation Name": "products",
        "Index Name": "products_pkey",
        Filter: "(name ~~* '%x%')",
      },
    },
  ]);
  assert.equal(productsAccess(pkeyFilter).fullScan, true);
  const bitmap = JSON.stringify([
    {
      Plan: {
        "Node Type": "Bitmap Heap Scan",
        "Relation Name": "products",
        Plans: [
          {
            "Node Type": "BitmapOr",
            Plans: [{ "Node Type": "Bitmap Index Scan", "Index Name": "products_name_trgm_idx" }],
          },
        ],
      },
    },
  ]);
  assert.deepEqual(productsAccess(bitmap), { fullScan: false, indexes: ["products_name_trgm_idx"] });
});

test("timezone: at every minute of a day, the chosen zone's date differs from UTC's", () => {
  const candidates = ["Pacific/Tongatapu", "Pacific/Honolulu"];
  for (const day of ["2025-01-15", "2025-07-15"]) {
    for (let minute = 0; minute < 24 * 60 - 5; minute += 5) {
      const at = new Date(Date.parse(`${day}T00:00:00Z`) + minute * 60_000);
      const zone = pickZone(candidates, at);
      assert.notEqual(dateIn(zone, at), dateIn("UTC", at), `${at.toISOString()} → ${zone}`);
      // …and keeps differing for a while, except in the last minutes of the UTC day (no zone can).
      if (minute < 24 * 60 - 60) assert.ok(minutesOff(zone, at, 30) >= 30, `${at.toISOString()} → ${zone}`);
    }
  }
});

test("timezone: offsets and UTC-all-year", () => {
  const jan = new Date("2025-01-15T12:00:00Z");
  assert.equal(offsetMinutes("Pacific/Kiritimati", jan), 14 * 60);
  assert.equal(offsetMinutes("Pacific/Pago_Pago", jan), -11 * 60);
  assert.equal(offsetMinutes("Pacific/Chatham", jan), 13 * 60 + 45);
  for (const zone of ["UTC", "Etc/UTC", "Etc/GMT", "Africa/Abidjan"]) assert.equal(isUtcAllYear(zone), true, zone);
  for (const zone of ["Europe/London", "Pacific/Kiritimati", "Not/AZone"])
    assert.equal(isUtcAllYear(zone), false, zone);
});
