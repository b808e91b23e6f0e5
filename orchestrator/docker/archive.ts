/**
 * The engine's own view of a container's files: the archive API hands over a tar of
 * the path, built by the engine from the container's filesystem (volumes included).
 * No program inside the container runs, so a player's `stat`, `cat` or shell
 * wrapper cannot change what is seen. The first tar entry is the path itself: its
 * header says what it is (file, symlink, FIFO…), its size, mode, owner and mtime.
 */
import type { Readable } from "node:stream";
import { extract, type Header } from "tar-stream";
import { OrchestratorError } from "../errors";
import { call } from "./client";

export interface ArchiveEntry {
  header: Header;
  /** The entry's bytes (regular files only, at most `maxBytes`); empty otherwise. */
  content: Buffer;
  /** True when the file had more bytes than were read. */
  truncated: boolean;
}

/** The first entry of the path's archive, or null when nothing is at the path. */
export async function archiveEntry(
  containerId: string,
  path: string,
  opts: { maxBytes?: number; wantContent?: boolean } = {},
): Promise<ArchiveEntry | null> {
  let stream: Readable;
  try {
    stream = (await call(`read ${path}`, (d) => d.getContainer(containerId).getArchive({ path }))) as Readable;
  } catch (err) {
    if (err instanceof OrchestratorError && err.code === "gone") return null; // 404: no such file
    throw err;
  }
  const maxBytes = opts.maxBytes ?? 1024 * 1024;
  return new Promise((resolve, reject) => {
    const tar = extract();
    let settled = false;
    const finish = (value: ArchiveEntry | null, err?: Error) => {
      if (settled) return;
      settled = true;
      stream.unpipe(tar);
      stream.destroy();
      tar.destroy();
      if (err) reject(err);
      else resolve(value);
    };
    tar.on("entry", (header, body) => {
      if (!opts.wantContent || header.type !== "file") {
        finish({ header, content: Buffer.alloc(0), truncated: false });
        body.resume();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      body.on("data", (data: unknown) => {
        const c = data as Buffer;
        if (size < maxBytes) chunks.push(c.subarray(0, maxBytes - size));
        size += c.length;
        if (size >= maxBytes) finish({ header, content: Buffer.concat(chunks), truncated: size > maxBytes });
      });
      body.on("end", () => finish({ header, content: Buffer.concat(chunks), truncated: false }));
    });
    tar.on("finish", () => finish(null));
    tar.on("error", (err: Error) =>
      finish(null, new OrchestratorError("internal", `archive of ${path}: ${err.message}`)),
    );
    stream.on("error", (err: Error) =>
      finish(null, new OrchestratorError("internal", `archive of ${path}: ${err.message}`)),
    );
    stream.pipe(tar);
  });
}

/** `docker top`: the host's `ps` over the container's processes (ps_args as given). */
export async function topProcesses(
  containerId: string,
  psArgs: string,
): Promise<{ titles: string[]; processes: string[][] }> {
  const result = (await call(`list processes of ${containerId.slice(0, 12)}`, (d) =>
    d.getContainer(containerId).top({ ps_args: psArgs }),
  )) as { Titles?: string[]; Processes?: string[][] };
  return { titles: result.Titles ?? [], processes: result.Processes ?? [] };
}
