/**
 * `npm run clean`: remove every Firedrill object on the Docker engine (label
 * firedrill.managed=true: environments, warm-pool stacks, keepers, networks,
 * volumes — of every checkout and test run). Images are kept. Stop Firedrill
 * first: live environments go too.
 *   npm run clean -- --dry-run            list, remove nothing
 *   npm run clean -- --orchestrator <id>  only one orchestrator's objects
 */
import { cleanEngine } from "../orchestrator/cli/clean-engine";

const argv = process.argv.slice(2);
const dryRun = argv.includes("--dry-run");
const at = argv.indexOf("--orchestrator");
const orchestratorId = at >= 0 ? argv[at + 1] : undefined;
if (at >= 0 && !orchestratorId) {
  console.error("usage: npm run clean -- [--dry-run] [--orchestrator <id>]");
  process.exit(2);
}
const report = await cleanEngine({ orchestratorId, dryRun });
const verb = dryRun ? "would remove" : "removed";
for (const [kind, names] of Object.entries(report) as [string, string[]][]) {
  console.log(`[firedrill] ${verb} ${names.length} ${kind}${names.length ? `: ${names.join(", ")}` : ""}`);
}
