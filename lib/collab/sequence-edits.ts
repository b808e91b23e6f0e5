/**
 * The edits that turn a base sequence into another, as ranges of the base
 * replaced by runs of the other. diff-match-patch diffs strings, so each
 * distinct key (a word, a list item's identity) becomes one character first,
 * as dmp's own line mode does. Pure; shared by the text and list merges.
 */
import DiffMatchPatch from "diff-match-patch";

/** Base items [start, end) are replaced by the other's items [from, to); start === end is an insertion. */
export interface SeqEdit {
  start: number;
  end: number;
  from: number;
  to: number;
}

const FIRST = 0x100;
const SURROGATES = [0xd800, 0xdfff] as const;
const LAST = 0xffff;

const dmp = new DiffMatchPatch();

function encoder() {
  const codes = new Map<string, string>();
  let next = FIRST;
  return (keys: readonly string[]): string | null => {
    let out = "";
    for (const k of keys) {
      let c = codes.get(k);
      if (c === undefined) {
        if (next === SURROGATES[0]) next = SURROGATES[1] + 1;
        if (next > LAST) return null;
        c = String.fromCharCode(next++);
        codes.set(k, c);
      }
      out += c;
    }
    return out;
  };
}

/** The edits from `base` to `other`, in order and never touching each other; null if too many distinct keys. */
export function sequenceEdits(base: readonly string[], other: readonly string[]): SeqEdit[] | null {
  const encode = encoder();
  const a = encode(base);
  const b = encode(other);
  if (a === null || b === null) return null;
  const edits: SeqEdit[] = [];
  let bi = 0;
  let oi = 0;
  let cur: SeqEdit | null = null;
  for (const [op, text] of dmp.diff_main(a, b, false)) {
    if (op === DiffMatchPatch.DIFF_EQUAL) {
      if (cur) edits.push(cur);
      cur = null;
      bi += text.length;
      oi += text.length;
      continue;
    }
    cur ??= { start: bi, end: bi, from: oi, to: oi };
    if (op === DiffMatchPatch.DIFF_DELETE) cur.end = bi += text.length;
    else cur.to = oi += text.length;
  }
  if (cur) edits.push(cur);
  return edits;
}
