/** Browser-side calls to the attempt routes; errors come back as values, never thrown. */
export interface ApiError {
  code: string;
  message: string;
  fields?: Record<string, string>;
}
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: ApiError };

export async function api<T>(
  url: string,
  init: { method?: string; body?: unknown; keepalive?: boolean } = {},
): Promise<ApiResult<T>> {
  try {
    const method = init.method ?? "GET";
    const res = await fetch(url, {
      method,
      // Every write is JSON, even without a body: the routes refuse any other content type (server/http/screen-write.ts).
      headers: method === "GET" ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      keepalive: init.keepalive,
      cache: "no-store",
      credentials: "same-origin",
    });
    const json: unknown = await res.json().catch(() => null);
    if (res.ok) return { ok: true, data: json as T };
    const error = (json as { error?: ApiError } | null)?.error ?? {
      code: "INTERNAL",
      message: `The server answered ${res.status}.`,
    };
    return { ok: false, status: res.status, error };
  } catch {
    return {
      ok: false,
      status: 0,
      error: {
        code: "OFFLINE",
        message: "Cannot reach Firedrill. Check your connection; your typing is kept in this browser.",
      },
    };
  }
}
