/** Shell helpers for faults and checks. */
import type { ExecResult, LevelContext } from "../_sdk";

/** Quote a value for `sh`: 'it'\''s'. */
export function shq(value: string | number): string {
  return `'${String(value).replace(/'/g, `'\\''`)}'`;
}

/** Run a script a fault depends on; throw with its output when it fails. */
export async function mustExec(
  ctx: LevelContext,
  instance: string,
  script: string,
  opts?: { user?: string; timeoutMs?: number },
): Promise<ExecResult> {
  const result = await ctx.exec(instance, script, opts);
  if (result.exitCode !== 0) {
    const output = `${result.stderr}\n${result.stdout}`.trim().split("\n").slice(-5).join("\n");
    throw new Error(`${instance}: exit ${result.exitCode}: ${output}`);
  }
  return result;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Poll `probe` until it returns a value (not undefined) or the time is up; returns the last value or undefined. */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 250,
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() + intervalMs > deadline) return undefined;
    await sleep(intervalMs);
  }
}
