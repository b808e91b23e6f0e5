/**
 * Seeds the e2e database (the one `start.ts --e2e` runs) with a readiness
 * picture: a team led by the demo lead with a certified person, one close to
 * certification and a beginner, graded attempts over the last weeks on the real
 * levels, plus a team with nobody who has played. Names carry a run suffix so a
 * retry never collides.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { scoreAttempt } from "../lib/scoring/score-attempt";

const URL = `postgresql://postgres:firedrill-local@127.0.0.1:${process.env.FIREDRILL_DB_PORT ?? 54322}/firedrill_e2e`;

export interface Seeded {
  teamId: string;
  teamName: string;
  quietTeamId: string;
  people: { rita: string; omar: string; nia: string };
  attemptIds: string[];
}

const DAY = 86_400_000;

export async function seedReadiness(): Promise<Seeded> {
  const db = new pg.Client({ connectionString: URL });
  await db.connect();
  try {
    const run = randomUUID().slice(0, 6);
    const id = () => `e2e${randomUUID().replace(/-/g, "").slice(0, 21)}`;
    const one = async <T>(sql: string, args: unknown[] = []) => (await db.query(sql, args)).rows[0] as T;
    const lead = await one<{ id: string }>(`SELECT id FROM "User" WHERE email = 'lead@firedrill.local'`);
    const grader = await one<{ id: string }>(`SELECT id FROM "User" WHERE email = 'facilitator@firedrill.local'`);
    const teamId = id();
    const quietTeamId = id();
    const teamName = `Readiness ${run}`;
    await db.query(`INSERT INTO "Team" (id, name, "leadId") VALUES ($1, $2, $3), ($4, $5, $3)`, [
      teamId,
      teamName,
      lead.id,
      quietTeamId,
      `Quiet ${run}`,
    ]);
    const person = async (name: string, team: string) => {
      const pid = id();
      await db.query(
        `INSERT INTO "User" (id, email, name, role, "teamId", "updatedAt") VALUES ($1, $2, $3, 'PLAYER', $4, now())`,
        [pid, `${name.toLowerCase().replace(/\W+/g, ".")}.${run}@e2e.firedrill.test`, `${name} ${run}`, team],
      );
      return pid;
    };
    const rita = await person("Rita Ready", teamId);
    const omar = await person("Omar Close", teamId);
    const nia = await person("Nia New", teamId);
    await person("Quentin Quiet", quietTeamId);
    const levels = new Map(
      (
        await db.query<{ id: string; parMinutes: number }>(`SELECT id, "parMinutes" FROM "Level" WHERE enabled`)
      ).rows.map((l) => [l.id, l.parMinutes]),
    );
    const attemptIds: string[] = [];
    const play = async (
      who: string,
      levelId: string,
      daysAgo: number,
      f: { rubric: number; ttd: number; ttm: number; hints: number; checks: number; graded?: boolean },
    ) => {
      const par = levels.get(levelId);
      if (par === undefined) throw new Error(`level ${levelId} is not in the e2e catalogue`);
      const aid = id();
      const start = new Date(Date.now() - daysAgo * DAY);
      const at = (min: number) => new Date(start.getTime() + min * 60_000);
      const graded = f.graded ?? true;
      const detail = scoreAttempt({
        rubricPercent: f.rubric,
        parMinutes: par,
        minutesToMitigate: f.ttm,
        budgetBurned: f.ttm / 4,
        hintCosts: Array.from({ length: f.hints }, () => 5),
      });
      await db.query(
        `INSERT INTO "Attempt" (id, "levelId", "startedById", "teamId", "variantSeed", params, status, "startedAt",
           "detectedAt", "mitigatedAt", "endedAt", "hintsUsed", "checksTried", "budgetBurned", score, "scoreDetail", "playMode", "updatedAt")
         VALUES ($1, $2, $3, $4, 'e2e', '{}', $5, $6, $7, $8, $8, $9, $10, $11, $12, $13, 'CERTIFICATION', now())`,
        [
          aid,
          levelId,
          who,
          teamId,
          graded ? "GRADED" : "SUBMITTED",
          start,
          at(f.ttd),
          at(f.ttm),
          f.hints,
          f.checks,
          f.ttm / 4,
          graded ? detail.total : null,
          graded ? JSON.stringify(detail) : null,
        ],
      );
      await db.query(`INSERT INTO "AttemptMember" ("attemptId", "userId") VALUES ($1, $2)`, [aid, who]);
      await db.query(
        `INSERT INTO "Postmortem" (id, "attemptId", content, status, "updatedAt", "submittedAt") VALUES ($1, $2, $3, $4, now(), $5)`,
        [id(), aid, JSON.stringify({ summary: "Seeded postmortem" }), graded ? "GRADED" : "SUBMITTED", at(f.ttm + 20)],
      );
      if (graded) {
        const criteria = [
          {
            criterionId: "report",
            section: "report",
            title: "Report",
            score: Math.round(f.rubric / 2),
            max: 50,
            comment: "",
          },
          {
            criterionId: "pm",
            section: "postmortem",
            title: "Postmortem",
            score: Math.round(f.rubric / 2),
            max: 50,
            comment: "",
          },
        ];
        await db.query(
          `INSERT INTO "Grade" (id, "attemptId", "graderId", criteria, percent, outcome, "createdAt") VALUES ($1, $2, $3, $4, $5, 'FINAL', $6)`,
          [id(), aid, grader.id, JSON.stringify(criteria), f.rubric, at(f.ttm + 60)],
        );
      }
      attemptIds.push(aid);
    };
    // Rita: everything, getting faster; filesystem only long ago (outside the last 90 days).
    await play(rita, "disk-full", 140, { rubric: 80, ttd: 6, ttm: 30, hints: 2, checks: 5 });
    await play(rita, "locked-migration", 40, { rubric: 85, ttd: 4, ttm: 22, hints: 1, checks: 3 });
    await play(rita, "payload-too-large", 25, { rubric: 90, ttd: 3, ttm: 14, hints: 0, checks: 2 });
    await play(rita, "timezone", 12, { rubric: 95, ttd: 2, ttm: 18, hints: 0, checks: 1 });
    await play(rita, "missing-index", 4, { rubric: 100, ttd: 1.5, ttm: 12, hints: 0, checks: 1 });
    await db.query(`INSERT INTO "Certification" (id, "userId", rule, "awardedAt") VALUES ($1, $2, '{}', $3)`, [
      id(),
      rita,
      new Date(Date.now() - 4 * DAY + 2 * 3_600_000),
    ]);
    // Omar: four levels in three categories, one short on each count.
    await play(omar, "locked-migration", 50, { rubric: 90, ttd: 8, ttm: 19, hints: 0, checks: 6 });
    await play(omar, "missing-index", 30, { rubric: 85, ttd: 5, ttm: 24, hints: 1, checks: 4 });
    await play(omar, "payload-too-large", 16, { rubric: 90, ttd: 3, ttm: 13, hints: 0, checks: 2 });
    await play(omar, "timezone", 6, { rubric: 80, ttd: 4, ttm: 26, hints: 1, checks: 3 });
    // Nia: one graded, one waiting for a grade.
    await play(nia, "locked-migration", 9, { rubric: 60, ttd: 12, ttm: 48, hints: 3, checks: 9 });
    await play(nia, "payload-too-large", 2, { rubric: 0, ttd: 7, ttm: 25, hints: 2, checks: 5, graded: false });
    return { teamId, teamName, quietTeamId, people: { rita, omar, nia }, attemptIds };
  } finally {
    await db.end();
  }
}
