/**
 * Reads a stream up to its first line (the asciicast header) and hands back the
 * whole stream, unchanged, to be passed on: the rest is never buffered here.
 */
export async function peekFirstLine(
  body: ReadableStream<Uint8Array>,
  max = 64 * 1024,
): Promise<{ firstLine: string; body: ReadableStream<Uint8Array> }> {
  const reader = body.getReader();
  const seen: Uint8Array[] = [];
  let size = 0;
  let newline = -1;
  while (newline < 0 && size < max) {
    const { value, done } = await reader.read();
    if (done || !value) break;
    const at = value.indexOf(10);
    if (at >= 0) newline = size + at;
    seen.push(value);
    size += value.length;
  }
  const head = Buffer.concat(seen);
  const firstLine = head.subarray(0, newline >= 0 ? newline : Math.min(head.length, max)).toString("utf8");
  let replayed = false;
  const whole = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!replayed) {
        replayed = true;
        if (head.length) return controller.enqueue(new Uint8Array(head));
      }
      const { value, done } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { firstLine, body: whole };
}
