/** Parsing asciicast v2 for the replay: header, events, malformed lines named by number, live truncation. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { instanceOf, userOf } from "../../lib/contracts/asciicast";
import { isAppError } from "../../lib/errors";
import { parseCast, parseCastHeader, parseSize } from "../../lib/replay/parse-cast";

const header = { version: 2, width: 100, height: 30, timestamp: 1_700_000_000, title: "env-a proxy (Ada)" };
const cast = (...lines: unknown[]) =>
  lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n") + "\n";

function failsAt(text: string, line: number, why: RegExp): void {
  assert.throws(
    () => parseCast(text),
    (err: unknown) =>
      isAppError(err) &&
      err.code === "INVALID_INPUT" &&
      err.message.startsWith(`Recording line ${line}:`) &&
      why.test(err.message),
  );
}

test("reads the header and the events in time order", () => {
  const parsed = parseCast(
    cast(header, [0.1, "o", "$ "], [0.5, "i", "ls\r"], [0.6, "r", "120x40"], "", [1.25, "o", "x"]),
  );
  assert.equal(parsed.header.width, 100);
  assert.equal(parsed.header.timestamp, 1_700_000_000);
  assert.deepEqual(
    parsed.events.map((e) => [e.t, e.code, e.data]),
    [
      [0.1, "o", "$ "],
      [0.5, "i", "ls\r"],
      [0.6, "r", "120x40"],
      [1.25, "o", "x"],
    ],
  );
  assert.equal(parsed.truncated, false);
});

test("out-of-order events are sorted, equal times keep their order", () => {
  const parsed = parseCast(cast(header, [2, "o", "c"], [1, "o", "a"], [1, "o", "b"]));
  assert.deepEqual(
    parsed.events.map((e) => e.data),
    ["a", "b", "c"],
  );
});

test("a malformed line is an error naming its line number", () => {
  failsAt("", 1, /header is missing/);
  failsAt(cast("{not json"), 1, /not valid JSON/);
  failsAt(cast({ version: 1, width: 80, height: 24 }), 1, /not an asciicast v2 header/);
  failsAt(cast(header, [0.1, "o", "ok"], '[0.2, "o"'), 3, /not valid JSON/);
  failsAt(cast(header, [0.1, "o"]), 2, /\[seconds, code, data\]/);
  failsAt(cast(header, [0.1, "o", "a"], ["soon", "o", "x"]), 3, /time/);
  failsAt(cast(header, [-1, "o", "x"]), 2, /time/);
  failsAt(cast(header, [1, "", "x"]), 2, /code/);
  failsAt(cast(header, [1, "o", 42]), 2, /data/);
  failsAt(cast(header, "", "", { version: 2 }), 4, /\[seconds, code, data\]/);
});

test("only an unterminated last line (a session still being written) is dropped", () => {
  const live = cast(header, [0.1, "o", "a"]) + '[0.2, "o", "b';
  const parsed = parseCast(live);
  assert.equal(parsed.truncated, true);
  assert.deepEqual(
    parsed.events.map((e) => e.data),
    ["a"],
  );
  // The same line, terminated, is malformed.
  failsAt(live + "\n", 3, /not valid JSON/);
});

test("header helpers: the instance from the firedrill key, or from an old title", () => {
  const old = parseCastHeader(cast(header, [1, "o", "x"]));
  assert.ok(old);
  assert.equal(instanceOf(old), "proxy");
  assert.equal(userOf(old), "Ada");
  const fresh = parseCastHeader(
    JSON.stringify({ ...header, title: "whatever", firedrill: { env: "e", instance: "db", session: "s", user: "Bo" } }),
  );
  assert.ok(fresh);
  assert.equal(instanceOf(fresh), "db");
  assert.equal(userOf(fresh), "Bo");
  assert.equal(instanceOf({ version: 2, width: 80, height: 24 }), null);
  assert.equal(parseCastHeader("nope"), null);
});

test("resize data", () => {
  assert.deepEqual(parseSize("120x40"), { cols: 120, rows: 40 });
  assert.equal(parseSize("0x40"), null);
  assert.equal(parseSize("wide"), null);
});
