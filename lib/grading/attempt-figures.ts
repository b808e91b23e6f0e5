/** The numbers a facilitator and the player see beside the writing. Pure. */
export interface AttemptFigures {
  minutesToDetect: number | null;
  minutesToMitigate: number | null;
  parMinutes: number;
  budgetBurned: number;
  hintsUsed: number;
  checksTried: number;
}

const minutesBetween = (a: Date, b: Date | null) => (b ? Math.max(0, (b.getTime() - a.getTime()) / 60_000) : null);

export function attemptFigures(a: {
  startedAt: Date;
  detectedAt: Date | null;
  mitigatedAt: Date | null;
  budgetBurned: number;
  hintsUsed: number;
  checksTried: number;
  parMinutes: number;
}): AttemptFigures {
  return {
    minutesToDetect: minutesBetween(a.startedAt, a.detectedAt),
    minutesToMitigate: minutesBetween(a.startedAt, a.mitigatedAt),
    parMinutes: a.parMinutes,
    budgetBurned: a.budgetBurned,
    hintsUsed: a.hintsUsed,
    checksTried: a.checksTried,
  };
}

export function formatMinutes(m: number | null): string {
  if (m === null) return "—";
  if (m < 1) return `${Math.round(m * 60)} s`;
  const whole = Math.floor(m);
  const s = Math.round((m - whole) * 60);
  return s === 0 ? `${whole} min` : `${whole} min ${s} s`;
}
