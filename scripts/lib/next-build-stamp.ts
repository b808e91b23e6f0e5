/**
 * Whether .next holds a production build of the current sources, so a second
 * `npm start` does not rebuild for nothing. The stamp hashes every input's path,
 * size and modification time.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];

function walk(p: string, out: string[]): void {
  if (!existsSync(p)) return;
  const st = statSync(p);
  if (st.isDirectory()) {
    for (const name of readdirSync(p).sort()) walk(path.join(p, name), out);
  } else {
    out.push(`${p}:${st.size}:${st.mtimeMs}`);
  }
}

function sourcesHash(root: string): string {
  const entries: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), entries);
  return createHash("sha256").update(entries.join("\n")).digest("hex");
}

const stampFile = (root: string) => path.join(root, ".next", "firedrill-build-stamp");

export function nextBuildIsCurrent(root: string): boolean {
  const file = stampFile(root);
  return (
    existsSync(path.join(root, ".next", "BUILD_ID")) &&
    existsSync(file) &&
    readFileSync(file, "utf8") === sourcesHash(root)
  );
}

export function recordNextBuild(root: string): void {
  writeFileSync(stampFile(root), sourcesHash(root));
}
