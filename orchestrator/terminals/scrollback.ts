/** The last N bytes a terminal printed, replayed to whoever (re)attaches. Never splits a UTF-8 character. */
export class Scrollback {
  private chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly limit = 64 * 1024) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.limit && this.chunks.length > 0) {
      const first = this.chunks[0] as Buffer;
      const excess = this.size - this.limit;
      if (first.length <= excess) {
        this.chunks.shift();
        this.size -= first.length;
      } else {
        let cut = excess;
        // Skip UTF-8 continuation bytes (10xxxxxx) so the replay starts on a character.
        while (cut < first.length && ((first[cut] as number) & 0xc0) === 0x80) cut++;
        this.chunks[0] = first.subarray(cut);
        this.size -= cut;
      }
    }
  }

  text(): string {
    return Buffer.concat(this.chunks).toString("utf8");
  }

  bytes(): number {
    return this.size;
  }
}
