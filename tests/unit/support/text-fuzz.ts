/** Seeded random texts and edits for the merge fuzz tests, and the check that no inserted word went missing. */
import assert from "node:assert/strict";

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCAB = ["the", "db", "proxy", "413", "disk", "full", "logs", "we", "restarted", "it", "nginx", "a", "é"];
const SEPS = [" ", " ", " ", "\n", "\n\n", ", ", ". "];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

export function randomText(r: () => number, words: number): string {
  let s = "";
  for (let i = 0; i < words; i++) {
    s += pick(r, VOCAB);
    if (i < words - 1) s += pick(r, SEPS);
  }
  return s;
}

let uniq = 0;
/** One to four random edits: fresh words inserted (sometimes inside a word), stretches deleted or replaced. */
export function randomEdit(r: () => number, text: string, who: string): string {
  const n = 1 + Math.floor(r() * 4);
  let s = text;
  for (let k = 0; k < n; k++) {
    const at = Math.floor(r() * (s.length + 1));
    const roll = r();
    if (roll < 0.4) {
      const word = `${who}${uniq++}`;
      const pad = r() < 0.7 ? " " : "";
      s = s.slice(0, at) + pad + word + (r() < 0.5 ? " " + randomText(r, 2) : "") + pad + s.slice(at);
    } else if (roll < 0.7) {
      s = s.slice(0, at) + s.slice(at + Math.floor(r() * 25));
    } else {
      s = s.slice(0, at) + randomText(r, 1 + Math.floor(r() * 3)) + s.slice(at + Math.floor(r() * 10));
    }
  }
  return s;
}

export function wordCounts(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of s.match(/[\p{L}\p{N}_]+/gu) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** Every word `side` has more of than `base` is in `merged` at least that many more times. */
export function assertKeepsInsertedWords(base: string, side: string, merged: string, label: string): void {
  const b = wordCounts(base);
  const got = wordCounts(merged);
  for (const [w, n] of wordCounts(side)) {
    const inserted = n - (b.get(w) ?? 0);
    if (inserted > 0 && (got.get(w) ?? 0) < inserted) {
      assert.fail(
        `${label}: "${w}" inserted ${inserted}x but found ${got.get(w) ?? 0}x\nbase: ${JSON.stringify(base)}\n` +
          `side: ${JSON.stringify(side)}\nmerged: ${JSON.stringify(merged)}`,
      );
    }
  }
}
