/**
 * At most `limit` pieces of work at once; the rest wait in arrival order. Cold boots go through
 * one (ORCHESTRATOR_BOOT_PARALLEL): ten PostgreSQL and Node boots at once on two cores thrash,
 * and every player waits for the slowest; a few at a time finish the first ones early.
 */
export class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next)
        next(); // the slot passes straight to the next in line
      else this.running--;
    }
  }

  /** Would work given now have to wait? */
  get full(): boolean {
    return this.running >= this.limit;
  }

  /** Work waiting for a slot now. */
  get queued(): number {
    return this.waiting.length;
  }
}
