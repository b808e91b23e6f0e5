/** What the incident room reads from its channel's events: roles now, the severity, the second faults fired. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { currentRoles, currentSeverity, faultsTriggered } from "../../components/incident/room-facts";
import type { RoomMember } from "../../lib/attempts/get-room";
import type { TimelineEventView } from "../../lib/timeline/event-view";

const ev = (kind: string, data: unknown, at = "2030-01-01T10:00:00Z") => ({ kind, data, at }) as TimelineEventView;
const members = [
  { userId: "pat", name: "Pat", role: "PLAYER" },
  { userId: "sam", name: "Sam", role: "PLAYER" },
] as RoomMember[];

test("roles: as rendered, then every ROLE event in order; a stranger's or a malformed one changes nothing", () => {
  const now = currentRoles(members, [
    ev("ROLE", { userId: "pat", role: "COMMANDER" }),
    ev("CHAT", { text: "hi" }),
    ev("ROLE", { userId: "sam", role: "OPERATOR" }),
    ev("ROLE", { userId: "pat", role: "COMMUNICATIONS" }),
    ev("ROLE", { userId: "eve", role: "COMMANDER" }),
    ev("ROLE", { userId: "sam" }),
  ]);
  assert.deepEqual(
    now.map((m) => [m.userId, m.role]),
    [
      ["pat", "COMMUNICATIONS"],
      ["sam", "OPERATOR"],
    ],
  );
});

test("severity: the latest SEVERITY event's, else the page's; second faults: only fired faults with an id", () => {
  assert.equal(currentSeverity([], "SEV3"), "SEV3");
  assert.equal(currentSeverity([], null), null);
  const events = [
    ev("SEVERITY", { severity: "SEV2", previous: null }),
    ev("INJECT", { kind: "fault", injectId: "app-stopped", message: "x" }),
    ev("INJECT", { kind: "stakeholder", message: "ETA?" }),
    ev("INJECT", { kind: "fault", message: "no id" }),
    ev("SEVERITY", { severity: "SEV1", previous: "SEV2" }),
  ];
  assert.equal(currentSeverity(events, "SEV3"), "SEV1");
  assert.deepEqual(faultsTriggered(events), ["app-stopped"]);
});
