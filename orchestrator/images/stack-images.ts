/**
 * Stack images as the provisioning path needs them: built at most once at a
 * time per stack, and looked up quickly once built in this process.
 */
import { ensureStackImage, type StackImage } from "./ensure-stack-image";

export class StackImages {
  private readonly ready = new Map<string, StackImage>();
  private readonly building = new Map<string, Promise<StackImage>>();

  constructor(
    private readonly levelsDir: string,
    private readonly onLine: (line: string) => void = () => undefined,
  ) {}

  /** Check inputs again (a rebuild when the stack folder changed), sharing a build in progress. */
  ensure(stack: string, onLine: (line: string) => void = this.onLine): Promise<StackImage> {
    const running = this.building.get(stack);
    if (running) return running;
    const p = ensureStackImage(this.levelsDir, stack, onLine)
      .then((img) => (this.ready.set(stack, img), img))
      .finally(() => this.building.delete(stack));
    this.building.set(stack, p);
    return p;
  }

  /** The image from this process's last check, or a fresh check. */
  async current(stack: string): Promise<StackImage> {
    return this.ready.get(stack) ?? this.ensure(stack);
  }

  forget(stack: string): void {
    this.ready.delete(stack);
  }
}
