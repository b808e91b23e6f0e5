/**
 * Where a person stands with on-call certification today, pure: certified,
 * expiring soon, expired or not certified, until when, and which levels to
 * replay (in certification mode) to renew it. A pass counts for the rule's
 * validity period after its final grade, so practice decays: when enough
 * passes age out that the rule no longer holds, the certification lapses.
 * The player's home and the lead's readiness page both read this.
 */
import { countsToward, progressToward, type CertificationRule, type FinalGrade, type Progress } from "./rule";

export type StandingState = "certified" | "expiring-soon" | "expired" | "not-certified";

export interface LevelToReplay {
  levelId: string;
  category: string;
  /** When this level's last counted pass stops (or stopped) counting. */
  expiresAt: Date;
}

export interface CertificationStanding {
  state: StandingState;
  /** Certified: the moment the rule stops holding unless something is replayed. Otherwise null. */
  validUntil: Date | null;
  /** Certified or expiring: replay these before validUntil. Expired: replaying these renews it. Soonest first. */
  renew: LevelToReplay[];
  /** Progress toward the rule with the passes that still count. */
  progress: Progress;
}

const DAY_MS = 24 * 60 * 60_000;
/** The latest moment a Date can hold: a pass under a rule without a validity period. */
const FOREVER = 8.64e15;
export const EXPIRING_SOON_DAYS = 30;

function holds(levels: readonly { category: string }[], rule: CertificationRule): boolean {
  return levels.length >= rule.levels && new Set(levels.map((l) => l.category)).size >= rule.categories;
}

export function certificationStanding(input: {
  grades: readonly FinalGrade[];
  rule: CertificationRule;
  now: Date;
  /** Whether a certification was ever awarded (tells "expired" from "not certified"). */
  everCertified: boolean;
  soonDays?: number;
}): CertificationStanding {
  const { rule, now } = input;
  const validMs = rule.validDays === undefined ? Infinity : rule.validDays * DAY_MS;
  // Each level's latest counted pass decides how long the level counts.
  const latest = new Map<string, LevelToReplay>();
  for (const g of input.grades) {
    if (!countsToward(g, rule)) continue;
    const expiresAt = new Date(Math.min(FOREVER, (g.gradedAt ?? now).getTime() + validMs));
    const prev = latest.get(g.levelId);
    if (!prev || expiresAt > prev.expiresAt)
      latest.set(g.levelId, { levelId: g.levelId, category: g.category, expiresAt });
  }
  const bySoonest = [...latest.values()].sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
  const current = bySoonest.filter((l) => l.expiresAt > now);
  const stillValid = input.grades.filter((g) => {
    const l = latest.get(g.levelId);
    return l !== undefined && l.expiresAt > now;
  });
  const progress = progressToward(stillValid, rule);

  if (progress.met) {
    // Drop levels in the order they expire; the one whose loss breaks the rule sets the date.
    let validUntil: Date | null = null;
    const renew: LevelToReplay[] = [];
    for (let i = 0; i < current.length; i++) {
      const level = current[i]!;
      renew.push(level);
      if (!holds(current.slice(i + 1), rule)) {
        validUntil = level.expiresAt.getTime() < FOREVER ? level.expiresAt : null;
        break;
      }
    }
    const soonMs = (input.soonDays ?? EXPIRING_SOON_DAYS) * DAY_MS;
    const soon = validUntil !== null && validUntil.getTime() - now.getTime() <= soonMs;
    return { state: soon ? "expiring-soon" : "certified", validUntil, renew: validUntil ? renew : [], progress };
  }

  // Lapsed (or never held): the expired passes are what to replay, uncovered categories first, latest first.
  const covered = new Set(progress.passedCategories);
  const expired = bySoonest
    .filter((l) => l.expiresAt <= now)
    .sort(
      (a, b) =>
        Number(covered.has(a.category)) - Number(covered.has(b.category)) ||
        b.expiresAt.getTime() - a.expiresAt.getTime(),
    );
  return {
    state: input.everCertified ? "expired" : "not-certified",
    validUntil: null,
    renew: expired,
    progress,
  };
}
