import Link from "next/link";
import { ActionButton } from "@/components/ActionButton";
import { AppShell, PageHeader } from "@/components/AppShell";
import { Badge, RoleBadge } from "@/components/Badge";
import { Card } from "@/components/Card";
import { EmptyState } from "@/components/EmptyState";
import { type Option } from "@/components/Field";
import { SelectForm } from "@/components/SelectForm";
import { guardPage } from "@/server/auth/guard";
import { listTeams } from "@/lib/teams/list-teams";
import { listUsers } from "@/lib/users/list-users";
import { AdminTabs } from "../AdminTabs";
import { addTeamMemberAction, removeTeamMemberAction, setTeamLeadAction } from "./actions";
import { CreateTeamForm } from "./CreateTeamForm";

export const metadata = { title: "Teams" };

export default async function TeamsPage() {
  const user = await guardPage("/admin/teams");
  const [teams, users] = await Promise.all([listTeams(user), listUsers(user)]);
  const enabled = users.filter((u) => !u.disabledAt);
  const leadOptions: Option[] = [
    { value: "", label: "No lead" },
    ...enabled
      .filter((u) => u.role === "LEAD" || u.role === "ADMIN")
      .map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
  ];
  return (
    <AppShell user={user}>
      <PageHeader title="Teams" description="Who trains together, and who leads them." />
      <AdminTabs />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {teams.length === 0 ? (
            <Card>
              <EmptyState title="No teams yet">Create a team, pick its lead, then add people to it.</EmptyState>
            </Card>
          ) : (
            teams.map((team) => {
              const candidates: Option[] = [
                { value: "", label: "Choose a person…" },
                ...enabled
                  .filter((u) => u.team?.id !== team.id)
                  .map((u) => ({ value: u.id, label: `${u.name}${u.team ? ` (now in ${u.team.name})` : ""}` })),
              ];
              return (
                <Card
                  key={team.id}
                  id={`team-${team.id}`}
                  title={team.name}
                  description={team.lead ? `Led by ${team.lead.name}` : "No lead yet"}
                >
                  <div className="grid gap-6 md:grid-cols-2">
                    <SelectForm
                      action={setTeamLeadAction}
                      fields={{ teamId: team.id }}
                      name="leadId"
                      label="Lead"
                      options={leadOptions}
                      defaultValue={team.lead?.id ?? ""}
                    />
                    <SelectForm
                      action={addTeamMemberAction}
                      fields={{ teamId: team.id }}
                      name="userId"
                      label="Add a person"
                      options={candidates}
                      defaultValue=""
                      submitLabel="Add"
                    />
                  </div>
                  <h3 className="mt-6 text-sm font-semibold text-slate-800">Members</h3>
                  {team.members.length === 0 ? (
                    <p className="mt-2 text-sm text-slate-500">No one in this team yet.</p>
                  ) : (
                    <ul className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200">
                      {team.members.map((m) => (
                        <li key={m.id} className="flex items-center justify-between gap-3 px-3 py-2">
                          <span className="flex items-center gap-2 text-sm">
                            <Link
                              href={`/admin/users/${m.id}`}
                              className="rounded font-medium text-slate-900 hover:underline"
                            >
                              {m.name}
                            </Link>
                            <span className="text-slate-500">{m.email}</span>
                            <RoleBadge role={m.role} />
                            {m.disabledAt && <Badge tone="red">Disabled</Badge>}
                          </span>
                          <ActionButton
                            action={removeTeamMemberAction}
                            fields={{ userId: m.id }}
                            label="Remove"
                            variant="ghost"
                            ariaLabel={`Remove ${m.name} from ${team.name}`}
                          />
                        </li>
                      ))}
                    </ul>
                  )}
                </Card>
              );
            })
          )}
        </div>
        <Card title="Create a team" className="self-start">
          <CreateTeamForm leads={leadOptions} />
        </Card>
      </div>
    </AppShell>
  );
}
