/**
 * `npm run clean`: remove every Firedrill object on the Docker engine (label
 * firedrill.managed=true: environments, warm-pool stacks, keepers, networks,
 * volumes — of every checkout and test run). Images are kept. Stop Firedrill
 * first: live environments go too.
 *   npm run clean -- --dry-run            list, remove nothing
 *   npm run clean -- --orchestrator <id>  only one orchestrator's objects
 *   npm run clean -- --data-dir <dir>     only the objects of the orchestrator keeping its state in <dir>
 */
import path from "node:path";
import { cleanEngine } from "../orchestrator/cli/clean-engine";
import { orchestratorIdFor } from "../orchestrator/driver/names";

const argv = process.argv.slice(2);
const dryRun = argv.includes("--dry-run");
const valueOf = (flag: string) => (argv.includes(flag) ? (argv[argv.indexOf(flag) + 1] ?? "") : undefined);
const byId = valueOf("--orchestrator");
const byDir = valueOf("--data-dir");
if (byId === "" || byDir === "") {
  console.error("usage: npm run clean -- [--dry-run] [--orchestrator <id> | --data-dir <dir>]");
  process.exit(2);
}
// The same derivation as the orchestrator's (config.ts): a hash of its state folder.
const orchestratorId = byId ?? (byDir ? orchestratorIdFor(path.resolve(byDir, "orchestrator")) : undefined);
const report = await cleanEngine({ orchestratorId, dryRun });
const verb = dryRun ? "would remove" : "removed";
for (const [kind, names] of Object.entries(report) as [string, string[]][]) {
  console.log(`[firedrill] ${verb} ${names.length} ${kind}${names.length ? `: ${names.join(", ")}` : ""}`);
}
