import assert from "node:assert/strict";
import { test } from "node:test";
import { matchRubric } from "../../lib/grading/grade-schema";
import { attemptFigures, formatMinutes } from "../../lib/grading/attempt-figures";
import { gradingRubric } from "../../lib/grading/grading-rubric";

const rubric = {
  report: [{ id: "impact", title: "Impact", description: "d", points: 4 }],
  postmortem: [{ id: "root-cause", title: "Root cause", description: "d", points: 6 }],
};

test("a grade must score every criterion within its points, and nothing else", () => {
  const ok = matchRubric(rubric, {
    outcome: "FINAL",
    comment: "",
    criteria: [
      { criterionId: "impact", score: 4, comment: "" },
      { criterionId: "root-cause", score: 5, comment: " ok " },
    ],
  });
  assert.deepEqual(ok.errors, {});
  assert.deepEqual(
    ok.criteria.map((c) => [c.section, c.criterionId, c.score, c.max, c.comment]),
    [
      ["report", "impact", 4, 4, ""],
      ["postmortem", "root-cause", 5, 6, "ok"],
    ],
  );
  const bad = matchRubric(rubric, {
    outcome: "FINAL",
    comment: "",
    criteria: [
      { criterionId: "impact", score: 5, comment: "" },
      { criterionId: "vibes", score: 1, comment: "" },
    ],
  });
  assert.deepEqual(Object.keys(bad.errors).sort(), ["impact", "root-cause", "vibes"]);
});

test("a team's game day is also graded on communication; a solo attempt is not", () => {
  const scores = [
    { criterionId: "impact", score: 4, comment: "" },
    { criterionId: "root-cause", score: 6, comment: "" },
  ];
  const solo = gradingRubric(rubric, "SOLO");
  assert.deepEqual(solo, rubric);
  assert.deepEqual(
    Object.keys(
      matchRubric(solo, {
        outcome: "FINAL",
        comment: "",
        criteria: [...scores, { criterionId: "communication", score: 1, comment: "" }],
      }).errors,
    ),
    ["communication"],
  );
  const team = gradingRubric(rubric, "TEAM");
  assert.deepEqual(Object.keys(matchRubric(team, { outcome: "FINAL", comment: "", criteria: scores }).errors), [
    "communication",
  ]);
  const ok = matchRubric(team, {
    outcome: "FINAL",
    comment: "",
    criteria: [...scores, { criterionId: "communication", score: 15, comment: "steady updates" }],
  });
  assert.deepEqual(ok.errors, {});
  assert.deepEqual(ok.criteria.at(-1), {
    criterionId: "communication",
    section: "communication",
    title: "Communication",
    score: 15,
    max: 20,
    comment: "steady updates",
  });
});

test("figures: minutes to detect and to mitigate from the start", () => {
  const start = new Date("2030-01-01T10:00:00Z");
  const f = attemptFigures({
    startedAt: start,
    detectedAt: new Date("2030-01-01T10:02:30Z"),
    mitigatedAt: null,
    budgetBurned: 1,
    hintsUsed: 2,
    checksTried: 3,
    parMinutes: 15,
  });
  assert.equal(f.minutesToDetect, 2.5);
  assert.equal(f.minutesToMitigate, null);
  assert.equal(formatMinutes(2.5), "2 min 30 s");
  assert.equal(formatMinutes(0.25), "15 s");
  assert.equal(formatMinutes(null), "—");
});
