/**
 * What failed, in a few lines per test, from a test layer's log (see print-failures.ts).
 * For node --test (spec reporter): each failing test's name, the diagnostics it printed (the level suites
 * print every check's verdict) and its error without the stack. For Playwright: each distinct error line.
 */

const MAX_DIAGNOSTICS = 12;
const MAX_ERROR_LINES = 8;
const FAILED = /^\s*✖ (.+?) \([\d.]+m?s\)$/;

/** The failing tests' names and errors, from the spec reporter's closing "failing tests:" section. */
function failingSection(lines: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const start = lines.findIndex((l) => l.trim() === "✖ failing tests:");
  if (start < 0) return out;
  let current: string[] | null = null;
  let inStack = false;
  for (const line of lines.slice(start + 1)) {
    const name = FAILED.exec(line)?.[1];
    if (name) {
      out.set(name, (current = []));
      inStack = false;
    } else if (/^\s+at /.test(line)) inStack = true;
    else if (current && !inStack && line.trim() && current.length < MAX_ERROR_LINES) current.push(line.trim());
  }
  return out;
}

/** The diagnostics (ℹ lines) the spec reporter printed under a test's result line. */
function diagnostics(lines: string[], name: string): string[] {
  const at = lines.findIndex((l) => FAILED.exec(l)?.[1] === name);
  if (at < 0) return [];
  const out: string[] = [];
  // The error and its stack come first, then the diagnostics, up to the next test's result line.
  for (const line of lines.slice(at + 1)) {
    if (/^\s*[✔✖﹣] /.test(line) || /^ℹ tests \d+$/.test(line)) break;
    if (/^\s*ℹ /.test(line)) out.push(line.trim());
    else if (out.length > 0) break;
  }
  return out.slice(-MAX_DIAGNOSTICS);
}

function playwrightErrors(lines: string[]): string[] {
  const seen = new Set<string>();
  for (const line of lines) if (/^\s+Error: /.test(line)) seen.add(line.trim());
  return [...seen];
}

/** The digest of one layer's log: empty when nothing in it failed. */
export function failureDigest(log: string): string[] {
  const lines = log.split("\n");
  const failing = failingSection(lines);
  const out: string[] = [];
  for (const [name, error] of failing) {
    out.push(`✖ ${name}`);
    for (const d of diagnostics(lines, name)) out.push(`    ${d}`);
    for (const e of error) out.push(`    ${e}`);
  }
  if (failing.size === 0) for (const e of playwrightErrors(lines)) out.push(`    ${e}`);
  return out;
}
