/** The readiness page's two CSV exports: the coverage table and the attempts behind it. Pure. */
import { buildCoverage } from "./coverage";
import { toCsv, type CsvValue } from "./csv";
import type { Readiness } from "./load-readiness";
import { onCallStatus, ON_CALL_LABEL } from "./on-call";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export function coverageCsv(r: Readiness): string {
  const cov = buildCoverage(r.people, r.levels, r.attempts);
  const head: CsvValue[] = ["person", "email", "team", "on call", "certified at", "missing"];
  for (const c of cov.categories) head.push(`${c.name} best score`, `${c.name} graded at`, `${c.name} levels done`);
  const rows: CsvValue[][] = [head];
  for (const p of r.people) {
    const row = cov.byCategory.get(p.id);
    const uncovered = cov.categories.map((c) => c.name).filter((c) => !p.progress.passedCategories.includes(c));
    const status = onCallStatus({ ...p, uncoveredCategories: uncovered }, r.now);
    const line: CsvValue[] = [
      p.name,
      p.email,
      p.teamName,
      ON_CALL_LABEL[status.state],
      iso(status.certifiedAt),
      status.missing.join("; "),
    ];
    for (const c of cov.categories) {
      const cell = row?.get(c.name);
      line.push(cell?.score ?? null, iso(cell?.at ?? null), cell ? `${cell.levelsDone}/${c.levels.length}` : null);
    }
    rows.push(line);
  }
  return toCsv(rows);
}

export function attemptsCsv(r: Readiness): string {
  const rows: CsvValue[][] = [
    [
      "attempt id",
      "person",
      "team",
      "level",
      "category",
      "kind",
      "status",
      "started at",
      "graded at",
      "score",
      "minutes to detect",
      "minutes to mitigate",
      "par minutes",
      "hints used",
      "checks tried",
      "error budget burned",
    ],
  ];
  for (const a of r.attempts)
    rows.push([
      a.attemptId,
      a.personName,
      a.teamName,
      a.levelTitle,
      a.category,
      a.kind,
      a.status,
      iso(a.startedAt),
      iso(a.gradedAt),
      a.score,
      round1(a.minutesToDetect),
      round1(a.minutesToMitigate),
      a.parMinutes,
      a.hintsUsed,
      a.checksTried,
      round1(a.budgetBurned),
    ]);
  return toCsv(rows);
}
