/**
 * "Start a random level": among enabled levels the player has not passed, pick
 * one from the categories they have practised least (never-tried categories
 * first). When everything is passed, any enabled level may come up again.
 * Pure; the random source is injected so tests can pin it.
 */
export interface CandidateLevel {
  id: string;
  category: string;
}

export function chooseLevel(input: {
  levels: CandidateLevel[];
  passedLevelIds: ReadonlySet<string>;
  /** Attempts started so far per category (any outcome). */
  practiceByCategory: ReadonlyMap<string, number>;
  random?: () => number;
}): CandidateLevel | undefined {
  const random = input.random ?? Math.random;
  const open = input.levels.filter((l) => !input.passedLevelIds.has(l.id));
  const pool = open.length > 0 ? open : input.levels;
  if (pool.length === 0) return undefined;
  const practice = (l: CandidateLevel) => input.practiceByCategory.get(l.category) ?? 0;
  const least = Math.min(...pool.map(practice));
  const favoured = pool.filter((l) => practice(l) === least);
  const index = Math.min(favoured.length - 1, Math.floor(random() * favoured.length));
  return favoured[index];
}
