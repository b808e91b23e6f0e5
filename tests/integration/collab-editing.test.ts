/**
 * A team writes one report and one postmortem together, against real
 * PostgreSQL: saves made from the same version by two members are merged (both
 * texts kept, one version per save), saves racing each other are serialised,
 * old callers without `base` still get CONFLICT, outsiders are refused, each
 * save is announced on the live bus (real LISTEN), and the HTTP route speaks
 * `{ baseVersion, base, content }`.
 */
import "./support/env";
import assert from "node:assert/strict";
import { test } from "node:test";
import { NextRequest } from "next/server";
import type { AttemptStatus } from "@prisma/client";
import type { Actor } from "../../lib/auth/actor";
import { sessionCookieName } from "../../server/auth/session-token";
import { isAppError, type ErrorCode } from "../../lib/errors";
import type { LiveMessage } from "../../lib/bus/messages";
import { getPostmortem } from "../../lib/postmortems/get-postmortem";
import { savePostmortem } from "../../lib/postmortems/save-postmortem";
import { getReport } from "../../lib/reports/get-report";
import { EMPTY_REPORT, type ReportContent } from "../../lib/reports/report-schema";
import { saveReport } from "../../lib/reports/save-report";
import { submitReport } from "../../lib/reports/submit-report";
import { FakeOrchestrator, makeLevel } from "./support/incident";
import { listenToLiveBus } from "./support/live-bus";
import { db, makeUser, signIn } from "./support/people";

const deps = new FakeOrchestrator().deps();
const bus = listenToLiveBus();

async function rejectsWith(p: Promise<unknown>, code: ErrorCode): Promise<void> {
  await assert.rejects(p, (err: unknown) => isAppError(err) && err.code === code);
}

async function heardDocSaved(match: Partial<Extract<LiveMessage, { type: "doc-saved" }>>): Promise<void> {
  const found = await bus.hears(
    (m) => m.type === "doc-saved" && Object.entries(match).every(([k, v]) => (m as Record<string, unknown>)[k] === v),
  );
  assert.ok(found, `doc-saved ${JSON.stringify(match)} was published (heard ${JSON.stringify(bus.heard)})`);
}

/** A TEAM attempt with two members, made directly (the game-day flow that creates them is not under test). */
async function teamAttempt(status: AttemptStatus = "ACTIVE") {
  const levelId = await makeLevel();
  const alice = await makeUser("PLAYER", { label: "Alice" });
  const bob = await makeUser("PLAYER", { label: "Bob" });
  const attempt = await db.attempt.create({
    data: {
      kind: "TEAM",
      levelId,
      startedById: alice.id,
      variantSeed: "collab",
      params: {},
      status,
      members: { create: [{ userId: alice.id }, { userId: bob.id }] },
    },
  });
  return { attemptId: attempt.id, alice, bob };
}

const report = (patch: Partial<ReportContent>): ReportContent => ({ ...EMPTY_REPORT, ...patch });

test("two members saving from the same version: different fields, then the same field — every word is kept", async () => {
  const { attemptId, alice, bob } = await teamAttempt();
  const start = await getReport(alice, attemptId, deps);
  assert.equal(start.version, 0);

  const a1 = report({ impact: "Uploads fail for every user." });
  const r1 = await saveReport(alice, attemptId, { baseVersion: 0, base: start.content, content: a1 }, deps);
  assert.deepEqual(r1, { version: 1 }, "an up-to-date save is saved as sent, as before");

  const b1 = report({ symptoms: "413 from /api/uploads", severity: "SEV2" });
  const r2 = await saveReport(bob, attemptId, { baseVersion: 0, base: start.content, content: b1 }, deps);
  assert.equal(r2.version, 2);
  assert.equal(r2.merged, true);
  assert.equal(r2.content?.impact, "Uploads fail for every user.", "Alice's field survives Bob's late save");
  assert.equal(r2.content?.symptoms, "413 from /api/uploads");
  assert.equal(r2.content?.severity, "SEV2");

  // Both now edit the same field from version 2: Alice appends a line, Bob rewrites its start.
  const v2 = (await getReport(bob, attemptId, deps)).content;
  const a2 = { ...v2, actions: "Read nginx.conf.\nRaised client_max_body_size." };
  const b2 = { ...v2, actions: "Tailed the proxy error log." };
  await saveReport(alice, attemptId, { baseVersion: 2, base: v2, content: a2 }, deps);
  const r4 = await saveReport(bob, attemptId, { baseVersion: 2, base: v2, content: b2 }, deps);
  assert.equal(r4.version, 4);
  assert.equal(r4.merged, true);

  const final = await getReport(alice, attemptId, deps);
  assert.equal(final.version, 4);
  for (const words of ["Read nginx.conf", "Raised client_max_body_size", "Tailed the proxy error log"])
    assert.ok(final.content.actions.includes(words), `"${words}" in ${JSON.stringify(final.content.actions)}`);
  assert.equal(final.content.impact, "Uploads fail for every user.");
  assert.equal(final.content.symptoms, "413 from /api/uploads");
  assert.equal((await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).severity, "SEV2");
  await heardDocSaved({ attemptId, doc: "report", version: 2, byUserId: bob.id });
  await heardDocSaved({ attemptId, doc: "report", version: 3, byUserId: alice.id });
});

