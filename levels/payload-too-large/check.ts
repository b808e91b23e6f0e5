/**
 * Fixed when: nginx's configuration is valid, every client_max_body_size in it
 * allows the customers' uploads without switching the limit off (0) or making
 * it meaningless (> 100 MB), and the running nginx accepts such an upload
 * (so the change was loaded, not only saved).
 */
import { randomBytes } from "node:crypto";
import type { LevelContext, Verdict } from "../_sdk";
import { requestJson, shown } from "../_lib/http";
import { SANE_MAX_BYTES, UPLOAD_BYTES, findBodySizeSettings, formatBytes, type BodySizeSetting } from "./nginx-config";

export default async function check(ctx: LevelContext): Promise<Verdict> {
  const test = await ctx.exec("proxy", "nginx -t 2>&1");
  if (test.exitCode !== 0) {
    const why = test.stdout.split("\n").find((l) => l.includes("emerg")) ?? test.stdout.trim().split("\n")[0];
    return { passed: false, message: `nginx -t fails, so nothing can be reloaded: ${why}` };
  }

  const dump = await ctx.exec("proxy", "nginx -T 2>/dev/null");
  const settings = findBodySizeSettings(dump.stdout);
  const upload = formatBytes(UPLOAD_BYTES);
  const where = (s: BodySizeSetting) => `client_max_body_size ${s.value} (${s.file}:${s.line})`;
  for (const s of settings) {
    if (s.bytes === null) return { passed: false, message: `${where(s)} is not a size nginx understands.` };
    if (s.bytes === 0)
      return { passed: false, message: `${where(s)} switches the limit off: keep a limit, just a large enough one.` };
    if (s.bytes > SANE_MAX_BYTES) {
      return {
        passed: false,
        message: `${where(s)} is effectively unlimited: the app refuses more than 25 MB anyway, keep the proxy's limit between ${upload} and 100 MB.`,
      };
    }
  }
  const small = settings.filter((s) => (s.bytes ?? 0) < UPLOAD_BYTES);

  // Symptoms first: the player learns where the limit is by investigating, not from the check.
  const res = await requestJson(ctx, "/api/uploads", {
    method: "POST",
    body: randomBytes(UPLOAD_BYTES),
    headers: { "content-type": "application/octet-stream", "x-filename": "check.bin" },
    timeoutMs: 10_000,
  });
  const stored = res.json?.upload as { size_bytes?: unknown } | undefined;
  if (res.status === 413 && !res.json) {
    if (settings.length === 0) {
      return {
        passed: false,
        message: `nginx still answers 413 to a ${upload} upload: with no client_max_body_size at all, its default of 1 MB applies.`,
      };
    }
    if (small.length === 0) {
      return {
        passed: false,
        message: `The configuration files look right, but the running nginx still answers 413 to a ${upload} upload: was it reloaded?`,
      };
    }
    return {
      passed: false,
      message: `A ${upload} upload through the proxy still gets 413 (Request Entity Too Large) from nginx.`,
    };
  }
  if (res.status !== 201 || Number(stored?.size_bytes) !== UPLOAD_BYTES) {
    return {
      passed: false,
      message: `A ${upload} upload through the proxy answers ${res.status || "nothing"}${res.json?.error ? ` (${shown(res.json.error)})` : ""}.`,
    };
  }
  const [first] = small;
  if (first) {
    return {
      passed: false,
      message: `Uploads work again, but ${where(first)} is still smaller than ${upload}: it will bite the next request it applies to.`,
    };
  }
  return {
    passed: true,
    message: `nginx accepts ${upload} uploads again and the app stores them (limit: ${settings.map((s) => s.value).join(", ")}).`,
  };
}
