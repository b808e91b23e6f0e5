import assert from "node:assert/strict";
import { test } from "node:test";
import { draftPostmortem } from "../../lib/postmortems/draft-postmortem";
import { prefillTimeline } from "../../lib/timeline/prefill-timeline";
import { budgetBurned, classifySli, isSliChange } from "../../lib/timeline/sli";
import { EMPTY_REPORT } from "../../lib/reports/report-schema";

const t0 = new Date("2030-01-01T10:00:00Z");
const at = (s: number) => new Date(t0.getTime() + s * 1000);

const events = [
  {
    kind: "SLI" as const,
    at: at(5),
    data: { state: "down", previous: null, successRate: 0.1, p95Ms: 40, lastError: "413 from /api/uploads" },
  },
  { kind: "SEVERITY" as const, at: at(60), data: { severity: "SEV2", previous: null } },
  { kind: "COMMAND" as const, at: at(70), data: { instance: "proxy", command: "tail /var/log/nginx/error.log" } },
  { kind: "COMMAND" as const, at: at(80), data: { instance: "proxy", command: "cat /etc/nginx/nginx.conf" } },
  { kind: "COMMAND" as const, at: at(400), data: { instance: "proxy", command: "nginx -s reload" } },
  { kind: "HINT" as const, at: at(200), data: { index: 0, cost: 5, text: "look at the proxy" } },
  { kind: "CHECK" as const, at: at(500), data: { passed: true, message: "uploads work", durationMs: 1200 } },
  {
    kind: "SLI" as const,
    at: at(450),
    data: { state: "healthy", previous: "down", successRate: 1, p95Ms: 30, lastError: null },
  },
  { kind: "CHAT" as const, at: at(90), data: { text: "brb" } },
  { kind: "SYSTEM" as const, at: at(-30), data: { message: "Started the level" } },
];

test("the prefilled timeline is ordered, grouped and readable", () => {
  const entries = prefillTimeline({ startedAt: t0, mitigatedAt: at(500), events });
  const texts = entries.map((e) => e.text);
  assert.match(texts[0]!, /Incident began/);
  assert.match(texts[1]!, /Service down \(10 % success, p95 40 ms\): 413 from \/api\/uploads/);
  assert.match(texts[2]!, /Incident declared at SEV2/);
  assert.equal(texts[3], "Investigated on proxy: `tail /var/log/nginx/error.log`, `cat /etc/nginx/nginx.conf`");
  assert.match(texts[4]!, /Took hint 1 \(−5 points\)/);
  assert.equal(texts[5], "Investigated on proxy: `nginx -s reload`");
  assert.match(texts[6]!, /Service recovered/);
  assert.match(texts[7]!, /Fix check passed: uploads work/);
  assert.equal(entries.length, 8, "chat and bookkeeping are left out; the passing check stands for mitigation");
  for (let i = 1; i < entries.length; i++) assert.ok(entries[i - 1]!.at <= entries[i]!.at);
});

test("a mitigation without a recorded check still closes the timeline", () => {
  const entries = prefillTimeline({ startedAt: t0, mitigatedAt: at(100), events: [] });
  assert.match(entries.at(-1)!.text, /Mitigated/);
});

test("malformed event data is skipped rather than breaking the draft", () => {
  const entries = prefillTimeline({
    startedAt: t0,
    mitigatedAt: null,
    events: [{ kind: "COMMAND", at: at(1), data: { nope: 1 } }],
  });
  assert.equal(entries.length, 1);
});

test("the draft postmortem carries the report's answers", () => {
  const draft = draftPostmortem({
    startedAt: t0,
    mitigatedAt: null,
    events: [],
    report: { ...EMPTY_REPORT, impact: "all uploads", detectedHow: "alert", mitigation: "raised the limit" },
  });
  assert.equal(draft.impact, "all uploads");
  assert.equal(draft.detection, "alert");
  assert.equal(draft.resolution, "raised the limit");
  assert.equal(draft.summary, "");
});

