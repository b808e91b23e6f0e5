/** Three-way text merge: both people's edits survive, and no word either typed is ever lost (fuzzed). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { mapOffset } from "../../lib/collab/map-offset";
import { mergeText, tokenize } from "../../lib/collab/merge-text";
import { assertKeepsInsertedWords, randomEdit, randomText, rng } from "./support/text-fuzz";

test("edits in different places of one field are both kept", () => {
  const base = "The proxy returned 413 for uploads. We checked the logs.";
  const mine = "The nginx proxy returned 413 for uploads. We checked the logs.";
  const theirs = "The proxy returned 413 for uploads. We checked the error logs.";
  assert.equal(mergeText(base, mine, theirs), "The nginx proxy returned 413 for uploads. We checked the error logs.");
});

test("edits to different paragraphs of one field are both kept", () => {
  const base = "Paragraph one.\n\nParagraph two.\n\nParagraph three.";
  const mine = "Paragraph one, rewritten by me.\n\nParagraph two.\n\nParagraph three.";
  const theirs = "Paragraph one.\n\nParagraph two.\n\nParagraph three, extended by them.";
  assert.equal(
    mergeText(base, mine, theirs),
    "Paragraph one, rewritten by me.\n\nParagraph two.\n\nParagraph three, extended by them.",
  );
});

test("both appending at the end keeps both additions, theirs first", () => {
  const base = "Restarted the proxy.";
  const mine = "Restarted the proxy.\nRaised client_max_body_size.";
  const theirs = "Restarted the proxy.\nChecked the SLI chart.";
  assert.equal(
    mergeText(base, mine, theirs),
    "Restarted the proxy.\nChecked the SLI chart.\nRaised client_max_body_size.",
  );
});

test("both appending to an empty field keeps both", () => {
  const merged = mergeText("", "mine here", "theirs here");
  assert.match(merged, /theirs here/);
  assert.match(merged, /mine here/);
});

test("a paragraph one side deletes and the other edits is kept, edited", () => {
  const base = "Keep this.\n\nThe disk filled up.\n\nAnd this.";
  const mine = "Keep this.\n\nAnd this.";
  const theirs = "Keep this.\n\nThe disk filled up with access logs.\n\nAnd this.";
  assert.equal(mergeText(base, mine, theirs), theirs);
  assert.equal(mergeText(base, theirs, mine), theirs, "whichever side deleted");
});

test("a deletion never swallows words the other side typed inside the deleted stretch", () => {
  const base = "the quick brown fox jumps";
  const mine = "the fox jumps";
  const theirs = "the quick very brown fox jumps";
  const merged = mergeText(base, mine, theirs);
  assert.match(merged, /\bvery\b/);
  assert.match(merged, /\bfox jumps$/);
});

test("the same word changed differently keeps both words whole", () => {
  const merged = mergeText("one word here", "one wordy here", "one words here");
  assert.match(merged, /\bwordy\b/);
  assert.match(merged, /\bwords\b/);
});

test("identical edits on both sides appear once", () => {
  assert.equal(mergeText("a b c", "a b c d", "a b c d"), "a b c d");
  assert.equal(mergeText("a b", "a X b", "a X b Y"), "a X b Y");
});

test("when one side did nothing, the other side's text is the result", () => {
  assert.equal(mergeText("x", "x", "y"), "y");
  assert.equal(mergeText("x", "y", "x"), "y");
});

test("tokens cover the text exactly", () => {
  const s = "Héllo,  wörld!\n\t42 is_the answer…";
  assert.equal(tokenize(s).join(""), s);
});

test("fuzz: every word either side inserted is in the merge (3000 random edits)", () => {
  for (let seed = 1; seed <= 3000; seed++) {
    const r = rng(seed);
    const base = randomText(r, Math.floor(r() * 30));
    const mine = randomEdit(r, base, "mine");
    const theirs = randomEdit(r, base, "theirs");
    const merged = mergeText(base, mine, theirs);
    assertKeepsInsertedWords(base, mine, merged, `seed ${seed} mine`);
    assertKeepsInsertedWords(base, theirs, merged, `seed ${seed} theirs`);
  }
});

test("fuzz: merging is a no-op when one side is unchanged, and keeps the other side whole", () => {
  for (let seed = 1; seed <= 300; seed++) {
    const r = rng(seed * 7919);
    const base = randomText(r, 20);
    const edited = randomEdit(r, base, "x");
    assert.equal(mergeText(base, base, edited), edited);
    assert.equal(mergeText(base, edited, base), edited);
  }
});

test("a caret keeps its place when text is merged in before or after it", () => {
  const before = "We restarted nginx.";
  const caret = before.indexOf("nginx");
  assert.equal(
    mapOffset(before, "Then we restarted nginx.", caret - 3 + 0),
    "Then we restarted nginx.".indexOf("nginx") - 3,
  );
  assert.equal(mapOffset(before, "We restarted nginx. Bob: it worked.", caret), caret);
  assert.equal(mapOffset(before, before, 4), 4);
  assert.equal(mapOffset("abc", "", 2), 0);
});
