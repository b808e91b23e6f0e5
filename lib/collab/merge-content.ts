/**
 * Three-way merge of a whole document (the report, the postmortem), field by
 * field: what only one side changed is taken from that side; free text that
 * both changed is merged with mergeText; lists (timeline rows, action items,
 * hypotheses) are merged item by item; choices (`atomic` keys such as a
 * severity) are theirs unless mine changed them. Nothing either side added is
 * dropped. Pure: the server merges a late save with it, the browser merges
 * someone else's save into what is being typed.
 */
import { mergeText } from "./merge-text";
import { sequenceEdits } from "./sequence-edits";

export interface MergeRules {
  /** Keys (at any depth) whose values are replaced whole, never text-merged: enums, dates. */
  atomic?: readonly string[];
}

type Rules = { atomic: ReadonlySet<string> };

export function mergeContent<T>(base: T, mine: T, theirs: T, rules: MergeRules = {}): T {
  return mergeValue(base, mine, theirs, undefined, { atomic: new Set(rules.atomic ?? []) }) as T;
}

function mergeValue(base: unknown, mine: unknown, theirs: unknown, key: string | undefined, rules: Rules): unknown {
  if (deepEqual(mine, theirs) || deepEqual(base, theirs)) return mine;
  if (deepEqual(base, mine)) return theirs;
  if (key !== undefined && rules.atomic.has(key)) return mine;
  if (typeof mine === "string" && typeof theirs === "string")
    return mergeText(typeof base === "string" ? base : "", mine, theirs);
  if (Array.isArray(mine) && Array.isArray(theirs))
    return mergeList(Array.isArray(base) ? (base as unknown[]) : [], mine as unknown[], theirs as unknown[], rules);
  if (isRecord(mine) && isRecord(theirs)) {
    const b = isRecord(base) ? base : {};
    const out: Record<string, unknown> = {};
    for (const k of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      const v = mergeValue(b[k], mine[k], theirs[k], k, rules);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  return mine; // a scalar both changed: mine changed it last
}

/** What one side did to each base item, and what it inserted before each gap. */
interface SideOps {
  item: ({ op: "keep" } | { op: "delete" } | { op: "change"; value: unknown })[];
  inserted: unknown[][];
}

/**
 * Lists are aligned on each item's identity: its `id` when items have one,
 * else its whole value. A run of items one side replaced is read as edits of
 * the replaced items in order (a row being typed in), the rest as removals or
 * additions. An item one side removed and the other edited is kept, edited.
 */
function mergeList(base: unknown[], mine: unknown[], theirs: unknown[], rules: Rules): unknown[] {
  const byId = [...base, ...mine, ...theirs].every((x) => isRecord(x) && typeof x.id === "string");
  const key = (x: unknown) => (byId ? `id:${String((x as { id: string }).id)}` : stableJson(x));
  const m = sideOps(base, mine, key, byId);
  const t = sideOps(base, theirs, key, byId);
  if (!m || !t) return unionFallback(base, mine, theirs);
  const out: unknown[] = [];
  for (let i = 0; i <= base.length; i++) {
    const theirsNew = t.inserted[i] ?? [];
    const mineNew = (m.inserted[i] ?? []).filter((x) => !theirsNew.some((y) => deepEqual(x, y)));
    out.push(...theirsNew, ...mineNew);
    if (i === base.length) break;
    const mi = m.item[i] ?? { op: "keep" };
    const ti = t.item[i] ?? { op: "keep" };
    if (mi.op === "change" && ti.op === "change") out.push(mergeValue(base[i], mi.value, ti.value, undefined, rules));
    else if (mi.op === "change") out.push(mi.value);
    else if (ti.op === "change") out.push(ti.value);
    else if (mi.op === "keep" && ti.op === "keep") out.push(base[i]);
  }
  return byId ? mergeDuplicateIds(out, base, rules) : out;
}

/** An item one side moved and the other edited shows up twice: one item, both changes, where it first appears. */
function mergeDuplicateIds(items: unknown[], base: unknown[], rules: Rules): unknown[] {
  const idOf = (x: unknown) => (x as { id: string }).id;
  const at = new Map<string, number>();
  const out: unknown[] = [];
  for (const x of items) {
    const seen = at.get(idOf(x));
    if (seen === undefined) {
      at.set(idOf(x), out.length);
      out.push(x);
    } else {
      const original = base.find((b) => idOf(b) === idOf(x));
      out[seen] = mergeValue(original, x, out[seen], undefined, rules);
    }
  }
  return out;
}

function sideOps(base: unknown[], other: unknown[], key: (x: unknown) => string, byId: boolean): SideOps | null {
  const edits = sequenceEdits(base.map(key), other.map(key));
  if (!edits) return null;
  const ops: SideOps = { item: base.map(() => ({ op: "keep" })), inserted: [] };
  const insert = (gap: number, items: unknown[]) => {
    if (items.length) (ops.inserted[gap] ??= []).push(...items);
  };
  // Items kept by identity may still have changed inside (an item with an id edited in place).
  let bi = 0;
  let oi = 0;
  const sameIdentity = (until: number) => {
    for (; bi < until; bi++, oi++) {
      if (!deepEqual(base[bi], other[oi])) ops.item[bi] = { op: "change", value: other[oi] };
    }
  };
  for (const e of edits) {
    sameIdentity(e.start);
    const removed = e.end - e.start;
    const added = e.to - e.from;
    const paired = byId ? 0 : Math.min(removed, added);
    for (let k = 0; k < paired; k++) ops.item[e.start + k] = { op: "change", value: other[e.from + k] };
    for (let k = paired; k < removed; k++) ops.item[e.start + k] = { op: "delete" };
    insert(e.end, other.slice(e.from + paired, e.to));
    bi = e.end;
    oi = e.to;
  }
  sameIdentity(base.length);
  return ops;
}

/** Too many distinct items to align: theirs, then whatever mine has that theirs lacks. */
function unionFallback(base: unknown[], mine: unknown[], theirs: unknown[]): unknown[] {
  const extra = mine.filter((x) => !theirs.some((y) => deepEqual(x, y)) && !base.some((y) => deepEqual(x, y)));
  return [...theirs, ...extra];
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function stableJson(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(stableJson).join(",")}]`;
  if (isRecord(x))
    return `{${Object.keys(x)
      .sort()
      .filter((k) => x[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson(x[k])}`)
      .join(",")}}`;
  return JSON.stringify(x) ?? "null";
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return stableJson(a) === stableJson(b);
}
