/** One person's part in one attempt: the unit the readiness page, its charts and its CSV are made of. */
export interface ReadinessAttempt {
  attemptId: string;
  personId: string;
  personName: string;
  teamName: string | null;
  levelId: string;
  levelTitle: string;
  category: string;
  parMinutes: number;
  kind: "SOLO" | "TEAM";
  status: string;
  startedAt: Date;
  /** When the final grade was given; null until then. */
  gradedAt: Date | null;
  /** The one score (lib/scoring/one-score.ts); null until a final grade. */
  score: number | null;
  minutesToDetect: number | null;
  minutesToMitigate: number | null;
  hintsUsed: number;
  checksTried: number;
  budgetBurned: number;
}

export interface ReadinessPerson {
  id: string;
  name: string;
  email: string;
  teamName: string | null;
}

export interface ReadinessLevel {
  id: string;
  title: string;
  category: string;
  parMinutes: number;
}
