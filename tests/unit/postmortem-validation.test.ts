import assert from "node:assert/strict";
import { test } from "node:test";
import {
  EMPTY_POSTMORTEM,
  PostmortemDraftSchema,
  missingPostmortemFields,
} from "../../lib/postmortems/postmortem-schema";
import { EMPTY_REPORT, missingReportFields } from "../../lib/reports/report-schema";

const complete = PostmortemDraftSchema.parse({
  summary: "Uploads failed for 12 minutes.",
  impact: "Every user uploading a photo got a 413.",
  timeline: [
    { at: "2030-01-01T10:00:00.000Z", text: "Paged" },
    { at: "2030-01-01T10:12:00.000Z", text: "Mitigated" },
  ],
  rootCause: "client_max_body_size was lowered to 1k by a config change.",
  trigger: "The config deploy.",
  detection: "The success-rate alert.",
  resolution: "Raised the limit and reloaded nginx.",
  wentWell: "Fast diagnosis from the proxy logs.",
  wentBadly: "No alert on 413s.",
  actionItems: [
    { owner: "platform", kind: "detect", description: "Alert on 4xx rate" },
    { owner: "platform", kind: "prevent", description: "Lint proxy configs" },
  ],
});

test("a complete postmortem has nothing missing", () => {
  assert.deepEqual(missingPostmortemFields(complete), {});
});

test("an empty postmortem names every required section", () => {
  const missing = missingPostmortemFields(EMPTY_POSTMORTEM);
  for (const f of [
    "summary",
    "impact",
    "timeline",
    "rootCause",
    "trigger",
    "detection",
    "resolution",
    "wentWell",
    "wentBadly",
    "actionItems",
  ]) {
    assert.ok(missing[f], `${f} is named`);
  }
  assert.equal(missing.contributingFactors, undefined, "optional sections are not required");
  assert.equal(missing.gotLucky, undefined);
});

test("whitespace does not count as an answer", () => {
  assert.ok(missingPostmortemFields({ ...complete, rootCause: "   \n " }).rootCause);
});

test("action items are checked one by one, with dotted paths", () => {
  const missing = missingPostmortemFields({
    ...complete,
    actionItems: [
      { owner: "", kind: "prevent", description: "x" },
      { owner: "a", kind: "mitigate", description: "" },
    ],
  });
  assert.ok(missing["actionItems.0.owner"]);
  assert.ok(missing["actionItems.1.description"]);
  assert.equal(missing["actionItems.0.description"], undefined);
});

test("only detection or process actions are not enough", () => {
  const missing = missingPostmortemFields({
    ...complete,
    actionItems: [{ owner: "a", kind: "detect", description: "alert" }],
  });
  assert.match(missing.actionItems ?? "", /prevents/);
});

test("timeline entries need valid times", () => {
  const missing = missingPostmortemFields({
    ...complete,
    timeline: [...complete.timeline, { at: "yesterday-ish", text: "coffee" }],
  });
  assert.ok(missing["timeline.2.at"]);
});

test("drafts accept partial content and refuse unknown fields", () => {
  assert.deepEqual(PostmortemDraftSchema.parse({ summary: "half" }).actionItems, []);
  assert.equal(PostmortemDraftSchema.safeParse({ summary: "x", blame: "Bob" }).success, false);
});

test("the incident report names what a submission lacks", () => {
  const missing = missingReportFields(EMPTY_REPORT);
  assert.deepEqual(Object.keys(missing).sort(), [
    "actions",
    "detectedHow",
    "hypotheses",
    "impact",
    "mitigation",
    "severity",
    "symptoms",
  ]);
});