test("edits in different paragraphs of one field, and status updates posted by both, all survive", async () => {
  const { attemptId, alice, bob } = await teamAttempt();
  const base = report({
    mitigation: "First paragraph.\n\nSecond paragraph.",
    statusUpdates: [{ at: "2030-01-01T10:00:00.000Z", text: "Investigating" }],
  });
  await saveReport(alice, attemptId, { baseVersion: 0, content: base }, deps);
  const mine = {
    ...base,
    mitigation: "First paragraph, by Alice.\n\nSecond paragraph.",
    statusUpdates: [...base.statusUpdates, { at: "2030-01-01T10:05:00.000Z", text: "Cause found" }],
  };
  const theirs = {
    ...base,
    mitigation: "First paragraph.\n\nSecond paragraph, by Bob.",
    statusUpdates: [...base.statusUpdates, { at: "2030-01-01T10:06:00.000Z", text: "Customers told" }],
  };
  await saveReport(bob, attemptId, { baseVersion: 1, base, content: theirs }, deps);
  await saveReport(alice, attemptId, { baseVersion: 1, base, content: mine }, deps);
  const final = await getReport(bob, attemptId, deps);
  assert.equal(final.content.mitigation, "First paragraph, by Alice.\n\nSecond paragraph, by Bob.");
  assert.deepEqual(
    final.content.statusUpdates.map((u) => u.text),
    ["Investigating", "Customers told", "Cause found"],
  );
  assert.equal(await db.timelineEvent.count({ where: { attemptId, kind: "STATUS_UPDATE" } }), 3);
});

test("saves racing each other from the same version are serialised and merged, none lost", async () => {
  const { attemptId, alice, bob } = await teamAttempt();
  const edits = [
    [alice, report({ impact: "alpha" })],
    [bob, report({ symptoms: "bravo" })],
    [alice, report({ actions: "charlie" })],
    [bob, report({ mitigation: "delta" })],
  ] as const;
  const results = await Promise.all(
    edits.map(([who, content]) => saveReport(who, attemptId, { baseVersion: 0, base: EMPTY_REPORT, content }, deps)),
  );
  assert.deepEqual(results.map((r) => r.version).sort(), [1, 2, 3, 4]);
  const final = await getReport(alice, attemptId, deps);
  assert.equal(final.version, 4);
  assert.deepEqual(
    [final.content.impact, final.content.symptoms, final.content.actions, final.content.mitigation],
    ["alpha", "bravo", "charlie", "delta"],
  );
});

test("an older caller without base still gets CONFLICT; outsiders and watchers are refused", async () => {
  const { attemptId, alice, bob } = await teamAttempt();
  await saveReport(alice, attemptId, { version: 0, content: report({ impact: "x" }) }, deps);
  await rejectsWith(saveReport(bob, attemptId, { version: 0, content: report({ impact: "y" }) }, deps), "CONFLICT");
  await rejectsWith(
    saveReport(bob, attemptId, { baseVersion: 5, base: EMPTY_REPORT, content: EMPTY_REPORT }, deps),
    "CONFLICT",
  );
  const outsider = await makeUser("PLAYER", { label: "Eve" });
  const facilitator = await makeUser("FACILITATOR");
  const attempt = { baseVersion: 1, base: EMPTY_REPORT, content: report({ impact: "mine now" }) };
  await rejectsWith(saveReport(outsider, attemptId, attempt, deps), "NOT_FOUND");
  await rejectsWith(saveReport(facilitator, attemptId, attempt, deps), "FORBIDDEN");
  await rejectsWith(savePostmortem(outsider, attemptId, attempt as never, deps), "NOT_FOUND");
  assert.equal((await getReport(alice, attemptId, deps)).content.impact, "x");
  assert.ok(!bus.heard.some((m) => m.type === "doc-saved" && m.attemptId === attemptId && m.byUserId === outsider.id));
});

