/**
 * An attempt's score out of 100, explained line by line on the attempt page.
 * Pure: the facilitator's rubric percent, the time to mitigate against the
 * level's par, the hints taken and the error budget burned.
 *
 *   rubric   70 × rubric percent
 *   time     15 at or under par, falling linearly to 0 at 3 × par
 *   budget   15 with nothing burned, falling linearly to 0 at `parMinutes` bad request-minutes
 *            (as if every request had failed for the whole par time)
 *   hints    minus each taken hint's cost
 */
export const WEIGHTS = { rubric: 70, time: 15, budget: 15 } as const;

export interface ScoreInput {
  rubricPercent: number;
  parMinutes: number;
  /** Null when the fix was never verified. */
  minutesToMitigate: number | null;
  budgetBurned: number;
  hintCosts: number[];
}

export interface ScoreLine {
  id: "rubric" | "time" | "budget" | "hints";
  label: string;
  points: number;
  max: number;
  explanation: string;
}

export interface ScoreDetail {
  total: number;
  lines: ScoreLine[];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round1 = (x: number) => Math.round(x * 10) / 10;

export function timeFactor(minutes: number | null, par: number): number {
  if (minutes === null) return 0;
  if (minutes <= par) return 1;
  return clamp01(1 - (minutes - par) / (2 * par));
}

export function scoreAttempt(input: ScoreInput): ScoreDetail {
  const rubric = WEIGHTS.rubric * clamp01(input.rubricPercent / 100);
  const time = WEIGHTS.time * timeFactor(input.minutesToMitigate, input.parMinutes);
  const budget = WEIGHTS.budget * clamp01(1 - input.budgetBurned / input.parMinutes);
  const hintCost = input.hintCosts.reduce((a, b) => a + b, 0);
  const lines: ScoreLine[] = [
    {
      id: "rubric",
      label: "Report and postmortem",
      points: round1(rubric),
      max: WEIGHTS.rubric,
      explanation: `${round1(input.rubricPercent)} % of the rubric × ${WEIGHTS.rubric}`,
    },
    {
      id: "time",
      label: "Time to mitigate",
      points: round1(time),
      max: WEIGHTS.time,
      explanation:
        input.minutesToMitigate === null
          ? "never mitigated"
          : `${round1(input.minutesToMitigate)} min against a par of ${input.parMinutes} min (full marks at par, none at ${3 * input.parMinutes} min)`,
    },
    {
      id: "budget",
      label: "Error budget",
      points: round1(budget),
      max: WEIGHTS.budget,
      explanation: `${round1(input.budgetBurned)} bad request-minutes burned (none left at ${input.parMinutes})`,
    },
    {
      id: "hints",
      label: "Hints",
      points: -hintCost,
      max: 0,
      explanation:
        input.hintCosts.length === 0
          ? "no hints taken"
          : `${input.hintCosts.length} taken, costing ${input.hintCosts.join(" + ")} points`,
    },
  ];
  const total = Math.max(0, round1(rubric + time + budget - hintCost));
  return { total, lines };
}

/** The rubric percent from a grade's criteria. */
export function rubricPercent(criteria: { score: number; max: number }[]): number {
  const max = criteria.reduce((a, c) => a + c.max, 0);
  if (max === 0) return 0;
  return round1((100 * criteria.reduce((a, c) => a + c.score, 0)) / max);
}
