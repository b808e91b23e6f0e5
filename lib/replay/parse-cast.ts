/**
 * Parses an asciicast v2 recording (https://docs.asciinema.org/manual/asciicast/v2/):
 * a JSON header line, then `[seconds, code, data]` lines. A malformed line is
 * an error naming its line number; only an unterminated last line (a session
 * still being written) is dropped quietly. Pure: used by the browser's player.
 */
import { CastHeaderSchema, type CastHeader } from "../contracts/asciicast";
import { AppError } from "../errors";

export interface CastEvent {
  /** Seconds since the recording started. */
  t: number;
  /** "o" output, "i" input, "r" resize ("COLSxROWS"), "m" marker. */
  code: string;
  data: string;
}

export interface ParsedCast {
  header: CastHeader;
  /** In time order. */
  events: CastEvent[];
  /** True when an unterminated, unreadable last line was dropped. */
  truncated: boolean;
}

const bad = (line: number, why: string) => new AppError("INVALID_INPUT", `Recording line ${line}: ${why}.`);

function json(text: string, line: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw bad(line, "not valid JSON");
  }
}

function toEvent(raw: unknown, line: number): CastEvent {
  if (!Array.isArray(raw) || raw.length !== 3) throw bad(line, "an event must be [seconds, code, data]");
  const [t, code, data] = raw as unknown[];
  if (typeof t !== "number" || !Number.isFinite(t) || t < 0) throw bad(line, "the time must be a number ≥ 0");
  if (typeof code !== "string" || code.length === 0) throw bad(line, "the event code must be a string");
  if (typeof data !== "string") throw bad(line, "the event data must be a string");
  return { t, code, data };
}

export function parseCast(text: string): ParsedCast {
  const lines = text.split("\n");
  const unterminated = !text.endsWith("\n");
  const headerLine = lines[0]?.trim() ?? "";
  if (!headerLine) throw bad(1, "the header is missing");
  const header = CastHeaderSchema.safeParse(json(headerLine, 1));
  if (!header.success) {
    const issue = header.error.issues[0];
    throw bad(
      1,
      `not an asciicast v2 header (${issue ? `${issue.path.join(".") || "header"}: ${issue.message}` : ""})`,
    );
  }
  const events: CastEvent[] = [];
  let truncated = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    try {
      events.push(toEvent(json(line, i + 1), i + 1));
    } catch (err) {
      if (unterminated && i === lines.length - 1) truncated = true;
      else throw err;
    }
  }
  // Stable sort: equal times keep their order in the file.
  events.sort((a, b) => a.t - b.t);
  return { header: header.data, events, truncated };
}

/** "120x40" → { cols: 120, rows: 40 }; null when malformed. */
export function parseSize(data: string): { cols: number; rows: number } | null {
  const m = /^(\d{1,4})x(\d{1,4})$/.exec(data.trim());
  if (!m) return null;
  const cols = Number(m[1]);
  const rows = Number(m[2]);
  return cols > 0 && rows > 0 ? { cols, rows } : null;
}

/** Just the header of a recording (its first line), or null when it is not one. */
export function parseCastHeader(text: string): CastHeader | null {
  const end = text.indexOf("\n");
  try {
    const parsed = CastHeaderSchema.safeParse(JSON.parse(end < 0 ? text : text.slice(0, end)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
