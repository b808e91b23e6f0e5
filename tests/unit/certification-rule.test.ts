import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_RULE, DEFAULT_VALID_DAYS, progressToward, ruleFromEnv } from "../../lib/certification/rule";

const g = (levelId: string, category: string, percent: number) => ({ levelId, category, percent });

test("five levels in four categories at 70 % or more certify", () => {
  const p = progressToward([
    g("a", "database", 70),
    g("b", "database", 80),
    g("c", "proxy", 90),
    g("d", "time", 75),
    g("e", "network", 100),
  ]);
  assert.equal(p.met, true);
  assert.equal(p.levelsLeft, 0);
  assert.equal(p.categoriesLeft, 0);
});

test("five levels in three categories do not", () => {
  const p = progressToward([
    g("a", "database", 90),
    g("b", "database", 90),
    g("c", "proxy", 90),
    g("d", "proxy", 90),
    g("e", "time", 90),
  ]);
  assert.equal(p.met, false);
  assert.equal(p.categoriesLeft, 1);
});

test("grades under the bar do not count, and the same level twice counts once", () => {
  const p = progressToward([g("a", "database", 69.9), g("b", "proxy", 80), g("b", "proxy", 95), g("c", "time", 70)]);
  assert.deepEqual(
    p.passedLevels.map((l) => [l.levelId, l.percent]),
    [
      ["b", 95],
      ["c", 70],
    ],
  );
  assert.equal(p.levelsLeft, 3);
  assert.deepEqual(p.passedCategories, ["proxy", "time"]);
});

test("the rule is configurable", () => {
  const rule = { levels: 2, categories: 1, minPercent: 50 };
  assert.equal(progressToward([g("a", "database", 55), g("b", "database", 60)], rule).met, true);
  assert.deepEqual(
    ruleFromEnv({
      CERT_LEVELS: "3",
      CERT_CATEGORIES: "2",
      CERT_MIN_PERCENT: "80",
      CERT_REQUIRE_CERT_MODE: "off",
      CERT_VALID_DAYS: "90",
    }),
    { levels: 3, categories: 2, minPercent: 80, requireCertMode: false, validDays: 90 },
  );
  assert.deepEqual(ruleFromEnv({ CERT_LEVELS: "nonsense", CERT_MIN_PERCENT: "150", CERT_VALID_DAYS: "-3" }), {
    ...DEFAULT_RULE,
    requireCertMode: true,
    validDays: DEFAULT_VALID_DAYS,
  });
});

test("only certification-mode attempts count when the rule asks for them (the default)", () => {
  const rule = { levels: 2, categories: 1, minPercent: 70, requireCertMode: true };
  const training = [g("a", "database", 90), g("b", "database", 95)];
  assert.equal(progressToward(training, rule).met, false, "training passes do not certify");
  assert.equal(progressToward(training, rule).levelsLeft, 2);
  const cert = training.map((x) => ({ ...x, mode: "CERTIFICATION" as const }));
  assert.equal(progressToward(cert, rule).met, true);
  assert.equal(progressToward(training, { ...rule, requireCertMode: false }).met, true, "configurable off");
  assert.equal(ruleFromEnv({}).requireCertMode, true, "on by default");
  assert.equal(DEFAULT_VALID_DAYS >= 180 && DEFAULT_VALID_DAYS <= 184, true, "about six months");
});
