/**
 * Did one mock request meet its expectations? Pure: status (one or a list), JSON shape of a success
 * (jsonHas paths exist, nonEmptyArray is a non-empty array) and latency.
 */
import type { MockRequest } from "../../lib/levels/manifest-schema";

export interface Answer {
  status: number;
  body: string;
  ms: number;
  /** No HTTP answer at all (ECONNREFUSED, timeout…). */
  error?: string;
}

export type Judgement = { ok: true } | { ok: false; reason: string };

export function getPath(value: unknown, dotted: string): { found: boolean; value: unknown } {
  let cur: unknown = value;
  for (const key of dotted.split(".").filter(Boolean)) {
    if (cur === null || typeof cur !== "object") return { found: false, value: undefined };
    const obj = cur as Record<string, unknown>;
    if (!(key in obj)) return { found: false, value: undefined };
    cur = obj[key];
  }
  return { found: true, value: cur };
}

export function judge(req: Pick<MockRequest, "path" | "expect">, answer: Answer): Judgement {
  const where = req.path.split("?")[0] ?? req.path;
  const exp = req.expect;
  if (answer.error) return { ok: false, reason: `${answer.error} on ${where}` };
  const accepted = Array.isArray(exp.status) ? exp.status : [exp.status];
  if (!accepted.includes(answer.status)) return { ok: false, reason: `${answer.status} from ${where}` };
  if (answer.ms > exp.maxMs) return { ok: false, reason: `slow ${where} (over ${exp.maxMs} ms)` };
  // A refusal the level accepts (a 4xx in the list) carries no list to check.
  if (answer.status < 400 && (exp.jsonHas.length > 0 || exp.nonEmptyArray)) {
    let json: unknown;
    try {
      json = JSON.parse(answer.body);
    } catch {
      return { ok: false, reason: `non-JSON answer from ${where}` };
    }
    for (const path of exp.jsonHas) {
      if (!getPath(json, path).found) return { ok: false, reason: `no ${path} in ${where}` };
    }
    if (exp.nonEmptyArray) {
      const got = getPath(json, exp.nonEmptyArray);
      if (!Array.isArray(got.value) || got.value.length === 0)
        return { ok: false, reason: `empty ${exp.nonEmptyArray} from ${where}` };
    }
  }
  return { ok: true };
}
