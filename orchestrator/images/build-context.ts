/** A tar build context from in-memory files (the stack folder plus bundles). */
import type { Readable } from "node:stream";
import tar from "tar-stream";
import type { ContextFile } from "./stack-inputs";

export function tarContext(files: ContextFile[]): Readable {
  const pack = tar.pack();
  for (const f of files) {
    pack.entry({ name: f.path, mode: f.mode, size: f.contents.length, mtime: new Date(0) }, f.contents);
  }
  pack.finalize();
  return pack as unknown as Readable;
}
