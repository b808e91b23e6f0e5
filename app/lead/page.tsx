import { AppShell, PageHeader } from "@/components/AppShell";
import { Card } from "@/components/Card";
import { EmptyState } from "@/components/EmptyState";
import { CoverageTable, RecencyLegend } from "@/components/readiness/CoverageTable";
import { MeasureChart } from "@/components/readiness/MeasureChart";
import { OnCallTable } from "@/components/readiness/OnCallTable";
import { ParTable } from "@/components/readiness/ParTable";
import { ReadinessFilters } from "@/components/readiness/ReadinessFilters";
import { guardPage } from "@/server/auth/guard";
import { loadReadiness } from "@/lib/readiness/load-readiness";
import { parseFilter, PERIODS } from "@/lib/readiness/period";
import { readinessView } from "@/lib/readiness/readiness-view";
import { MEASURES } from "@/lib/readiness/trends";
import { SCORE_PARTS } from "@/lib/scoring/one-score";
import { orPageError } from "../attempts/_lib/load";
import { OverdueCard } from "@/components/assignments/OverdueCard";
import { listAssignments } from "@/lib/assignments/list-assignments";

export const metadata = { title: "Team readiness" };
export const dynamic = "force-dynamic";

function Figure({ label, value, hint, tone }: { label: string; value: string; hint?: string; tone?: string }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={`text-2xl font-semibold tabular-nums ${tone ?? "text-slate-900"}`}>{value}</dd>
      {hint && <dd className="text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}

export default async function LeadPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await guardPage("/lead");
  const filter = parseFilter(await searchParams);
  const r = await orPageError(loadReadiness(user, filter));
  const v = readinessView(r);
  const rule = r.rule;
  const noTeams = r.teams.length === 0 && user.role !== "ADMIN" && filter.team === "all";
  const filters = (
    <Card>
      <ReadinessFilters
        filter={filter}
        teams={r.teams}
        canSeeTeamless={r.canSeeTeamless}
        seesEveryone={r.seesEveryone}
      />
    </Card>
  );
  const openAssignments = await listAssignments(user, { state: "open" });
  return (
    <AppShell user={user}>
      <PageHeader
        title="Team readiness"
        description={`${PERIODS[filter.period]}. On call means certified: ${rule.levels} levels in ${rule.categories} categories, each scored ${rule.minPercent} / 100 or more. ${SCORE_PARTS}`}
      />
      <div className="mb-6">
        <OverdueCard rows={openAssignments.filter((a) => a.state === "overdue")} open={openAssignments.length} />
      </div>
      {noTeams ? (
        <div className="space-y-6">
          {filters}
          <Card>
            <EmptyState title="You don't lead a team yet">
              An admin can make you the lead of a team under Admin → Teams; its people and their drills then show here.
              Meanwhile, choose “People without a team” above to see those nobody leads yet.
            </EmptyState>
          </Card>
        </div>
      ) : (
        <div className="space-y-6">
          {filters}
          {r.people.length === 0 ? (
            <Card>
              <EmptyState title="No one here yet">
                Nobody matches this team. An admin can add people under Admin → Teams, or invite them under Admin →
                People.
              </EmptyState>
            </Card>
          ) : (
            <>
              <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="at-a-glance">
                <Figure label="People" value={String(v.glance.people)} />
                <Figure label="Can go on call" value={String(v.glance.certified)} tone="text-green-700" />
                <Figure label="Close to certified" value={String(v.glance.close)} tone="text-blue-700" />
                <Figure label="Attempts in period" value={String(v.glance.attempts)} />
                <Figure
                  label="Median score"
                  value={v.glance.medianScore === null ? "—" : String(v.glance.medianScore)}
                  hint="out of 100, graded attempts"
                />
                <Figure
                  label="Uncovered categories"
                  value={String(v.glance.uncovered.length)}
                  hint={v.glance.uncovered.join(", ") || "every category has a graded attempt"}
                  tone={v.glance.uncovered.length ? "text-red-700" : "text-slate-900"}
                />
              </dl>

              {r.attempts.length === 0 && (
                <Card>
                  <EmptyState title="No drills in this period yet">
                    Scores, times and trends appear once people play. Ask a facilitator to assign levels or schedule a
                    game day for this team, or pick a longer period above.
                  </EmptyState>
                </Card>
              )}

              <Card
                title="Who can go on call"
                description="Certification by the rule above; close means at most two levels and one category short."
              >
                <OnCallTable rows={v.onCall} />
              </Card>

              <Card title="Coverage" description="Click a cell to open the attempt: its grade, postmortem and replay.">
                {v.coverage.categories.length === 0 ? (
                  <EmptyState title="No levels installed">
                    Coverage per category appears once levels are synced (npm start loads them).
                  </EmptyState>
                ) : (
                  <div className="space-y-3">
                    <RecencyLegend />
                    <CoverageTable people={r.people} coverage={v.coverage} now={r.now} bar={rule.minPercent} />
                  </div>
                )}
              </Card>

              {r.attempts.length > 0 && (
                <>
                  <Card
                    title="Trends"
                    description="A point per attempt and person; the dashed line is everyone's weekly median. Click a point to open its attempt."
                  >
                    <div className="grid gap-6 lg:grid-cols-2" data-testid="trends">
                      {v.trends.map((t) => (
                        <MeasureChart
                          key={t.measure}
                          measure={t.measure}
                          title={MEASURES[t.measure].label}
                          unit={MEASURES[t.measure].unit}
                          people={t.people}
                          median={t.teamMedian}
                        />
                      ))}
                    </div>
                  </Card>
                  <Card title="Median against par" description="Per level played in the period.">
                    <ParTable rows={v.par} />
                  </Card>
                </>
              )}
            </>
          )}
        </div>
      )}
    </AppShell>
  );
}
