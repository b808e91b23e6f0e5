/**
 * Three-way merge of one text field edited by two people from the same base.
 * Both diffs (base→mine, base→theirs) are taken with diff-match-patch over
 * tokens (words, runs of spaces, single punctuation marks), so an edit never
 * splits a word. Edits in different places are both applied. Where they
 * overlap, nobody's words are dropped: a side that only deleted yields to the
 * other, a side whose text already contains the other's wins, and otherwise
 * both versions of that stretch are kept, theirs then mine (it may need
 * tidying, but no word is lost).
 *
 * Why not patch_apply: its fuzzy deletion removes whatever lies in the deleted
 * range of the other text, including words the other person just typed there.
 */
import { sequenceEdits } from "./sequence-edits";

type Side = "mine" | "theirs";
interface Edit {
  side: Side;
  start: number;
  end: number;
  tokens: string[];
}
interface Group {
  start: number;
  end: number;
  edits: Edit[];
}

const TOKEN = /\s+|[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu;
const WORD = /^[\p{L}\p{N}_]/u;
const SPACE = /^\s/;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export function mergeText(base: string, mine: string, theirs: string): string {
  if (mine === theirs || base === theirs) return mine;
  if (base === mine) return theirs;
  const b = tokenize(base);
  const m = tokenize(mine);
  const t = tokenize(theirs);
  const em = sequenceEdits(b, m);
  const et = sequenceEdits(b, t);
  if (!em || !et) return joinTokens(bothVersions(t, m));
  const edits: Edit[] = [
    ...em.map((e) => ({ side: "mine" as const, start: e.start, end: e.end, tokens: m.slice(e.from, e.to) })),
    ...et.map((e) => ({ side: "theirs" as const, start: e.start, end: e.end, tokens: t.slice(e.from, e.to) })),
  ].sort((x, y) => x.start - y.start || x.end - y.end);

  const out: string[] = [];
  let pos = 0;
  for (const g of groupOverlapping(edits)) {
    out.push(...b.slice(pos, g.start));
    out.push(...resolve(b, g));
    pos = g.end;
  }
  out.push(...b.slice(pos));
  return joinTokens(out);
}

/**
 * Groups edits that touch the same stretch of the base: ranges that intersect,
 * an insertion strictly inside the other side's range, or two insertions at the
 * same point. An insertion at the edge of a range is not a conflict (it goes
 * before or after it).
 */
function groupOverlapping(sorted: Edit[]): Group[] {
  const groups: Group[] = [];
  let g: Group | null = null;
  for (const e of sorted) {
    const point = e.start === e.end;
    const joins =
      g !== null &&
      (e.start < g.end ||
        (point &&
          e.start === g.end &&
          g.edits.some((x) => x.side !== e.side && x.start === x.end && x.start === e.start)));
    if (g && joins) {
      g.edits.push(e);
      g.end = Math.max(g.end, e.end);
    } else {
      g = { start: e.start, end: e.end, edits: [e] };
      groups.push(g);
    }
  }
  return groups;
}

/** One side's version of the group's stretch of the base. */
function version(base: string[], g: Group, side: Side): string[] {
  const out: string[] = [];
  let p = g.start;
  for (const e of g.edits) {
    if (e.side !== side) continue;
    out.push(...base.slice(p, e.start), ...e.tokens);
    p = e.end;
  }
  out.push(...base.slice(p, g.end));
  return out;
}

function resolve(base: string[], g: Group): string[] {
  const mine = version(base, g, "mine");
  const theirs = version(base, g, "theirs");
  if (!g.edits.some((e) => e.side === "mine")) return theirs;
  if (!g.edits.some((e) => e.side === "theirs")) return mine;
  const original = base.slice(g.start, g.end);
  if (same(mine, theirs)) return mine;
  if (isSubsequence(mine, original) || isSubsequence(mine, theirs)) return theirs; // mine only deleted, or theirs has it all
  if (isSubsequence(theirs, original) || isSubsequence(theirs, mine)) return mine;
  return bothVersions(theirs, mine);
}

function bothVersions(first: string[], second: string[]): string[] {
  const last = first.at(-1);
  const next = second[0];
  if (last === undefined || next === undefined || SPACE.test(last) || SPACE.test(next)) return [...first, ...second];
  const multiline = [...first, ...second].some((x) => x.includes("\n"));
  return [...first, multiline ? "\n" : " ", ...second];
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Whether every token of `a` appears in `b`, in order. */
function isSubsequence(a: string[], b: string[]): boolean {
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j] !== x) j++;
    if (j === b.length) return false;
    j++;
  }
  return true;
}

/** Tokens back to text; two words that met only through the merge get a space, so neither is changed. */
function joinTokens(tokens: string[]): string {
  let out = "";
  let prev = "";
  for (const t of tokens) {
    if (prev && WORD.test(prev) && WORD.test(t)) out += " ";
    out += t;
    prev = t;
  }
  return out;
}
