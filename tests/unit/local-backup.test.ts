/** Which local copy of a document comes back on load (components/shared/autosave/local-backup). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { contentToRestore } from "../../components/shared/autosave/local-backup";
import { mergeContent } from "../../lib/collab/merge-content";

type Doc = { a: string; b: string };
const merge = (base: Doc, mine: Doc, theirs: Doc) => mergeContent(base, mine, theirs);
const server = { content: { a: "server", b: "" }, version: 3, updatedAt: "2026-01-01T10:00:00.000Z" };
const later = Date.parse(server.updatedAt) + 1000;

test("a copy of the server's version, written after its save, comes back as it is", () => {
  const b = { content: { a: "typed", b: "" }, version: 3, at: later };
  assert.deepEqual(contentToRestore(b, server, merge), { a: "typed", b: "" });
});

test("a copy older than the server's save, or equal to it, is not brought back", () => {
  assert.equal(contentToRestore({ content: { a: "typed", b: "" }, version: 3, at: later - 5000 }, server, merge), null);
  assert.equal(contentToRestore({ content: server.content, version: 3, at: later }, server, merge), null);
});

test("a copy from before a teammate's save is merged onto it, when the page can merge and knows its base", () => {
  const b = { content: { a: "base", b: "mine" }, base: { a: "base", b: "" }, version: 2, at: later };
  assert.deepEqual(contentToRestore(b, server, merge), { a: "server", b: "mine" });
  assert.equal(contentToRestore(b, server, undefined), null, "without merge rules");
  assert.equal(contentToRestore({ ...b, base: undefined }, server, merge), null, "a copy from an older page");
});
