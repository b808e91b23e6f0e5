/**
 * People × categories (and levels): each cell the best score and when, from
 * attempts with a final grade. Categories nobody in view has a graded attempt
 * in are "uncovered". Pure.
 */
import type { ReadinessAttempt, ReadinessLevel, ReadinessPerson } from "./readiness-row";

export interface CoverageCell {
  score: number;
  at: Date;
  attemptId: string;
  /** Levels of the category with a graded attempt (1 for a level cell). */
  levelsDone: number;
}

export interface Coverage {
  categories: { name: string; levels: ReadinessLevel[]; covered: boolean }[];
  /** personId → category → best cell (absent: nothing graded there). */
  byCategory: Map<string, Map<string, CoverageCell>>;
  /** personId → levelId → best cell. */
  byLevel: Map<string, Map<string, CoverageCell>>;
}

const better = (a: CoverageCell | undefined, score: number, at: Date) =>
  !a || score > a.score || (score === a.score && at > a.at);

export function buildCoverage(
  people: readonly ReadinessPerson[],
  levels: readonly ReadinessLevel[],
  attempts: readonly ReadinessAttempt[],
): Coverage {
  const byLevel = new Map<string, Map<string, CoverageCell>>(people.map((p) => [p.id, new Map()]));
  for (const a of attempts) {
    if (a.score === null || a.gradedAt === null) continue;
    const row = byLevel.get(a.personId);
    if (!row) continue;
    if (better(row.get(a.levelId), a.score, a.gradedAt))
      row.set(a.levelId, { score: a.score, at: a.gradedAt, attemptId: a.attemptId, levelsDone: 1 });
  }
  const categoryOf = new Map(levels.map((l) => [l.id, l.category]));
  for (const a of attempts) if (!categoryOf.has(a.levelId)) categoryOf.set(a.levelId, a.category);
  const byCategory = new Map<string, Map<string, CoverageCell>>();
  for (const [personId, cells] of byLevel) {
    const row = new Map<string, CoverageCell>();
    for (const [levelId, cell] of cells) {
      const category = categoryOf.get(levelId)!;
      const prev = row.get(category);
      const done = (prev?.levelsDone ?? 0) + 1;
      row.set(
        category,
        better(prev, cell.score, cell.at) ? { ...cell, levelsDone: done } : { ...prev!, levelsDone: done },
      );
    }
    byCategory.set(personId, row);
  }
  const names = [...new Set(levels.map((l) => l.category))].sort();
  const categories = names.map((name) => ({
    name,
    levels: levels.filter((l) => l.category === name),
    covered: [...byCategory.values()].some((row) => row.has(name)),
  }));
  return { categories, byCategory, byLevel };
}
