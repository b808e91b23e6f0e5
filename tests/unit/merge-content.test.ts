/** Whole-document merge: fields, lists of rows, choices; the report and postmortem rules. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { mergeContent } from "../../lib/collab/merge-content";
import { mergePostmortem } from "../../lib/postmortems/merge-postmortem";
import { mergeReport } from "../../lib/reports/merge-report";
import { EMPTY_POSTMORTEM } from "../../lib/postmortems/postmortem-schema";
import { EMPTY_REPORT, ReportDraftSchema } from "../../lib/reports/report-schema";
import { assertKeepsInsertedWords, randomEdit, randomText, rng } from "./support/text-fuzz";

test("different fields edited by each side are both taken", () => {
  const base = { ...EMPTY_REPORT, impact: "uploads fail" };
  const mine = { ...base, symptoms: "413 errors" };
  const theirs = { ...base, actions: "read nginx.conf" };
  const merged = mergeReport(base, mine, theirs);
  assert.equal(merged.symptoms, "413 errors");
  assert.equal(merged.actions, "read nginx.conf");
  assert.equal(merged.impact, "uploads fail");
});

test("the same text field edited by both is text-merged", () => {
  const base = { ...EMPTY_REPORT, actions: "Restarted the proxy." };
  const mine = { ...base, actions: "Restarted the proxy. Raised the limit." };
  const theirs = { ...base, actions: "Checked logs. Restarted the proxy." };
  assert.equal(mergeReport(base, mine, theirs).actions, "Checked logs. Restarted the proxy. Raised the limit.");
});

test("a choice (severity) is theirs unless mine changed it, and is never text-merged", () => {
  const base = { ...EMPTY_REPORT, severity: "SEV3" as const };
  assert.equal(mergeReport(base, { ...base, impact: "x" }, { ...base, severity: "SEV1" }).severity, "SEV1");
  assert.equal(mergeReport(base, { ...base, severity: "SEV2" }, { ...base, impact: "y" }).severity, "SEV2");
  const both = mergeReport(base, { ...base, severity: "SEV2" }, { ...base, severity: "SEV1" });
  assert.equal(both.severity, "SEV2", "both changed it: mine, the later save, wins");
  assert.ok(ReportDraftSchema.safeParse(both).success);
  const date = mergeReport(
    { ...EMPTY_REPORT, detectedAt: "2030-01-01T10:00" },
    { ...EMPTY_REPORT, detectedAt: "2030-01-01T10:05" },
    { ...EMPTY_REPORT, detectedAt: "2030-01-01T10:07" },
  );
  assert.equal(date.detectedAt, "2030-01-01T10:05");
});

test("rows added by both sides (status updates, hypotheses) are all kept", () => {
  const base = { ...EMPTY_REPORT, statusUpdates: [{ at: "t0", text: "Investigating" }] };
  const mine = { ...base, statusUpdates: [...base.statusUpdates, { at: "t1", text: "Found the cause" }] };
  const theirs = { ...base, statusUpdates: [...base.statusUpdates, { at: "t2", text: "Customers told" }] };
  assert.deepEqual(
    mergeReport(base, mine, theirs).statusUpdates.map((u) => u.text),
    ["Investigating", "Customers told", "Found the cause"],
  );
});

test("different rows edited by each side: both edits, in place", () => {
  const base = {
    ...EMPTY_REPORT,
    hypotheses: [
      { text: "disk full", outcome: "open" as const },
      { text: "bad config", outcome: "open" as const },
      { text: "DNS", outcome: "open" as const },
    ],
  };
  const mine = {
    ...base,
    hypotheses: base.hypotheses.map((h, i) => (i === 0 ? { ...h, outcome: "ruled-out" as const } : h)),
  };
  const theirs = {
    ...base,
    hypotheses: base.hypotheses.map((h, i) => (i === 1 ? { ...h, text: "bad nginx config" } : h)),
  };
  assert.deepEqual(mergeReport(base, mine, theirs).hypotheses, [
    { text: "disk full", outcome: "ruled-out" },
    { text: "bad nginx config", outcome: "open" },
    { text: "DNS", outcome: "open" },
  ]);
});

test("the same row edited by both: its text merged, its choice mine", () => {
  const base = {
    ...EMPTY_POSTMORTEM,
    actionItems: [{ owner: "", kind: "prevent" as const, description: "Lint configs" }],
  };
  const mine = { ...base, actionItems: [{ owner: "platform", kind: "detect" as const, description: "Lint configs" }] };
  const theirs = {
    ...base,
    actionItems: [{ owner: "", kind: "prevent" as const, description: "Lint nginx configs in CI" }],
  };
  assert.deepEqual(mergePostmortem(base, mine, theirs).actionItems, [
    { owner: "platform", kind: "detect", description: "Lint nginx configs in CI" },
  ]);
});

test("a row one side removes and the other edits is kept, edited", () => {
  const row = (text: string) => ({ at: "2030-01-01T10:00:00.000Z", text });
  const base = { ...EMPTY_POSTMORTEM, timeline: [row("a"), row("noise"), row("c")] };
  const mine = { ...base, timeline: [row("a"), row("c")] };
  const theirs = { ...base, timeline: [row("a"), row("noise, but it mattered"), row("c")] };
  assert.deepEqual(
    mergePostmortem(base, mine, theirs).timeline.map((r) => r.text),
    ["a", "noise, but it mattered", "c"],
  );
  assert.deepEqual(
    mergePostmortem(base, theirs, mine).timeline.map((r) => r.text),
    ["a", "noise, but it mattered", "c"],
  );
});

test("a row both remove is gone; a row one removes and the other leaves is gone", () => {
  const base = { xs: ["a", "b", "c"] };
  assert.deepEqual(mergeContent(base, { xs: ["a", "c"] }, { xs: ["a", "c"] }).xs, ["a", "c"]);
  assert.deepEqual(mergeContent(base, { xs: ["a", "c"] }, { xs: ["a", "b", "c", "d"] }).xs, ["a", "c", "d"]);
});

test("lists with ids are aligned by id: an item moved by one and edited by the other appears once, with the edit", () => {
  const base = {
    items: [
      { id: "1", t: "one" },
      { id: "2", t: "two" },
      { id: "3", t: "three" },
    ],
  };
  const mine = {
    items: [
      { id: "3", t: "three" },
      { id: "1", t: "one" },
      { id: "2", t: "two" },
    ],
  };
  const theirs = {
    items: [
      { id: "1", t: "one" },
      { id: "2", t: "two" },
      { id: "3", t: "three, edited" },
    ],
  };
  const merged = mergeContent(base, mine, theirs).items;
  assert.equal(merged.length, 3);
  assert.equal(merged.find((x) => x.id === "3")?.t, "three, edited");
  const added = mergeContent(
    base,
    { items: [...base.items, { id: "4", t: "mine" }] },
    {
      items: [{ id: "1", t: "one!" }, ...base.items.slice(1), { id: "5", t: "theirs" }],
    },
  ).items;
  assert.deepEqual(
    added.map((x) => x.t),
    ["one!", "two", "three", "theirs", "mine"],
  );
});

test("nested objects merge key by key; unchanged sides give the other's value exactly", () => {
  const base = { a: { x: "1", y: "2" }, n: 1 };
  assert.deepEqual(mergeContent(base, { a: { x: "1 more", y: "2" }, n: 1 }, { a: { x: "1", y: "2 more" }, n: 5 }), {
    a: { x: "1 more", y: "2 more" },
    n: 5,
  });
  const theirs = { a: { x: "q", y: "r" }, n: 9 };
  assert.equal(mergeContent(base, base, theirs), theirs);
});

test("fuzz: a postmortem edited at random by two people keeps every word either added (1000 runs)", () => {
  const textOf = (pm: typeof EMPTY_POSTMORTEM) =>
    [
      pm.summary,
      pm.rootCause,
      ...pm.timeline.map((e) => e.text),
      ...pm.actionItems.flatMap((a) => [a.owner, a.description]),
    ].join("\n");
  const editDoc = (r: () => number, pm: typeof EMPTY_POSTMORTEM, who: string) => {
    const rows = pm.timeline.map((e) => (r() < 0.3 ? { ...e, text: randomEdit(r, e.text, who) } : e));
    const roll = r();
    if (roll < 0.3)
      rows.splice(Math.floor(r() * (rows.length + 1)), 0, { at: who, text: randomText(r, 3) + ` ${who}row` });
    else if (roll < 0.5 && rows.length) rows.splice(Math.floor(r() * rows.length), 1);
    return {
      ...pm,
      summary: r() < 0.5 ? randomEdit(r, pm.summary, who) : pm.summary,
      rootCause: r() < 0.5 ? randomEdit(r, pm.rootCause, who) : pm.rootCause,
      timeline: rows,
      actionItems: pm.actionItems.map((a) =>
        r() < 0.4 ? { ...a, description: randomEdit(r, a.description, who) } : a,
      ),
    };
  };
  for (let seed = 1; seed <= 1000; seed++) {
    const r = rng(seed * 31);
    const base = {
      ...EMPTY_POSTMORTEM,
      summary: randomText(r, 12),
      rootCause: randomText(r, 8),
      timeline: Array.from({ length: Math.floor(r() * 5) }, (_, i) => ({ at: `t${i}`, text: randomText(r, 4) })),
      actionItems: [{ owner: "platform", kind: "prevent" as const, description: randomText(r, 5) }],
    };
    const mine = editDoc(r, base, "mine");
    const theirs = editDoc(r, base, "theirs");
    const merged = mergePostmortem(base, mine, theirs);
    assertKeepsInsertedWords(textOf(base), textOf(mine), textOf(merged), `seed ${seed} mine`);
    assertKeepsInsertedWords(textOf(base), textOf(theirs), textOf(merged), `seed ${seed} theirs`);
  }
});
