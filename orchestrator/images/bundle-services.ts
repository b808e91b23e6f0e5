/**
 * Bundle the stack's Node services on the host (no npm inside images: HTTPS
 * registries fail there). One CommonJS file per entry, for Debian's Node 18.
 */
import { build } from "esbuild";
import { join } from "node:path";
import { OrchestratorError } from "../errors";

export interface Bundle {
  /** Path of the output inside the stack folder / build context (posix). */
  out: string;
  contents: Buffer;
}

export async function bundleServices(stackDir: string, entries: { entry: string; out: string }[]): Promise<Bundle[]> {
  const bundles: Bundle[] = [];
  for (const { entry, out } of entries) {
    try {
      const result = await build({
        entryPoints: [join(stackDir, entry)],
        outfile: join(stackDir, out),
        bundle: true,
        platform: "node",
        target: "node18",
        format: "cjs",
        write: false,
        logLevel: "silent",
        legalComments: "none",
      });
      const file = result.outputFiles.find((f) => f.path.endsWith(out)) ?? result.outputFiles[0];
      if (!file) throw new Error("esbuild produced no output");
      bundles.push({ out: out.replace(/^\.\//, ""), contents: Buffer.from(file.contents) });
    } catch (err) {
      const errors = (err as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors;
      const detail = errors?.length
        ? errors.map((e) => `${e.location ? `${e.location.file}:${e.location.line}: ` : ""}${e.text}`).join("\n")
        : (err as Error).message;
      throw new OrchestratorError("failed", `bundling ${entry} failed:\n${detail}`);
    }
  }
  return bundles;
}
