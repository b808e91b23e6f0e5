import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { loadCatalogue } from "../../lib/levels/load-catalogue";

const good = `
id: ID
title: A good level
category: database
difficulty: easy
parMinutes: 10
briefing: Something is slow since the deploy.
objectives: [Find it]
shells: [app]
hints: [{ text: look, cost: 1 }]
rubric:
  report: [{ id: cause, title: Cause, description: names it, points: 1 }]
  postmortem: [{ id: action, title: Action, description: names one, points: 1 }]
mockClient:
  requests: [{ name: home, path: / }]
referenceFix: [{ instance: app, run: "true" }]
symptomFix: [{ instance: app, run: "true" }]
solution: The cause is the deploy.
`;

function levelsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "catalogue-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

test("good levels load; _folders and tests are skipped", () => {
  const dir = levelsDir({
    "alpha/level.yaml": good.replace("ID", "alpha"),
    "beta/level.yaml": good.replace("ID", "beta"),
    "_stack/stack.yaml": "image: {}",
    "_sdk/index.ts": "",
    "tests/level.yaml": "nonsense",
  });
  const c = loadCatalogue(dir);
  assert.deepEqual(c.errors, []);
  assert.deepEqual(
    c.levels.map((l) => l.manifest.id),
    ["alpha", "beta"],
  );
  assert.equal(c.levels[0]?.manifest.stack, "_stack");
  assert.equal(c.levels[0]?.dir, join(dir, "alpha"));
});

test("a bad manifest is refused with its file and field path; the rest still load", () => {
  const dir = levelsDir({
    "alpha/level.yaml": good.replace("ID", "alpha"),
    "broken/level.yaml": good
      .replace("ID", "broken")
      .replace("requests: [{ name: home, path: / }]", "requests: [{ name: home, path: nope }]"),
  });
  const c = loadCatalogue(dir);
  assert.deepEqual(
    c.levels.map((l) => l.manifest.id),
    ["alpha"],
  );
  assert.equal(c.errors.length, 1);
  assert.match(c.errors[0]?.file ?? "", /broken\/level\.yaml$/);
  assert.equal(c.errors[0]?.field, "mockClient.requests.0.path");
});

test("YAML syntax errors, unknown keys, a wrong id and a missing file are each named", () => {
  const dir = levelsDir({
    "syntax/level.yaml": "id: [unclosed",
    "extra/level.yaml": good.replace("ID", "extra") + "\nsurprise: true\n",
    "wrongid/level.yaml": good.replace("ID", "other-id"),
    "empty/README.md": "no manifest here",
  });
  const c = loadCatalogue(dir);
  assert.equal(c.levels.length, 0);
  const byFile = (name: string) => c.errors.find((e) => e.file.includes(`${name}/`));
  assert.equal(byFile("syntax")?.field, "(yaml)");
  assert.equal(byFile("extra")?.field, "(root)");
  assert.match(byFile("extra")?.message ?? "", /surprise/);
  assert.equal(byFile("wrongid")?.field, "id");
  assert.equal(byFile("empty")?.message, "level.yaml missing");
});
