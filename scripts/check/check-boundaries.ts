// The import-boundary check (static test layer) and the shape measure, in one pass over the tree.
//   npx tsx scripts/check/check-boundaries.ts            fails on a violation, prints the figures
//   npx tsx scripts/check/check-boundaries.ts --verbose  also lists every cycle's and back edge's imports
// Fails when: top-level folders of lib/ or orchestrator/ import each other in a cycle, or lib/ (the
// domain) imports a web framework (next, next-auth, react, socket.io), carries Tailwind classes, or
// imports the layers above it (server/, app/, components/, scripts/).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import {
  backPointingImports,
  folderCycles,
  folderGraph,
  frameworkUses,
  importEdges,
  type SourceFiles,
} from "./import-graph";

export const checkedRoots = ["lib", "orchestrator"];
export const domainRoot = "lib";
/** What the domain must never import: the transport, the pages, the UI, the scripts. */
export const aboveDomain = ["server", "app", "components", "scripts"];
const scannedRoots = ["lib", "orchestrator", "server", "app", "components", "scripts", "levels"];

function walk(root: string, dir: string, into: Map<string, string>) {
  for (const name of readdirSync(path.join(root, dir))) {
    if (name === "node_modules" || name === "dist" || name.startsWith(".")) continue;
    const rel = dir ? `${dir}/${name}` : name;
    if (statSync(path.join(root, rel)).isDirectory()) walk(root, rel, into);
    else if (/\.tsx?$/.test(name) && !/\.d\.ts$/.test(name) && !/\.test\.tsx?$/.test(name))
      into.set(rel, readFileSync(path.join(root, rel), "utf8"));
  }
}

/** The project's source files (tests left out: a test may reach across layers), keyed by relative path. */
export function readSources(projectRoot: string, roots = scannedRoots): SourceFiles {
  const files = new Map<string, string>();
  for (const r of roots) {
    try {
      walk(projectRoot, r, files);
    } catch {
      // a root that does not exist has nothing to check
    }
  }
  return files;
}

export type BoundaryReport = {
  cycles: { root: string; folders: string[] }[];
  backPointing: { root: string; from: string; to: string }[];
  framework: { file: string; what: string }[];
  upward: { from: string; to: string }[];
  longFiles: { file: string; lines: number }[];
};

export function checkBoundaries(files: SourceFiles): BoundaryReport {
  const edges = importEdges(files);
  const report: BoundaryReport = { cycles: [], backPointing: [], framework: [], upward: [], longFiles: [] };
  for (const root of checkedRoots) {
    const graph = folderGraph(root, edges);
    for (const folders of folderCycles(graph)) report.cycles.push({ root, folders });
    for (const e of backPointingImports(graph)) report.backPointing.push({ root, from: e.from, to: e.to });
  }
  report.framework = frameworkUses(files, domainRoot);
  report.upward = edges
    .filter((e) => e.from.startsWith(domainRoot + "/") && aboveDomain.some((a) => e.to.startsWith(a + "/")))
    .map(({ from, to }) => ({ from, to }));
  for (const [file, text] of files) {
    const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    if (lines > 300) report.longFiles.push({ file, lines });
  }
  report.longFiles.sort((a, b) => b.lines - a.lines);
  return report;
}

export function violations(r: BoundaryReport): string[] {
  return [
    ...r.cycles.map((c) => `cycle between folders of ${c.root}/: ${c.folders.join(", ")}`),
    ...r.framework.map((f) => `framework in the domain: ${f.file} uses ${f.what}`),
    ...r.upward.map((u) => `the domain imports a layer above it: ${u.from} → ${u.to}`),
  ];
}

function main() {
  const verbose = process.argv.includes("--verbose");
  const r = checkBoundaries(readSources(process.cwd()));
  console.log(`folder cycles (lib/, orchestrator/): ${r.cycles.length}`);
  for (const c of r.cycles) console.log(`  ${c.root}: ${c.folders.join(" ↔ ")}`);
  console.log(`back-pointing imports: ${r.backPointing.length}`);
  if (verbose) for (const b of r.backPointing) console.log(`  ${b.from} → ${b.to}`);
  const frameworkFiles = new Set(r.framework.map((f) => f.file));
  console.log(`framework imports in lib/: ${r.framework.length} (in ${frameworkFiles.size} files)`);
  if (verbose) for (const f of r.framework) console.log(`  ${f.file}: ${f.what}`);
  console.log(`imports from lib/ into server/, app/, components/, scripts/: ${r.upward.length}`);
  console.log(`files over 300 lines: ${r.longFiles.length}`);
  for (const f of r.longFiles) console.log(`  ${f.file} (${f.lines})`);
  const bad = violations(r);
  if (bad.length) {
    console.error(`\nimport boundaries: ${bad.length} violation(s)`);
    for (const v of bad) console.error(`  ${v}`);
    process.exit(1);
  }
  console.log("\nimport boundaries: clean");
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
