/** missing-directory: the fault's code change applies to the stack's real source and still bundles. */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { build } from "esbuild";
import { DIRECTORY, MECHANISMS, changeConfig, changeUploads } from "../missing-directory/code-change";

const SRC = resolve(import.meta.dirname, "../_stack/app/src");

for (const mechanism of MECHANISMS) {
  test(`missing-directory (${mechanism}): the change applies, names its directory and bundles`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "fd-missing-directory-"));
    cpSync(SRC, join(dir, "src"), { recursive: true });
    const uploads = changeUploads(readFileSync(join(SRC, "routes/uploads.ts"), "utf8"), mechanism, 5100);
    const config = changeConfig(readFileSync(join(SRC, "config.ts"), "utf8"), mechanism);
    assert.match(uploads, /CHG-5100/);
    if (mechanism !== "tmpdir") assert.ok(config.includes(DIRECTORY[mechanism]?.path ?? "?"), config);
    writeFileSync(join(dir, "src/routes/uploads.ts"), uploads);
    writeFileSync(join(dir, "src/config.ts"), config);
    const out = await build({
      entryPoints: [join(dir, "src/main.ts")],
      bundle: true,
      platform: "node",
      format: "cjs",
      write: false,
      logLevel: "silent",
      external: ["pg"],
    });
    assert.deepEqual(out.errors, []);
  });
}
