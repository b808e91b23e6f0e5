/**
 * Build (or confirm) the base image and every stack image the levels use.
 *   tsx orchestrator/cli/build-images.ts [--levels DIR] [--stack NAME]...
 * Prints progress; exits non-zero with a clear message when a build fails.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadCatalogue } from "../../lib/levels/load-catalogue";
import { engineVersion } from "../docker/client";
import { messageOf } from "../errors";
import { ensureBaseImage } from "../images/ensure-base-image";
import { ensureStackImage } from "../images/ensure-stack-image";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      levels: { type: "string", default: process.env.LEVELS_DIR ?? "levels" },
      stack: { type: "string", multiple: true },
    },
  });
  const levelsDir = resolve(values.levels);
  const print = (line: string) => console.log(`  ${line}`);
  const started = Date.now();

  console.log(`docker ${await engineVersion()}`);
  const base = await ensureBaseImage(print);
  console.log(`base image ${base.ref} (${base.source})`);

  const catalogue = loadCatalogue(levelsDir);
  for (const e of catalogue.errors) console.warn(`warning: level refused: ${e.file}: ${e.field}: ${e.message}`);
  const stacks = values.stack?.length ? values.stack : [...new Set(catalogue.levels.map((l) => l.manifest.stack))];
  if (stacks.length === 0) console.warn(`warning: no level in ${levelsDir} uses a stack; nothing else to build`);
  for (const stack of stacks) {
    const t = Date.now();
    console.log(`stack ${stack}:`);
    const img = await ensureStackImage(levelsDir, stack, print);
    console.log(
      `stack ${stack}: ${img.tag} ${img.built ? `built in ${((Date.now() - t) / 1000).toFixed(1)} s` : "up to date"}`,
    );
  }
  console.log(`images ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err: unknown) => {
  console.error(`build-images failed: ${messageOf(err)}`);
  if (/unavailable/i.test(messageOf(err)))
    console.error("is the Docker engine running? try: bash scripts/docker/ensure-docker.sh");
  process.exit(1);
});
