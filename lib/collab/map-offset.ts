/**
 * Where a position in a text ends up after the text changed (someone else's
 * edit merged in): the caret of the person typing stays by the word it was
 * beside, not thrown to the end of the field.
 */
import DiffMatchPatch from "diff-match-patch";

const dmp = new DiffMatchPatch();

export function mapOffset(before: string, after: string, offset: number): number {
  if (before === after) return offset;
  const at = dmp.diff_xIndex(dmp.diff_main(before, after), Math.max(0, Math.min(offset, before.length)));
  return Math.max(0, Math.min(at, after.length));
}

/** How many characters differ between two texts (to find which row now holds the text being typed). */
export function textDistance(a: string, b: string): number {
  return a === b ? 0 : dmp.diff_levenshtein(dmp.diff_main(a, b));
}
