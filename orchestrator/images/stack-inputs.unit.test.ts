import assert from "node:assert/strict";
import { test } from "node:test";
import { stackImageRepo, stackImageTag } from "./names";
import { contextFiles, hashInputs } from "./stack-inputs";

const f = (path: string, text: string, mode = 0o644) => ({ path, mode, contents: Buffer.from(text) });

test("the image hash changes with any input and only with inputs", () => {
  const files = [f("Dockerfile", "FROM x"), f("a.txt", "a")];
  const h = hashInputs(files, "sha256:base", "Dockerfile");
  assert.equal(
    hashInputs(
      [...files].reverse().sort((a, b) => a.path.localeCompare(b.path)),
      "sha256:base",
      "Dockerfile",
    ),
    h,
  );
  assert.notEqual(hashInputs([f("Dockerfile", "FROM x"), f("a.txt", "b")], "sha256:base", "Dockerfile"), h);
  assert.notEqual(hashInputs([f("Dockerfile", "FROM x"), f("a.txt", "a", 0o755)], "sha256:base", "Dockerfile"), h);
  assert.notEqual(hashInputs(files, "sha256:other", "Dockerfile"), h);
});

test("bundles join the context at their out path, replacing a stale file there", () => {
  const all = contextFiles(
    [f("Dockerfile", "x"), f("www/i.html", "y")],
    [{ out: "app/dist/server.cjs", contents: Buffer.from("z") }],
  );
  assert.deepEqual(
    all.map((x) => x.path),
    ["Dockerfile", "app/dist/server.cjs", "www/i.html"],
  );
});

test("stack image names are valid Docker references", () => {
  assert.equal(stackImageRepo("_stack"), "firedrill/stack-stack");
  assert.equal(stackImageRepo("My_Stack!"), "firedrill/stack-my_stack");
  assert.equal(stackImageTag("_stack", "0123456789abcdef0123"), "firedrill/stack-stack:0123456789abcdef");
  for (const s of ["_stack", "__x__", "a--_b", "_"])
    assert.match(stackImageRepo(s), /^firedrill\/stack-[a-z0-9]+(?:[._-][a-z0-9]+)*$/);
});
