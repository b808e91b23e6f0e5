/** Who saved which version of a shared document, as heard live: names the teammate whose edits a merge took in. */
export class SaveAuthors {
  private readonly byVersion = new Map<number, string | null>();

  note(version: number, name: string | null): void {
    this.byVersion.set(version, name);
  }

  /** A name heard for a save after version `from`, up to `to`. */
  between(from: number, to: number): string | null {
    for (const [v, name] of this.byVersion) if (v > from && v <= to && name) return name;
    return null;
  }
}
