/**
 * The change (CHG-<ticket>) the fault deploys: the upload route starts relying on a directory under the
 * app's runtime directory /run/app, which lives on the instance's RAM disk (/run is emptied at every boot).
 *   staging     partial uploads are staged in STAGING_DIR (/run/app/staging), then copied to the volume
 *   scan-queue  every stored upload queues a JSON note for the virus scanner in SCAN_QUEUE_DIR (/run/app/scan-queue)
 *   tmpdir      partial uploads go to a fresh mkdtemp() under the system's TMPDIR (/run/app/tmp, set in app.env)
 * Pure text edits of the app's source; each throws when its anchor is not found (the stack changed).
 */

export const MECHANISMS = ["staging", "scan-queue", "tmpdir"] as const;

/** The directory each mechanism relies on, and the app.env line that names it. */
export const DIRECTORY: Record<string, { path: string; env: string }> = {
  staging: { path: "/run/app/staging", env: "STAGING_DIR" },
  "scan-queue": { path: "/run/app/scan-queue", env: "SCAN_QUEUE_DIR" },
  tmpdir: { path: "/run/app/tmp", env: "TMPDIR" },
};

function replace(text: string, anchor: string, by: string, file: string): string {
  if (!text.includes(anchor)) throw new Error(`${file}: the change's anchor is missing: ${anchor}`);
  return text.replace(anchor, by);
}

const TMP_LINE = "  const tmp = join(ctx.config.uploadDir, `.${id}.part`);";
const RENAME_LINE = "    await rename(tmp, join(ctx.config.uploadDir, id));";
const FS_IMPORT = 'import { rename, rm, stat } from "node:fs/promises";';

export function changeUploads(source: string, mechanism: string, ticket: number): string {
  const f = "src/routes/uploads.ts";
  switch (mechanism) {
    case "staging": {
      let s = replace(source, FS_IMPORT, 'import { copyFile, rm, stat } from "node:fs/promises";', f);
      s = replace(
        s,
        TMP_LINE,
        `  // CHG-${ticket}: stage partial uploads on the RAM disk, not on the data volume.\n  const tmp = join(ctx.config.stagingDir, \`\${id}.part\`);`,
        f,
      );
      return replace(
        s,
        RENAME_LINE,
        "    await copyFile(tmp, join(ctx.config.uploadDir, id));\n    await rm(tmp, { force: true });",
        f,
      );
    }
    case "scan-queue": {
      const s = replace(source, FS_IMPORT, 'import { rename, rm, stat, writeFile } from "node:fs/promises";', f);
      return replace(
        s,
        RENAME_LINE,
        `${RENAME_LINE}\n    // CHG-${ticket}: queue every upload for the virus scanner (one JSON note per file).\n` +
          "    await writeFile(join(ctx.config.scanQueueDir, `${id}.json`), JSON.stringify({ id, filename, size }));",
        f,
      );
    }
    case "tmpdir": {
      let s = replace(source, FS_IMPORT, 'import { copyFile, mkdtemp, rm, stat } from "node:fs/promises";', f);
      s = replace(
        s,
        'import { join } from "node:path";',
        'import { tmpdir } from "node:os";\nimport { join } from "node:path";',
        f,
      );
      s = replace(
        s,
        TMP_LINE,
        `  // CHG-${ticket}: partial uploads go to the system's temporary directory, not to the data volume.\n` +
          '  const work = await mkdtemp(join(tmpdir(), "upload-"));\n  const tmp = join(work, `${id}.part`);',
        f,
      );
      s = replace(
        s,
        RENAME_LINE,
        "    await copyFile(tmp, join(ctx.config.uploadDir, id));\n    await rm(work, { recursive: true, force: true });",
        f,
      );
      return replace(
        s,
        "    await rm(tmp, { force: true });\n    if (err",
        "    await rm(work, { recursive: true, force: true });\n    if (err",
        f,
      );
    }
    default:
      throw new Error(`unknown mechanism ${mechanism}`);
  }
}

/** The configuration fields the staging and scan-queue changes add (tmpdir needs none: Node reads TMPDIR). */
export function changeConfig(source: string, mechanism: string): string {
  const f = "src/config.ts";
  if (mechanism === "staging") {
    const s = replace(
      source,
      "  uploadDir: string;\n",
      "  uploadDir: string;\n  /** Partial uploads, before they are complete. */\n  stagingDir: string;\n",
      f,
    );
    return replace(
      s,
      '    uploadDir: env.UPLOAD_DIR ?? "/var/lib/app/uploads",\n',
      '    uploadDir: env.UPLOAD_DIR ?? "/var/lib/app/uploads",\n    stagingDir: env.STAGING_DIR ?? "/run/app/staging",\n',
      f,
    );
  }
  if (mechanism === "scan-queue") {
    const s = replace(
      source,
      "  uploadDir: string;\n",
      "  uploadDir: string;\n  /** Notes for the virus scanner, one per upload. */\n  scanQueueDir: string;\n",
      f,
    );
    return replace(
      s,
      '    uploadDir: env.UPLOAD_DIR ?? "/var/lib/app/uploads",\n',
      '    uploadDir: env.UPLOAD_DIR ?? "/var/lib/app/uploads",\n    scanQueueDir: env.SCAN_QUEUE_DIR ?? "/run/app/scan-queue",\n',
      f,
    );
  }
  return source;
}
