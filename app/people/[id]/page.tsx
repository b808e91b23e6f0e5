import Link from "next/link";
import { notFound } from "next/navigation";
import { AppShell, PageHeader } from "@/components/AppShell";
import { AssignForm } from "@/components/assignments/AssignForm";
import { AssignmentTable } from "@/components/assignments/AssignmentTable";
import { Badge } from "@/components/Badge";
import { Card } from "@/components/Card";
import { StandingBadge } from "@/components/certification/StandingBadge";
import { EmptyState } from "@/components/EmptyState";
import { Table, Td, Th, Tr } from "@/components/Table";
import { listAssignOptions } from "@/lib/assignments/list-assign-options";
import { weekAhead } from "@/lib/assignments/assignment-status";
import { listAssignments } from "@/lib/assignments/list-assignments";
import { guardPage } from "@/server/auth/guard";
import { isAppError } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/format";
import { getPersonOverview } from "@/lib/people/get-person-overview";
import { assignLevelAction, cancelAssignmentAction } from "../../assignments/actions";

export const metadata = { title: "Person" };
export const dynamic = "force-dynamic";

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage("/people/[id]");
  const { id } = await params;
  const person = await getPersonOverview(user, id).catch((err: unknown) => {
    if (isAppError(err) && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const [rows, options] = await Promise.all([listAssignments(user, { userId: id }), listAssignOptions(user)]);
  const { standing } = person;
  return (
    <AppShell user={user}>
      <PageHeader
        title={person.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {person.email}
            {person.team ? <Badge tone="blue">{person.team.name}</Badge> : <Badge>No team</Badge>}
            <StandingBadge state={standing.state} />
            {standing.validUntil && <span className="text-sm">until {formatDate(new Date(standing.validUntil))}</span>}
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Assignments">
            {rows.length === 0 ? (
              <EmptyState title="Nothing assigned">Use the form to give {person.name} a level to play.</EmptyState>
            ) : (
              <AssignmentTable rows={rows} cancel={cancelAssignmentAction} showPerson={false} />
            )}
          </Card>
          <Card title="Recent attempts">
            {person.attempts.length === 0 ? (
              <EmptyState title="No attempts yet">They have not played a level yet.</EmptyState>
            ) : (
              <Table caption="Recent attempts" head={["Level", "Mode", "Started", "Status", "Score"]}>
                {person.attempts.map((a) => (
                  <Tr key={a.id}>
                    <Th>
                      <Link href={`/attempts/${a.id}`} className="text-ember-700 hover:underline">
                        {a.level}
                      </Link>
                    </Th>
                    <Td>{a.playMode === "CERTIFICATION" ? "Certification" : "Training"}</Td>
                    <Td>{formatDateTime(new Date(a.startedAt))}</Td>
                    <Td>{a.status.toLowerCase()}</Td>
                    <Td className="tabular-nums">{a.score ?? "—"}</Td>
                  </Tr>
                ))}
              </Table>
            )}
          </Card>
          {standing.renew.length > 0 && (
            <Card title={standing.state === "expired" ? "To renew certification" : "Passes that expire first"}>
              <ul className="space-y-1 text-sm">
                {standing.renew.map((l) => (
                  <li key={l.levelId}>
                    {person.levelTitles[l.levelId] ?? l.levelId} <span className="text-slate-500">({l.category})</span>
                    {" — "}
                    {l.expiresAt <= person.now ? "expired" : "expires"} {formatDate(l.expiresAt)}
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
        <Card title={`Assign to ${person.name}`} className="self-start">
          <AssignForm
            action={assignLevelAction}
            options={options}
            preset={{ userIds: [person.id] }}
            defaultDue={weekAhead(person.now)}
          />
        </Card>
      </div>
    </AppShell>
  );
}
