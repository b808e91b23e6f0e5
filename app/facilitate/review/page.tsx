import Link from "next/link";
import { AppShell, PageHeader } from "@/components/AppShell";
import { Badge } from "@/components/Badge";
import { buttonClass } from "@/components/Button";
import { Card } from "@/components/Card";
import { EmptyState } from "@/components/EmptyState";
import { Table, Td, Th, Tr } from "@/components/Table";
import { guardPage } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/format";
import { listReviewQueue } from "@/lib/grading/list-review-queue";

export const metadata = { title: "Review queue" };
export const dynamic = "force-dynamic";

function waited(iso: string | null): string {
  if (!iso) return "—";
  const m = Math.round((Date.now() - Date.parse(iso)) / 60_000);
  return m < 60 ? `${m} min` : m < 48 * 60 ? `${Math.round(m / 60)} h` : `${Math.round(m / 1440)} days`;
}

export default async function ReviewPage() {
  const user = await guardPage("/facilitate/review");
  const queue = await listReviewQueue(user);
  return (
    <AppShell user={user}>
      <PageHeader
        title="Review queue"
        description="Submitted postmortems, oldest first. Grade them against the level's rubric."
      />
      <div className="space-y-6">
        <Card title="Waiting for a grade">
          {queue.waiting.length === 0 ? (
            <EmptyState title="Nothing to grade">When a player submits a postmortem it lands here.</EmptyState>
          ) : (
            <Table caption="Waiting for a grade" head={["Level", "Players", "Submitted", "Waiting", ""]}>
              {queue.waiting.map((q) => (
                <Tr key={q.attemptId}>
                  <Th>
                    {q.levelTitle} <span className="ml-1 text-xs font-normal text-slate-500">{q.category}</span>
                  </Th>
                  <Td>{q.players.join(", ")}</Td>
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
