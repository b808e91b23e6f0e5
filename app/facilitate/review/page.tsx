import Link from "next/link";
import { FilterSelect } from "@/components/FilterSelect";
import { AppShell, PageHeader } from "@/components/AppShell";
import { Badge } from "@/components/Badge";
import { buttonClass } from "@/components/Button";
import { Card } from "@/components/Card";
import { EmptyState } from "@/components/EmptyState";
import { Table, Td, Th, Tr } from "@/components/Table";
import { guardPage } from "@/server/auth/guard";
import { formatDate, formatDateTime } from "@/lib/format";
import { listGameDayOptions } from "@/lib/game-days/list-game-day-options";
import { listReviewQueue } from "@/lib/grading/list-review-queue";

export const metadata = { title: "Review queue" };
export const dynamic = "force-dynamic";

function waited(iso: string | null): string {
  if (!iso) return "—";
  const m = Math.round((Date.now() - Date.parse(iso)) / 60_000);
  return m < 60 ? `${m} min` : m < 48 * 60 ? `${Math.round(m / 60)} h` : `${Math.round(m / 1440)} days`;
}

export default async function ReviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await guardPage("/facilitate/review");
  const q = await searchParams;
  const one = (k: string) => (typeof q[k] === "string" && q[k] ? q[k] : undefined);
  const filters = { assignment: one("assignment"), teamId: one("teamId"), levelId: one("levelId") };
  const [queue, options, everything] = await Promise.all([
    listReviewQueue(user, filters),
    listGameDayOptions(user),
    listReviewQueue(user),
  ]);
  const filtered = Boolean(filters.assignment || filters.teamId || filters.levelId);
  // Assignments that have work in the queue (or graded lately), to pick one.
  const assignments = new Map(
    [...everything.waiting, ...everything.recent].flatMap((i) =>
      i.assignment ? [[i.assignment.id, `${i.assignment.label} — ${i.players.join(", ")}`] as const] : [],
    ),
  );
  return (
    <AppShell user={user}>
      <PageHeader
        title="Review queue"
        description="Submitted postmortems, oldest first. Grade them against the level's rubric."
      />
      <div className="space-y-6">
        <form
          method="get"
          className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm"
          aria-label="Filter the review queue"
          data-testid="review-filters"
        >
          <FilterSelect
            label="Assignment"
            name="assignment"
            value={filters.assignment}
            choices={[
              { value: "assigned", label: "From an assignment" },
              { value: "unassigned", label: "Not assigned" },
              ...[...assignments].map(([value, label]) => ({ value, label })),
            ]}
          />
          <FilterSelect
            label="Team"
            name="teamId"
            value={filters.teamId}
            choices={options.teams.map((t) => ({ value: t.id, label: t.name }))}
          />
          <FilterSelect
            label="Level"
            name="levelId"
            value={filters.levelId}
            choices={options.levels.map((l) => ({ value: l.id, label: l.title }))}
          />
          <button type="submit" className={buttonClass("secondary", "sm")}>
            Filter
          </button>
          {filtered && (
            <Link href="/facilitate/review" className="text-sm text-ember-700 hover:underline">
              Clear filters
            </Link>
          )}
        </form>
        <Card title="Waiting for a grade">
          {queue.waiting.length === 0 ? (
            <EmptyState title={filtered ? "Nothing matches these filters" : "Nothing to grade"}>
              {filtered
                ? "Try another assignment, team or level."
                : "When a player submits a postmortem it lands here."}
            </EmptyState>
          ) : (
            <Table caption="Waiting for a grade" head={["Level", "Players", "Assignment", "Submitted", "Waiting", ""]}>
              {queue.waiting.map((q) => (
                <Tr key={q.attemptId}>
                  <Th>
                    {q.levelTitle} <span className="ml-1 text-xs font-normal text-slate-500">{q.category}</span>
                  </Th>
                  <Td>
                    {q.players.join(", ")}
                    {q.team && <span className="ml-1 text-xs text-slate-500">{q.team}</span>}
                  </Td>
                  <Td>
                    {q.assignment ? (
                      <>
                        {q.assignment.label}
                        {q.assignment.dueAt && (
                          <span className="block text-xs text-slate-500">
                            due {formatDate(new Date(q.assignment.dueAt))}
                          </span>
                        )}
                      </>
                    ) : (
                      <span className="text-slate-400">—</span>
                    )}
                  </Td>
                  <Td>{q.submittedAt ? formatDateTime(new Date(q.submittedAt)) : "—"}</Td>
                  <Td>{waited(q.submittedAt)}</Td>
                  <Td className="text-right">
                    <Link href={`/facilitate/grade/${q.attemptId}`} className={buttonClass("primary", "sm")}>
                      Grade
                    </Link>
                  </Td>
                </Tr>
              ))}
            </Table>
          )}
        </Card>
        <Card title="Recently graded">
          {queue.recent.length === 0 ? (
            <p className="text-sm text-slate-500">No grades yet.</p>
          ) : (
            <Table caption="Recently graded" head={["Level", "Players", "Outcome", "Rubric", ""]}>
              {queue.recent.map((q) => (
                <Tr key={q.attemptId}>
                  <Th>{q.levelTitle}</Th>
                  <Td>{q.players.join(", ")}</Td>
                  <Td>
                    {q.status === "GRADED" ? <Badge tone="green">Final</Badge> : <Badge tone="ember">Returned</Badge>}
                  </Td>
                  <Td className="tabular-nums">{q.percent === null ? "—" : `${q.percent} % of the rubric`}</Td>
                  <Td className="text-right">
                    <Link href={`/attempts/${q.attemptId}`} className="text-sm text-ember-700 hover:underline">
                      View
                    </Link>
                  </Td>
                </Tr>
              ))}
            </Table>
          )}
        </Card>
      </div>
    </AppShell>
  );
}
