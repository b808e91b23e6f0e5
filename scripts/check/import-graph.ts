// Reads the imports of a tree of TypeScript files and answers the shape questions the boundary check
// and the shape measure ask: cycles between top-level folders, imports that point back up, framework
// imports where the domain lives. Pure over a file map, so a test can hand it a fixture.
import path from "node:path";
import ts from "typescript";

export type SourceFiles = ReadonlyMap<string, string>; // project-relative path (posix) → source text

export type ImportEdge = { from: string; to: string; specifier: string };

const extensions = [".ts", ".tsx", "/index.ts", "/index.tsx"];

/** The project-relative file an import specifier names, or null for a package (or a file not in the map). */
export function resolveSpecifier(files: SourceFiles, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.join(path.posix.dirname(from), specifier);
  else return null;
  if (files.has(base)) return base;
  for (const ext of extensions) if (files.has(base + ext)) return base + ext;
  return null;
}

/** Every static import, export-from, dynamic import() and require() specifier in one file's text. */
export function specifiersOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

export function importEdges(files: SourceFiles): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const [from, text] of files) {
    for (const specifier of specifiersOf(text)) {
      const to = resolveSpecifier(files, from, specifier);
      edges.push({ from, to: to ?? specifier, specifier });
    }
  }
  return edges;
}

/** `lib/attempts/x.ts` under root `lib` → `attempts`; a file directly in the root → null. */
export function topFolder(root: string, file: string): string | null {
  if (!file.startsWith(root + "/")) return null;
  const rest = file.slice(root.length + 1).split("/");
  return rest.length > 1 ? (rest[0] ?? null) : null;
}

/** Folder → folder → the file-level imports behind that folder edge (within one root). */
export function folderGraph(root: string, edges: readonly ImportEdge[]): Map<string, Map<string, ImportEdge[]>> {
  const graph = new Map<string, Map<string, ImportEdge[]>>();
  for (const e of edges) {
    const a = topFolder(root, e.from);
    const b = topFolder(root, e.to);
    if (!a || !b || a === b) continue;
    const out = graph.get(a) ?? new Map<string, ImportEdge[]>();
    graph.set(a, out);
    out.set(b, [...(out.get(b) ?? []), e]);
  }
  return graph;
}

/** Strongly connected components with more than one folder: each is a set of folders that all reach each other. */
export function folderCycles(graph: Map<string, Map<string, ImportEdge[]>>): string[][] {
  const nodes = new Set<string>();
  for (const [a, out] of graph) {
    nodes.add(a);
    for (const b of out.keys()) nodes.add(b);
  }
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of [...nodes].sort()) if (!idx.has(v)) visit(v);
  return out;
}

/**
 * The imports that point back up: inside each cycle, order the folders (greedily, the ones that import
 * least from the rest first: Eades' heuristic) and count the file imports on edges against that order.
 * Removing exactly those imports would leave no cycle.
 */
export function backPointingImports(graph: Map<string, Map<string, ImportEdge[]>>): ImportEdge[] {
  const back: ImportEdge[] = [];
  for (const scc of folderCycles(graph)) {
    const left = new Set(scc);
    const weight = (a: string, b: string) => graph.get(a)?.get(b)?.length ?? 0;
    const order: string[] = [];
    while (left.size) {
      // Fewest imports into the folders still left = lowest layer.
      let best = "";
      let bestScore = Infinity;
      for (const v of [...left].sort()) {
        let outW = 0;
        let inW = 0;
        for (const w of left) {
          if (w === v) continue;
          outW += weight(v, w);
          inW += weight(w, v);
        }
        const score = outW - inW;
        if (score < bestScore) [best, bestScore] = [v, score];
      }
      order.push(best);
      left.delete(best);
    }
    const rank = new Map(order.map((v, i) => [v, i]));
    for (const a of scc)
      for (const b of scc) if (rank.get(a)! < rank.get(b)!) back.push(...(graph.get(a)?.get(b) ?? []));
  }
  return back;
}

export const frameworkPackages = [
  "next",
  "next-auth",
  "react",
  "react-dom",
  "socket.io",
  "socket.io-client",
  "tailwindcss",
];

/** Is this specifier (a package import) one of the web frameworks? `next/server`, `next-auth/jwt`, … count. */
export function isFrameworkSpecifier(specifier: string): boolean {
  return frameworkPackages.some((p) => specifier === p || specifier.startsWith(p + "/"));
}

// Tailwind utility classes in a string literal: "bg-red-500", "text-slate-700", "border-amber-300"…
const tailwindClass =
  /["'`][^"'`]*\b(?:bg|text|border|ring|fill|stroke)-(?:slate|gray|zinc|neutral|stone|red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose)-\d{2,3}\b/;

export type FrameworkUse = { file: string; what: string };

export function frameworkUses(files: SourceFiles, root: string): FrameworkUse[] {
  const uses: FrameworkUse[] = [];
  for (const [file, text] of files) {
    if (!file.startsWith(root + "/")) continue;
    for (const s of specifiersOf(text)) if (isFrameworkSpecifier(s)) uses.push({ file, what: s });
    if (tailwindClass.test(text)) uses.push({ file, what: "tailwind classes" });
  }
  return uses;
}
