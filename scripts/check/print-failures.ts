/**
 * Prints what failed in the given test layer logs, a few lines per test, for the end of a test run: CI shows
 * only the run's tail, and the layer logs (.data/test-logs) stay on the machine that ran it.
 *   npx tsx scripts/check/print-failures.ts <layer log>...
 */
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { failureDigest } from "./failure-digest";

for (const file of process.argv.slice(2)) {
  const digest = existsSync(file) ? failureDigest(readFileSync(file, "utf8")) : [];
  if (digest.length === 0) continue;
  console.log(`-- ${basename(file, ".log")}`);
  for (const line of digest) console.log(line);
}
