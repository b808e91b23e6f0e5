import assert from "node:assert/strict";
import { test } from "node:test";
import { communicationFigures, type CommunicationEvent } from "../../lib/grading/communication-figures";

const t0 = new Date("2030-01-01T10:00:00Z");
const at = (min: number) => new Date(t0.getTime() + min * 60_000);
let n = 0;
const ev = (kind: string, min: number, data: unknown, id = `e${++n}`): CommunicationEvent => ({
  id,
  kind,
  at: at(min),
  data,
});

test("status updates: count, median interval and the longest gap, within the incident only", () => {
  const f = communicationFigures({
    startedAt: t0,
    endedAt: at(40),
    events: [
      ev("STATUS_UPDATE", 5, { text: "investigating" }),
      ev("STATUS_UPDATE", 10, { text: "found it" }),
      ev("STATUS_UPDATE", 25, { text: "fixing" }),
      ev("STATUS_UPDATE", 28, { text: "fixed" }),
      ev("STATUS_UPDATE", 55, { text: "after the end: not counted" }),
      ev("CHAT", 30, { text: "chat is not a status update" }),
    ],
  });
  assert.equal(f.incidentMinutes, 40);
  assert.equal(f.statusUpdates, 4);
  assert.equal(f.medianUpdateIntervalMinutes, 5); // intervals 5, 15, 3
  assert.equal(f.longestGapMinutes, 15); // gaps 5, 5, 15, 3, then 12 to the end
});

test("no status updates: no median, the whole incident is the gap", () => {
  const f = communicationFigures({ startedAt: t0, endedAt: at(12), events: [] });
  assert.equal(f.statusUpdates, 0);
  assert.equal(f.medianUpdateIntervalMinutes, null);
  assert.equal(f.longestGapMinutes, 12);
  assert.equal(f.commanderShare, 0);
  assert.deepEqual(f.stakeholder, { asked: 0, answeredInTime: 0, responses: [] });
});

test("the share of time with a commander follows claims, hand-overs and stepping down", () => {
  const f = communicationFigures({
    startedAt: t0,
    endedAt: at(100),
    events: [
      ev("ROLE", 10, { userId: "a", role: "COMMANDER", previous: "PLAYER" }),
      // A hand-over at one instant: b promoted and a demoted, recorded in either order.
      ev("ROLE", 40, { userId: "b", role: "COMMANDER", previous: "PLAYER" }),
      ev("ROLE", 40, { userId: "a", role: "PLAYER", previous: "COMMANDER" }),
      ev("ROLE", 60, { userId: "b", role: "OPERATOR", previous: "COMMANDER" }),
      ev("ROLE", 70, { userId: "c", role: "COMMUNICATIONS", previous: "PLAYER" }),
      ev("ROLE", 80, { userId: "c", role: "COMMANDER", previous: "COMMUNICATIONS" }),
    ],
  });
  // Commanded 10→60 and 80→100: 70 of 100 minutes.
  assert.equal(f.commanderShare, 0.7);
});

test("stakeholder messages: answered within the deadline, late, or not at all", () => {
  const asked = (id: string, min: number, within: number, from = "VP Sales") =>
    ev(
      "INJECT",
      min,
      {
        kind: "stakeholder",
        from,
        message: "When is it fixed?",
        answerWithinMinutes: within,
        dueAt: at(min + within).toISOString(),
      },
      id,
    );
  const f = communicationFigures({
    startedAt: t0,
    endedAt: at(60),
    events: [
      asked("q1", 5, 5),
      asked("q2", 10, 2, "Support"),
      asked("q3", 20, 5),
      ev("INJECT", 21, { kind: "fault", injectId: "app-stopped", message: "A second fault was injected" }),
      ev("INJECT", 22, { message: "an old-style inject" }),
      ev("CHAT", 8, { text: "on it", replyTo: "q1" }),
      ev("STATUS_UPDATE", 9, { text: "a second answer does not count twice", replyTo: "q1" }),
      ev("STATUS_UPDATE", 15, { text: "late answer", replyTo: "q2" }),
      ev("CHAT", 21, { text: "not a reply" }),
    ],
  });
  assert.equal(f.stakeholder.asked, 3);
  assert.equal(f.stakeholder.answeredInTime, 1);
  const [q1, q2, q3] = f.stakeholder.responses;
  assert.deepEqual([q1?.inTime, q1?.responseSeconds, q1?.from], [true, 180, "VP Sales"]);
  assert.deepEqual([q2?.inTime, q2?.responseSeconds, q2?.from], [false, 300, "Support"]);
  assert.deepEqual([q3?.inTime, q3?.responseSeconds, q3?.answeredAt], [false, null, null]);
});
