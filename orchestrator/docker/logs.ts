/** Container logs: a tail, and a follow stream split into lines. */
import { PassThrough, type Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { call, docker } from "./client";

function lineSplitter(onLine: (line: string) => void): (chunk: Buffer) => void {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  return (chunk) => {
    rest += decoder.write(chunk);
    const lines = rest.split("\n");
    rest = lines.pop() ?? "";
    for (const l of lines) onLine(l.replace(/\r$/, ""));
    // A line without newline that grows past 16 KB is flushed as is.
    if (rest.length > 16_384) {
      onLine(rest);
      rest = "";
    }
  };
}

/** The last `tail` lines of stdout+stderr (containers run without TTY, so output is multiplexed). */
export async function tailLogs(containerId: string, tail: number): Promise<string[]> {
  const buf: Buffer = await call("container logs", (d) =>
    d.getContainer(containerId).logs({ stdout: true, stderr: true, tail, follow: false }),
  );
  const lines: string[] = [];
  const push = lineSplitter((l) => lines.push(l));
  // Demux the 8-byte frame headers by hand (the non-follow answer is one buffer).
  let i = 0;
  while (i + 8 <= buf.length) {
    const size = buf.readUInt32BE(i + 4);
    push(buf.subarray(i + 8, i + 8 + size));
    i += 8 + size;
  }
  push(Buffer.from("\n"));
  return lines.filter((l, idx) => !(idx === lines.length - 1 && l === ""));
}

/**
 * Follow a container's logs (from `sinceSeconds`, epoch, or from now); returns a
 * stop function. The stream ends when the container stops: `onEnd` says so.
 */
export async function followLogs(
  containerId: string,
  onLine: (line: string) => void,
  opts: { sinceSeconds?: number; onEnd?: () => void } = {},
): Promise<() => void> {
  const stream = (await call("follow container logs", (d) =>
    d.getContainer(containerId).logs({
      stdout: true,
      stderr: true,
      follow: true,
      ...(opts.sinceSeconds ? { since: opts.sinceSeconds } : { tail: 0 }),
    }),
  )) as unknown as Readable;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    opts.onEnd?.();
  };
  stream.on("end", end);
  stream.on("close", end);
  const out = new PassThrough();
  const push = lineSplitter(onLine);
  out.on("data", push);
  docker().modem.demuxStream(stream, out, out);
  stream.on("error", () => undefined);
  return () => {
    ended = true;
    stream.destroy();
  };
}
