/** The room header's stakeholder countdown and the one time-of-day format every page uses. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { openAsks } from "../../lib/injects/open-asks";
import { formatDate, formatDateTime, formatTime } from "../../lib/format";

const ask = (id: string, dueAt: string, from = "VP") => ({
  id,
  kind: "INJECT",
  data: { kind: "stakeholder", from, message: "ETA?", dueAt },
});

test("open asks: unanswered stakeholder messages, soonest first; answered ones, faults and chat are not", () => {
  const events = [
    ask("late", "2026-12-01T10:20:00Z", "Support"),
    ask("soon", "2026-12-01T10:05:00Z"),
    ask("answered", "2026-12-01T10:01:00Z"),
    { id: "r", kind: "STATUS_UPDATE", data: { text: "Fix in 10", replyTo: "answered" } },
    { id: "f", kind: "INJECT", data: { kind: "fault", injectId: "app-stopped" } },
    { id: "c", kind: "CHAT", data: { text: "hi" } },
    ask("bad", "not a date"),
  ];
  assert.deepEqual(
    openAsks(events).map((a) => [a.id, a.from]),
    [
      ["soon", "VP"],
      ["late", "Support"],
    ],
  );
});

test("one date format: dates, date-times and times of day, all in UTC; a non-date is shown as typed", () => {
  const d = new Date("2026-12-01T00:17:23Z");
  assert.equal(formatDate(d), "1 Dec 2026");
  assert.equal(formatDateTime(d), "1 Dec, 00:17 UTC");
  assert.equal(formatTime(d), "00:17:23");
  assert.equal(formatTime("2026-12-01T23:05:09.500Z"), "23:05:09");
  assert.equal(formatTime("around noon"), "around noon");
});
