import { notFound } from "next/navigation";
import { ActionButton } from "@/components/ActionButton";
import { AppShell, PageHeader } from "@/components/AppShell";
import { Badge, RoleBadge } from "@/components/Badge";
import { Card } from "@/components/Card";
import { EmptyState } from "@/components/EmptyState";
import { SelectForm } from "@/components/SelectForm";
import { Table, Td, Th, Tr } from "@/components/Table";
import { guardPage } from "@/server/auth/guard";
import { isAppError } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/format";
import { listUserSessions } from "@/lib/sessions/list-user-sessions";
import { listTeams } from "@/lib/teams/list-teams";
import { getUser } from "@/lib/users/get-user";
import { AdminTabs } from "../../AdminTabs";
import { ROLE_OPTIONS, teamOptions } from "../../options";
import {
  revokeAllSessionsAction,
  revokeSessionAction,
  setDisabledAction,
  setRoleAction,
  setTeamAction,
} from "./actions";

export const metadata = { title: "Person" };

function shortAgent(ua: string | null): string {
  if (!ua) return "Unknown browser";
  const browser =
    /Firefox\/|Edg\/|Chrome\/|Safari\//.exec(ua)?.[0]?.replace("/", "").replace("Edg", "Edge") ?? "Browser";
  const os = /Windows|Mac OS X|Linux|Android|iPhone/.exec(ua)?.[0]?.replace("Mac OS X", "macOS") ?? "";
  return os ? `${browser} on ${os}` : browser;
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await guardPage("/admin/users/[id]");
  const { id } = await params;
  const person = await getUser(actor, id).catch((err: unknown) => {
    if (isAppError(err) && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const [sessions, teams] = await Promise.all([listUserSessions(actor, id), listTeams(actor)]);
  const active = sessions.filter((s) => s.state === "active");
  return (
    <AppShell user={actor}>
      <PageHeader
        title={person.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {person.email} <RoleBadge role={person.role} />
            {person.disabledAt ? (
              <Badge tone="red">Disabled since {formatDate(person.disabledAt)}</Badge>
            ) : (
              <Badge tone="green">Active</Badge>
            )}
          </span>
        }
      />
      <AdminTabs />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Role" description="What they can see and do.">
          <SelectForm
            action={setRoleAction}
            fields={{ userId: person.id }}
            name="role"
            label="Role"
            options={ROLE_OPTIONS}
            defaultValue={person.role}
          />
        </Card>
        <Card title="Team">
          <SelectForm
            action={setTeamAction}
            fields={{ userId: person.id }}
            name="teamId"
            label="Team"
            options={teamOptions(teams)}
            defaultValue={person.team?.id ?? ""}
          />
        </Card>
        <Card title="Account">
          <dl className="mb-4 space-y-1 text-sm">
            <div className="flex justify-between">
              <dt className="text-slate-500">Created</dt>
              <dd>{formatDate(person.createdAt)}</dd>
            </div>
            <div className="flex justify-between">
              <dt className="text-slate-500">Sign-in</dt>
              <dd>
                {[person.hasPassword && "Password", ...person.accounts.map((a) => a.provider.toUpperCase())]
                  .filter(Boolean)
                  .join(", ") || "None"}
              </dd>
            </div>
          </dl>
          {person.disabledAt ? (
            <ActionButton
              action={setDisabledAction}
              fields={{ userId: person.id, disabled: "false" }}
              label="Enable account"
            />
          ) : (
            <ActionButton
              action={setDisabledAction}
              fields={{ userId: person.id, disabled: "true" }}
              label="Disable account"
              variant="danger"
              confirm={`Disable ${person.name}? They are signed out everywhere and cannot sign in until re-enabled.`}
            />
          )}
        </Card>
      </div>
      <Card
        className="mt-6"
        title="Sessions"
        description="Browsers signed in as this person. Revoking one signs it out on its next request."
        actions={
          active.length > 0 ? (
            <ActionButton
              action={revokeAllSessionsAction}
              fields={{ userId: person.id }}
              label="Revoke all"
              variant="danger"
            />
          ) : undefined
        }
      >
        {sessions.length === 0 ? (
          <EmptyState title="Never signed in">Sessions appear here once they sign in.</EmptyState>
        ) : (
          <Table caption="Sessions" head={["Browser", "Address", "Signed in", "Last seen", "Status", ""]}>
            {sessions.map((s) => (
              <Tr key={s.id} data-session-id={s.id}>
                <Th>
                  {shortAgent(s.userAgent)}
                  {s.current && <span className="ml-2 text-xs font-normal text-slate-500">(this browser)</span>}
                </Th>
                <Td>{s.ip ?? "—"}</Td>
                <Td>{formatDateTime(s.createdAt)}</Td>
                <Td>{formatDateTime(s.lastSeenAt)}</Td>
                <Td>
                  <Badge tone={s.state === "active" ? "green" : s.state === "revoked" ? "red" : "slate"}>
                    {s.state}
                  </Badge>
                </Td>
                <Td className="text-right">
                  {s.state === "active" && (
                    <ActionButton
                      action={revokeSessionAction}
                      fields={{ sessionId: s.id, userId: person.id }}
                      label="Revoke"
                      variant="danger"
                      ariaLabel={`Revoke session started ${formatDateTime(s.createdAt)}`}
                    />
                  )}
                </Td>
              </Tr>
            ))}
          </Table>
        )}
      </Card>
    </AppShell>
  );
}
