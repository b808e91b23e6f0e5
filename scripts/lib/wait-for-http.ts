/** Poll a URL until it answers 2xx (health checks of supervised children). */
export async function waitForHttp(
  url: string,
  timeoutMs: number,
  headers: Record<string, string> = {},
  everyMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { headers, signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (${last})`);
}
