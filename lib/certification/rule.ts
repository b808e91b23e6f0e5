/**
 * The on-call certification rule, pure and configurable: by default five
 * different levels passed, across at least four categories, each with a final
 * score of at least 70 / 100 (lib/scoring/one-score.ts), in certification mode, within the validity
 * period (see certification-standing.ts). "Passed" is used by the player's progress too.
 */
export interface CertificationRule {
  levels: number;
  categories: number;
  minPercent: number;
  /** Only certification-mode attempts count (CERT_REQUIRE_CERT_MODE). Absent: any mode counts. */
  requireCertMode?: boolean;
  /** A pass counts this many days after its grade (CERT_VALID_DAYS). Absent: passes never expire. */
  validDays?: number;
}

export const DEFAULT_RULE: CertificationRule = { levels: 5, categories: 4, minPercent: 70 };
/** About six months. */
export const DEFAULT_VALID_DAYS = 183;

export interface FinalGrade {
  levelId: string;
  category: string;
  /** The attempt's one score out of 100 (lib/scoring/one-score.ts). */
  percent: number;
  /** The attempt's mode; absent counts as training. */
  mode?: "TRAINING" | "CERTIFICATION";
  /** When the final grade was given. */
  gradedAt?: Date;
}

/** Whether a grade may count toward the rule at all (mode and bar; validity is the standing's business). */
export function countsToward(g: FinalGrade, rule: CertificationRule): boolean {
  if (g.percent < rule.minPercent) return false;
  return !rule.requireCertMode || g.mode === "CERTIFICATION";
}

export interface Progress {
  /** Distinct levels with a final grade at or above the bar, with their best percent. */
  passedLevels: { levelId: string; category: string; percent: number }[];
  passedCategories: string[];
  levelsLeft: number;
  categoriesLeft: number;
  met: boolean;
}

export function progressToward(grades: FinalGrade[], rule: CertificationRule = DEFAULT_RULE): Progress {
  const best = new Map<string, FinalGrade>();
  for (const g of grades) {
    if (!countsToward(g, rule)) continue;
    const prev = best.get(g.levelId);
    if (!prev || g.percent > prev.percent) best.set(g.levelId, g);
  }
  const passedLevels = [...best.values()].sort((a, b) => a.levelId.localeCompare(b.levelId));
  const passedCategories = [...new Set(passedLevels.map((l) => l.category))].sort();
  const levelsLeft = Math.max(0, rule.levels - passedLevels.length);
  const categoriesLeft = Math.max(0, rule.categories - passedCategories.length);
  return { passedLevels, passedCategories, levelsLeft, categoriesLeft, met: levelsLeft === 0 && categoriesLeft === 0 };
}

/**
 * The rule in force: defaults, overridable with CERT_LEVELS, CERT_CATEGORIES, CERT_MIN_PERCENT,
 * CERT_REQUIRE_CERT_MODE (on unless "off", "false", "0" or "no") and CERT_VALID_DAYS.
 */
export function ruleFromEnv(source: Record<string, string | undefined> = process.env): CertificationRule {
  const num = (v: string | undefined, fallback: number, min: number, max: number) => {
    const n = v === undefined || v === "" ? NaN : Number(v);
    return Number.isFinite(n) && n >= min && n <= max ? n : fallback;
  };
  return {
    levels: Math.round(num(source.CERT_LEVELS, DEFAULT_RULE.levels, 1, 100)),
    categories: Math.round(num(source.CERT_CATEGORIES, DEFAULT_RULE.categories, 1, 20)),
    minPercent: num(source.CERT_MIN_PERCENT, DEFAULT_RULE.minPercent, 0, 100),
    requireCertMode: !["off", "false", "0", "no"].includes((source.CERT_REQUIRE_CERT_MODE ?? "").trim().toLowerCase()),
    validDays: Math.round(num(source.CERT_VALID_DAYS, DEFAULT_VALID_DAYS, 1, 3650)),
  };
}