test("SLI states and error budget", () => {
  assert.equal(classifySli({ successRate: 0.99, requests: 10 }), "healthy");
  assert.equal(classifySli({ successRate: 0.7, requests: 10 }), "degraded");
  assert.equal(classifySli({ successRate: 0.2, requests: 10 }), "down");
  assert.equal(classifySli({ successRate: null, requests: 0 }), null);
  const samples = [0, 30, 60, 90].map((s, i) => ({ at: at(s).toISOString(), successRate: i < 3 ? 0 : 1 }));
  assert.equal(budgetBurned(samples), 1, "a minute of total failure is one bad request-minute");
  assert.equal(budgetBurned(samples, at(30)), 0.5, "only what came after the cursor");
  const gap = [
    { at: at(0).toISOString(), successRate: 0 },
    { at: at(600).toISOString(), successRate: 0 },
  ];
  assert.equal(budgetBurned(gap), 0, "a long gap (the orchestrator was away) is not counted");
});

test("a team's story: status updates and injects are in the prefilled timeline, chat and roles are not", () => {
  const entries = prefillTimeline({
    startedAt: t0,
    mitigatedAt: null,
    events: [
      { kind: "STATUS_UPDATE", at: at(60), data: { text: "Uploads failing for all users; investigating the proxy" } },
      {
        kind: "INJECT",
        at: at(120),
        data: {
          kind: "stakeholder",
          from: "Head of Support",
          message: "Customers are calling. ETA?",
          answerWithinMinutes: 5,
          dueAt: at(420).toISOString(),
        },
      },
      {
        kind: "INJECT",
        at: at(180),
        data: { kind: "fault", injectId: "app-stopped", message: "A second fault was injected" },
      },
      { kind: "SEVERITY", at: at(200), data: { severity: "SEV1", previous: "SEV2" } },
      { kind: "CHAT", at: at(90), data: { text: "I'll take the proxy" } },
      { kind: "ROLE", at: at(30), data: { userId: "u1", role: "COMMANDER", previous: "PLAYER", name: "Pat" } },
    ],
  });
  const texts = entries.map((e) => e.text);
  assert.deepEqual(texts.slice(1), [
    "Status update: Uploads failing for all users; investigating the proxy",
    "Head of Support asks: Customers are calling. ETA? (answer within 5 min)",
    "The facilitator injected a second fault",
    "Severity changed from SEV2 to SEV1",
  ]);
});

test("a machine that died and came back is in the drafted timeline; other bookkeeping is not", () => {
  const entries = prefillTimeline({
    startedAt: t0,
    mitigatedAt: null,
    events: [
      { kind: "SYSTEM" as const, at: at(30), data: { message: "Machine db is down (exit 137) — restarting" } },
      {
        kind: "SYSTEM" as const,
        at: at(36),
        data: { message: "Machine db is back (answering 5.8 s after it stopped)" },
      },
      { kind: "SYSTEM" as const, at: at(40), data: { message: "Report submitted" } },
    ],
  });
  assert.deepEqual(
    entries.slice(1).map((e) => e.text),
    ["Machine db is down (exit 137) — restarting", "Machine db is back (answering 5.8 s after it stopped)"],
  );
});

test("a recovery the rolling window is still catching up with is not a new degradation", () => {
  assert.equal(isSliChange("down", "degraded"), false, "rising but not yet healthy");
  assert.equal(isSliChange("healthy", "degraded"), true);
  assert.equal(isSliChange("degraded", "down"), true);
  assert.equal(isSliChange("down", "healthy"), true);
  assert.equal(isSliChange(null, "healthy"), false);
  assert.equal(isSliChange(null, "degraded"), true);
  assert.equal(isSliChange("down", "down"), false);
  // The drafted timeline of an older record: down → fix passes → the window half-way (degraded) → healthy.
  const sli = (s: number, state: string, previous: string | null, successRate: number) => ({
    kind: "SLI" as const,
    at: at(s),
    data: { state, previous, successRate, p95Ms: 20, lastError: state === "healthy" ? null : "413 from /api/uploads" },
  });
  const entries = prefillTimeline({
    startedAt: t0,
    mitigatedAt: at(100),
    events: [
      sli(5, "down", null, 0),
      { kind: "CHECK" as const, at: at(100), data: { passed: true, message: "uploads work", durationMs: 900 } },
      sli(102, "degraded", "down", 0.5),
      sli(110, "healthy", "degraded", 1),
    ],
  }).map((e) => e.text);
  assert.equal(entries.length, 4);
  assert.match(entries[2]!, /^Fix check passed/);
  assert.match(entries[3]!, /^Service recovered/);
  assert.ok(!entries.some((t) => t.startsWith("Service degraded")));
});
