/** A level's own volume sizes over its stack: applied, and refused naming the key when they name nothing. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { loadCatalogue } from "./load-catalogue";
import { levelStack, volumeSizeProblems } from "./level-stack";
import { StackManifestSchema, type StackManifest } from "./stack-schema";

const LEVELS_DIR = join(import.meta.dirname, "../../levels");
const stackOf = (name: string): StackManifest =>
  StackManifestSchema.parse(parse(readFileSync(join(LEVELS_DIR, name, "stack.yaml"), "utf8")));

test("a level's size replaces only the volume it names", () => {
  const stack = stackOf("_stack");
  const sized = levelStack(stack, { "app/data": 24 });
  const app = sized.instances.find((i) => i.name === "app");
  assert.deepEqual(
    app?.volumes.map((v) => [v.name, v.sizeMb]),
    [
      ["data", 24],
      ["logs", 16],
      ["backups", 64],
    ],
  );
  assert.equal(stack.instances.find((i) => i.name === "app")?.volumes[0]?.sizeMb, 48, "the stack is not changed");
  assert.equal(levelStack(stack, {}), stack);
});

test("sizes naming no instance or no volume are refused, naming the key and what there is", () => {
  const stack = stackOf("_stack");
  assert.deepEqual(volumeSizeProblems(stack, { "cache/data": 8, "app/uploads": 8, "db/data": 8 }), [
    'volumeSizes.cache/data: the stack has no instance "cache"',
    'volumeSizes.app/uploads: instance "app" has no volume "uploads" (it has: data, logs, backups)',
    'volumeSizes.db/data: instance "db" has no volume "data" (it has: none)',
  ]);
  assert.throws(() => levelStack(stack, { "app/uploads": 8 }), /app\/uploads/);
});

test("every level's volume sizes name volumes of its stack", () => {
  for (const { manifest } of loadCatalogue(LEVELS_DIR).levels)
    assert.deepEqual(volumeSizeProblems(stackOf(manifest.stack), manifest.volumeSizes), [], manifest.id);
});