test("the postmortem merges the same way; a submitted one stays read-only", async () => {
  const { attemptId, alice, bob } = await teamAttempt("MITIGATED");
  const start = await getPostmortem(alice, attemptId, deps);
  assert.equal(start.version, 0);
  const base = start.content;
  const row = (text: string) => ({ at: "2030-01-01T10:00:00.000Z", text });
  const mine = { ...base, rootCause: "A lowered body limit.", timeline: [...base.timeline, row("Alice: fix applied")] };
  const theirs = {
    ...base,
    rootCause: "Nobody reviewed the config change.",
    timeline: [...base.timeline, row("Bob: customers told")],
    actionItems: [{ owner: "platform", kind: "prevent" as const, description: "Lint nginx configs" }],
  };
  await savePostmortem(bob, attemptId, { baseVersion: 0, base, content: theirs }, deps);
  const r = await savePostmortem(alice, attemptId, { baseVersion: 0, base, content: mine }, deps);
  assert.equal(r.version, 2);
  assert.equal(r.merged, true);
  const final = await getPostmortem(bob, attemptId, deps);
  assert.match(final.content.rootCause, /A lowered body limit\./);
  assert.match(final.content.rootCause, /Nobody reviewed the config change\./);
  assert.deepEqual(
    final.content.timeline.slice(-2).map((e) => e.text),
    ["Bob: customers told", "Alice: fix applied"],
  );
  assert.equal(final.content.actionItems.length, 1);
  await heardDocSaved({ attemptId, doc: "postmortem", version: 2, byUserId: alice.id });

  await db.postmortem.update({ where: { attemptId }, data: { status: "SUBMITTED" } });
  await rejectsWith(
    savePostmortem(bob, attemptId, { baseVersion: 2, base: final.content, content: final.content }, deps),
    "CONFLICT",
  );
});

test("the HTTP route takes { baseVersion, base, content } and answers the merged report", async () => {
  const { attemptId, alice, bob } = await teamAttempt();
  const { PUT } = await import("../../app/api/attempts/[id]/report/route");
  const put = async (who: Actor, body: unknown) => {
    const { token } = await signIn(who);
    const req = new NextRequest(`http://localhost:3000/api/attempts/${attemptId}/report`, {
      method: "PUT",
      headers: { cookie: `${sessionCookieName()}=${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return PUT(req, { params: Promise.resolve({ id: attemptId }) });
  };
  const first = await put(alice, { version: 0, content: report({ impact: "from Alice" }) });
  assert.equal(first.status, 200);
  assert.deepEqual(await first.json(), { version: 1 });
  const late = await put(bob, { baseVersion: 0, base: EMPTY_REPORT, content: report({ symptoms: "from Bob" }) });
  assert.equal(late.status, 200);
  const body = (await late.json()) as { version: number; merged?: boolean; content?: ReportContent };
  assert.equal(body.version, 2);
  assert.equal(body.merged, true);
  assert.equal(body.content?.impact, "from Alice");
  assert.equal(body.content?.symptoms, "from Bob");
  const stale = await put(bob, { version: 1, content: EMPTY_REPORT });
  assert.equal(stale.status, 409);
  const missing = await put(bob, { content: EMPTY_REPORT });
  assert.equal(missing.status, 400);
});

test("handing in the report is announced to teammates, so their forms lock", async () => {
  const { attemptId, alice } = await teamAttempt("MITIGATED");
  const complete = report({
    severity: "SEV2",
    impact: "All uploads failed",
    detectedHow: "The success-rate chart",
    symptoms: "413 from /api/uploads",
    hypotheses: [{ text: "proxy body limit", outcome: "confirmed" }],
    actions: "Read the nginx config; raised the limit",
    mitigation: "Raised client_max_body_size",
  });
  await saveReport(alice, attemptId, { version: 0, content: complete }, deps);
  await submitReport(alice, attemptId, deps);
  const found = await bus.hears(
    (m) => m.type === "doc-submitted" && m.attemptId === attemptId && m.doc === "report" && m.byUserId === alice.id,
  );
  assert.ok(found, `doc-submitted was published (heard ${JSON.stringify(bus.heard)})`);
});
