import Link from "next/link";
import { AppShell, PageHeader } from "@/components/AppShell";
import { Badge } from "@/components/Badge";
import { Card } from "@/components/Card";
import { EmptyState } from "@/components/EmptyState";
import { GameDayRefresh } from "@/components/game-days/GameDayRefresh";
import { StartLevelButton } from "@/components/incident/StartLevelButton";
import { MyAssignments } from "@/components/assignments/MyAssignments";
import { CertificationStatus as Certification } from "@/components/certification/CertificationStatus";
import { Table, Td, Th, Tr } from "@/components/Table";
import { guardPage } from "@/server/auth/guard";
import { getPlayerProgress } from "@/lib/certification/get-player-progress";
import { formatDateTime } from "@/lib/format";
import { formatScore, SCORE_PARTS } from "@/lib/scoring/one-score";
import { listTeamGameDays } from "@/lib/game-days/list-game-days";
import { isIn, OPEN, statusView, UNFINISHED } from "@/lib/core/attempt-status";

export const metadata = { title: "Play" };
export const dynamic = "force-dynamic";

export default async function PlayPage() {
  const user = await guardPage("/play");
  const [home, gameDays] = await Promise.all([getPlayerProgress(user), listTeamGameDays(user)]);
  const { progress, rule } = home;
  const gameDayAttempts = new Set(gameDays.flatMap((g) => (g.attempt ? [g.attempt.id] : [])));
  const live = home.attempts.find((a) => isIn(UNFINISHED, a.status) && !gameDayAttempts.has(a.id));
  const levelCount = home.categories.reduce((a, c) => a + c.levels.length, 0);
  return (
    <AppShell user={user}>
      <PageHeader
        title={`Welcome, ${user.name.split(" ")[0]}`}
        description="Fix real broken systems, write it up, get graded."
        actions={levelCount > 0 ? <StartLevelButton label="Start a random level" /> : undefined}
      />
      <GameDayRefresh everyMs={gameDays.some((g) => g.status === "SCHEDULED") ? 20_000 : undefined} />
      {gameDays.map((g) => (
        <div
          key={g.id}
          className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm"
          data-testid="team-game-day"
          data-status={g.status}
        >
          <span>
            <strong>Game day “{g.title}”</strong> for {g.team.name}
            {" · "}
            {g.attempt?.level ?? g.level?.title ?? "a random level"}
            {" · "}
            {g.status === "SCHEDULED"
              ? `starts ${formatDateTime(new Date(g.scheduledAt))}${g.due ? " (any moment now)" : ""}.`
              : g.attempt && isIn(OPEN, g.attempt.status)
                ? "under way: your team is in the incident room."
                : `your team's incident: ${(g.attempt ? statusView(g.attempt.status).label : "over").toLowerCase()}.`}
          </span>
          {g.status === "RUNNING" && g.attempt ? (
            <Link
              href={`/attempts/${g.attempt.id}`}
              className="rounded-md bg-red-600 px-3 py-1.5 font-medium text-white hover:bg-red-700"
              data-testid="join-game-day"
            >
              Join the game day →
            </Link>
          ) : (
            <span className="text-slate-600">The room opens when it starts; this page updates by itself.</span>
          )}
        </div>
      ))}
      {live && (
        <div className="mb-6 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-ember-500/40 bg-ember-50 px-4 py-3 text-sm">
          <span>
            <strong>{live.levelTitle}</strong> — {statusView(live.status).label.toLowerCase()}.
          </span>
          <Link href={`/attempts/${live.id}`} className="font-medium text-ember-700 hover:underline">
            Open →
          </Link>
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        {home.assignments.length > 0 && <MyAssignments assignments={home.assignments} className="lg:col-span-3" />}
        <Card
          title="On-call certification"
          description={`${rule.levels} levels passed in ${rule.categories} categories, each scored ${rule.minPercent} / 100 or more${rule.requireCertMode ? " in certification mode" : ""}; a pass counts for ${rule.validDays} days.`}
        >
          <Certification home={home} />
        </Card>

        <Card
          title="Levels"
          description="Passed levels are ticked; start any of them, or let us pick."
          className="lg:col-span-2"
        >
          {home.categories.length === 0 ? (
            <EmptyState title="Levels are coming">
              No levels are installed yet. Once the catalogue is synced they appear here.
            </EmptyState>
          ) : (
            <div className="space-y-4">
              {home.categories.map((c) => (
                <div key={c.category}>
                  <h3 className="mb-1 flex items-center gap-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
                    {c.category}
                    {progress.passedCategories.includes(c.category) && <Badge tone="green">covered</Badge>}
                  </h3>
                  <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
                    {c.levels.map((l) => (
                      <li key={l.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                        <span className="flex items-center gap-2">
                          <span
                            aria-label={l.passed ? "passed" : "not passed"}
                            className={l.passed ? "text-green-600" : "text-slate-300"}
                          >
                            {l.passed ? "✔" : "○"}
                          </span>
                          <span className="font-medium text-slate-900">{l.title}</span>
                          <span className="text-xs capitalize text-slate-500">{l.difficulty}</span>
                          {l.bestScore !== null && (
                            <span className="text-xs text-slate-500" title={SCORE_PARTS}>
                              best {formatScore(l.bestScore)}
                            </span>
                          )}
                        </span>
                        <span className="flex items-start gap-2">
                          <StartLevelButton
                            levelId={l.id}
                            label={l.passed ? "Play again" : "Start"}
                            variant="secondary"
                            size="sm"
                          />
                          <StartLevelButton
                            levelId={l.id}
                            mode="CERTIFICATION"
                            label="Certify"
                            variant="ghost"
                            size="sm"
                          />
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          )}
        </Card>

        {home.assignments.length === 0 && <MyAssignments assignments={home.assignments} />}

        <Card title="Your incidents" className={home.assignments.length > 0 ? "lg:col-span-3" : "lg:col-span-2"}>
          {home.attempts.length === 0 ? (
            <p className="text-sm text-slate-500">You have not played yet.</p>
          ) : (
            <>
              <Table caption="Your incidents" head={["Level", "Started", "Status", "Score"]}>
                {home.attempts.map((a) => (
                  <Tr key={a.id}>
                    <Th>
                      <Link href={`/attempts/${a.id}`} className="hover:underline">
                        {a.levelTitle}
                      </Link>
                      <span className="ml-1 text-xs font-normal text-slate-500">{a.category}</span>
                    </Th>
                    <Td>{formatDateTime(new Date(a.startedAt))}</Td>
                    <Td>
                      <Badge tone={statusView(a.status).tone}>{statusView(a.status).label}</Badge>
                    </Td>
                    <Td className="tabular-nums" title={SCORE_PARTS}>
                      {formatScore(a.score)}
                    </Td>
                  </Tr>
                ))}
              </Table>
              <p className="mt-2 text-xs text-slate-500">{SCORE_PARTS}</p>
            </>
          )}
        </Card>
      </div>
    </AppShell>
  );
}
