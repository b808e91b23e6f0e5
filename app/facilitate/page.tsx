import Link from "next/link";
import { AppShell, PageHeader } from "@/components/AppShell";
import { Badge } from "@/components/Badge";
import { LinkButton } from "@/components/Button";
import { Card } from "@/components/Card";
import { EmptyState } from "@/components/EmptyState";
import { Table, Td, Th, Tr } from "@/components/Table";
import { guardPage } from "@/server/auth/guard";
import { formatDateTime } from "@/lib/format";
import { getFacilitatorHome } from "@/lib/homes/get-facilitator-home";
import { OverdueCard } from "@/components/assignments/OverdueCard";
import { listAssignments } from "@/lib/assignments/list-assignments";
import { statusView } from "@/lib/core/attempt-status";

export const metadata = { title: "Facilitate" };

export default async function FacilitatePage() {
  const user = await guardPage("/facilitate");
  const [home, open] = await Promise.all([getFacilitatorHome(user), listAssignments(user, { state: "open" })]);
  const overdue = open.filter((a) => a.state === "overdue");
  return (
    <AppShell user={user}>
      <PageHeader
        title="Facilitate"
        description="Watch attempts in play and grade finished work."
        actions={
          <>
            <LinkButton href="/assignments#assign" variant="secondary" data-testid="assign-levels">
              Assign levels
            </LinkButton>
            <LinkButton href="/facilitate/board" variant="primary" data-testid="open-live-board">
              Open the live board
            </LinkButton>
          </>
        }
      />
      <div className="space-y-6">
        <OverdueCard rows={overdue} open={open.length} />
        <Card title="Active attempts" description="Incidents being worked right now.">
          {home.active.length === 0 ? (
            <EmptyState title="Nobody is playing right now">
              Attempts show up here as soon as a player or team starts a level.
            </EmptyState>
          ) : (
            <Table caption="Active attempts" head={["Level", "Players", "Team", "Status", "Started"]}>
              {home.active.map((a) => (
                <Tr key={a.id}>
                  <Th>
                    <Link className="text-ember-700 underline-offset-2 hover:underline" href={`/attempts/${a.id}`}>
                      {a.level}
                    </Link>{" "}
                    <span className="ml-1 text-xs font-normal text-slate-500">{a.category}</span>
                  </Th>
                  <Td>{a.players.join(", ") || "—"}</Td>
                  <Td>{a.team ?? "Solo"}</Td>
                  <Td>
                    <Badge tone={statusView(a.status).tone}>{statusView(a.status).label}</Badge>
                  </Td>
                  <Td>{formatDateTime(a.startedAt)}</Td>
                </Tr>
              ))}
            </Table>
          )}
        </Card>
        <Card
          title="Review queue"
          description="Submitted reports and postmortems waiting for a grade. Open one to grade it, or see the full queue."
          actions={
            <Link className="text-sm text-ember-700 hover:underline" href="/facilitate/review">
              Full review queue →
            </Link>
          }
        >
          {home.review.length === 0 ? (
            <EmptyState title="Nothing to grade">
              When a player submits their postmortem it lands here for you to review.
            </EmptyState>
          ) : (
            <Table caption="Review queue" head={["Level", "Players", "Team", "Submitted"]}>
              {home.review.map((a) => (
                <Tr key={a.id}>
                  <Th>
                    <Link
                      className="text-ember-700 underline-offset-2 hover:underline"
                      href={`/facilitate/grade/${a.id}`}
                    >
                      {a.level}
                    </Link>
                  </Th>
                  <Td>{a.players.join(", ") || "—"}</Td>
                  <Td>{a.team ?? "Solo"}</Td>
                  <Td>{a.submittedAt ? formatDateTime(a.submittedAt) : "—"}</Td>
                </Tr>
              ))}
            </Table>
          )}
        </Card>
      </div>
    </AppShell>
  );
}
