import assert from "node:assert/strict";
import { test } from "node:test";
import { certificationStanding } from "../../lib/certification/certification-standing";
import type { FinalGrade } from "../../lib/certification/rule";

const DAY = 24 * 60 * 60_000;
const NOW = new Date("2026-12-01T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);
const rule = { levels: 2, categories: 2, minPercent: 70, requireCertMode: true, validDays: 180 };
const pass = (levelId: string, category: string, ago: number, extra: Partial<FinalGrade> = {}): FinalGrade => ({
  levelId,
  category,
  percent: 85,
  mode: "CERTIFICATION",
  gradedAt: daysAgo(ago),
  ...extra,
});

test("certified, with the date it lapses and the pass to replay first", () => {
  const s = certificationStanding({
    grades: [pass("a", "db", 10), pass("b", "proxy", 40)],
    rule,
    now: NOW,
    everCertified: true,
  });
  assert.equal(s.state, "certified");
  // b's pass ages out first (180 - 40 = 140 days from now), and without it the rule fails.
  assert.deepEqual(s.validUntil, new Date(daysAgo(40).getTime() + 180 * DAY));
  assert.deepEqual(
    s.renew.map((l) => l.levelId),
    ["b"],
  );
});

test("expiring soon inside 30 days; a spare pass postpones the date", () => {
  const soon = certificationStanding({
    grades: [pass("a", "db", 10), pass("b", "proxy", 170)],
    rule,
    now: NOW,
    everCertified: true,
  });
  assert.equal(soon.state, "expiring-soon");
  assert.equal(soon.renew[0]?.levelId, "b");
  // A third pass in the same category as b keeps two categories covered after b ages out.
  const spare = certificationStanding({
    grades: [pass("a", "db", 10), pass("b", "proxy", 170), pass("c", "proxy", 20)],
    rule,
    now: NOW,
    everCertified: true,
  });
  assert.equal(spare.state, "certified");
  assert.deepEqual(spare.validUntil, new Date(daysAgo(20).getTime() + 180 * DAY));
  assert.deepEqual(
    spare.renew.map((l) => l.levelId),
    ["b", "c"],
  );
});

test("expired once a needed pass is older than the validity period; it says what to replay", () => {
  const s = certificationStanding({
    grades: [pass("a", "db", 10), pass("b", "proxy", 200)],
    rule,
    now: NOW,
    everCertified: true,
  });
  assert.equal(s.state, "expired");
  assert.equal(s.validUntil, null);
  assert.deepEqual(
    s.renew.map((l) => l.levelId),
    ["b"],
  );
  assert.equal(s.progress.levelsLeft, 1);
  // Never certified: the same grades read as "not certified".
  assert.equal(
    certificationStanding({ grades: [pass("a", "db", 10)], rule, now: NOW, everCertified: false }).state,
    "not-certified",
  );
});

test("a replayed level counts from its latest pass; training passes and failed grades never count", () => {
  const renewed = certificationStanding({
    grades: [pass("a", "db", 10), pass("b", "proxy", 200), pass("b", "proxy", 5)],
    rule,
    now: NOW,
    everCertified: true,
  });
  assert.equal(renewed.state, "certified");
  const training = certificationStanding({
    grades: [pass("a", "db", 10), pass("b", "proxy", 5, { mode: "TRAINING" })],
    rule,
    now: NOW,
    everCertified: false,
  });
  assert.equal(training.state, "not-certified");
  const failed = certificationStanding({
    grades: [pass("a", "db", 10), pass("b", "proxy", 5, { percent: 60 })],
    rule,
    now: NOW,
    everCertified: false,
  });
  assert.equal(failed.progress.met, false);
});

test("without a validity period nothing expires", () => {
  const s = certificationStanding({
    grades: [pass("a", "db", 5000), pass("b", "proxy", 9000)],
    rule: { ...rule, validDays: undefined },
    now: NOW,
    everCertified: true,
  });
  assert.equal(s.state, "certified");
  assert.equal(s.validUntil, null);
  assert.deepEqual(s.renew, []);
});
