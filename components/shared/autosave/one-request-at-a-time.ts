/**
 * The autosave's requests (a save, a fetch of the latest) go one at a time, so
 * each starts from what the last one left.
 */
export class OneRequestAtATime {
  /** The request in flight, if any. */
  private current: Promise<unknown> | null = null;

  get busy(): boolean {
    return this.current !== null;
  }

  /** Settles once the request in flight (if any) has, whatever its outcome. */
  async idle(): Promise<void> {
    await this.current?.catch(() => undefined);
  }

  run<R>(request: () => Promise<R>): Promise<R> {
    const p = request().finally(() => {
      if (this.current === p) this.current = null;
    });
    this.current = p;
    return p;
  }
}
