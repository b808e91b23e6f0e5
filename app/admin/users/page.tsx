import Link from "next/link";
import { AppShell, PageHeader } from "@/components/AppShell";
import { Badge, RoleBadge } from "@/components/Badge";
import { Card } from "@/components/Card";
import { EmptyState } from "@/components/EmptyState";
import { Table, Td, Th, Tr } from "@/components/Table";
import { guardPage } from "@/server/auth/guard";
import { listTeams } from "@/lib/teams/list-teams";
import { listUsers } from "@/lib/users/list-users";
import { AdminTabs } from "../AdminTabs";
import { ROLE_OPTIONS, teamOptions } from "../options";
import { CreateUserForm } from "./CreateUserForm";
import { InviteForm } from "./InviteForm";

export const metadata = { title: "People" };

export default async function UsersPage() {
  const user = await guardPage("/admin/users");
  const [users, teams] = await Promise.all([listUsers(user), listTeams(user)]);
  const teamOpts = teamOptions(teams);
  return (
    <AppShell user={user}>
      <PageHeader title="People" description="Everyone who can sign in, their role, team and sessions." />
      <AdminTabs />
      <div className="space-y-6">
        <Card title="People" description={`${users.length} ${users.length === 1 ? "account" : "accounts"}`}>
          {users.length === 0 ? (
            <EmptyState title="No one here yet">Create an account or invite someone below.</EmptyState>
          ) : (
            <Table caption="People" head={["Name", "Email", "Role", "Team", "Status", "Sessions", ""]}>
              {users.map((u) => (
                <Tr key={u.id}>
                  <Th>{u.name}</Th>
                  <Td>{u.email}</Td>
                  <Td>
                    <RoleBadge role={u.role} />
                  </Td>
                  <Td>{u.team?.name ?? <span className="text-slate-500">—</span>}</Td>
                  <Td>{u.disabledAt ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}</Td>
                  <Td>{u.activeSessions}</Td>
                  <Td className="text-right">
                    <Link
                      href={`/admin/users/${u.id}`}
                      className="rounded text-sm font-medium text-ember-700 hover:underline"
                      aria-label={`Manage ${u.name}`}
                    >
                      Manage
                    </Link>
                  </Td>
                </Tr>
              ))}
            </Table>
          )}
        </Card>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card id="create" title="Create an account" description="Set a password and hand it over yourself.">
            <CreateUserForm roles={ROLE_OPTIONS} teams={teamOpts} />
          </Card>
          <Card id="invite" title="Invite someone" description="They get a link to choose their name and password.">
            <InviteForm roles={ROLE_OPTIONS} teams={teamOpts} />
          </Card>
        </div>
      </div>
    </AppShell>
  );
}
