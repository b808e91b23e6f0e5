import assert from "node:assert/strict";
import { test } from "node:test";
import { rubricPercent, scoreAttempt, timeFactor } from "../../lib/scoring/score-attempt";

const base = { rubricPercent: 100, parMinutes: 20, minutesToMitigate: 10, budgetBurned: 0, hintCosts: [] as number[] };

test("a perfect attempt scores 100 and explains each line", () => {
  const s = scoreAttempt(base);
  assert.equal(s.total, 100);
  assert.deepEqual(
    s.lines.map((l) => l.id),
    ["rubric", "time", "budget", "hints"],
  );
  for (const l of s.lines) assert.ok(l.explanation.length > 0);
});

test("time: full at par, half at 2 × par, none from 3 × par, none when never mitigated", () => {
  assert.equal(timeFactor(20, 20), 1);
  assert.equal(timeFactor(40, 20), 0.5);
  assert.equal(timeFactor(60, 20), 0);
  assert.equal(timeFactor(600, 20), 0);
  assert.equal(timeFactor(null, 20), 0);
});

test("hints cost their points", () => {
  assert.equal(scoreAttempt({ ...base, hintCosts: [5, 10] }).total, 85);
});

test("burning the error budget costs up to 15 points", () => {
  assert.equal(scoreAttempt({ ...base, budgetBurned: 10 }).total, 92.5);
  assert.equal(scoreAttempt({ ...base, budgetBurned: 1000 }).total, 85);
});

test("the rubric weighs 70 and the total never goes below zero", () => {
  assert.equal(scoreAttempt({ ...base, rubricPercent: 50 }).total, 65);
  assert.equal(
    scoreAttempt({ rubricPercent: 0, parMinutes: 20, minutesToMitigate: null, budgetBurned: 100, hintCosts: [50] })
      .total,
    0,
  );
});

test("rubric percent is points over maximum, rounded to a tenth", () => {
  assert.equal(
    rubricPercent([
      { score: 3, max: 4 },
      { score: 4, max: 5 },
    ]),
    77.8,
  );
  assert.equal(rubricPercent([]), 0);
});
