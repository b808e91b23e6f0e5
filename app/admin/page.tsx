import Link from "next/link";
import { AppShell, PageHeader } from "@/components/AppShell";
import { RoleBadge } from "@/components/Badge";
import { LinkButton } from "@/components/Button";
import { Card } from "@/components/Card";
import { EmptyState } from "@/components/EmptyState";
import { Table, Td, Th, Tr } from "@/components/Table";
import { guardPage } from "@/server/auth/guard";
import { ROLES, ROLE_LABEL } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { getAdminOverview } from "@/lib/homes/get-admin-overview";
import { AdminTabs } from "./AdminTabs";

export const metadata = { title: "Admin" };

function Stat({ label, value, href }: { label: string; value: number; href?: string }) {
  // dt and dd stay direct children of the card (a valid <dl>); the link's area covers the whole card.
  return (
    <div className="relative rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <dt className="text-sm text-slate-500">
        {href ? (
          <Link href={href} className="rounded after:absolute after:inset-0 after:content-['']">
            {label}
          </Link>
        ) : (
          label
        )}
      </dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900">{value}</dd>
    </div>
  );
}

export default async function AdminPage() {
  const user = await guardPage("/admin");
  const o = await getAdminOverview(user);
  return (
    <AppShell user={user}>
      <PageHeader
        title="Admin"
        description="People, roles, teams, sessions and pools."
        actions={
          <>
            <LinkButton href="/admin/users#invite">Invite someone</LinkButton>
            <LinkButton href="/admin/teams" variant="ghost">
              Manage teams
            </LinkButton>
          </>
        }
      />
      <AdminTabs />
      <dl className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-4 lg:grid-cols-7">
        {ROLES.map((r) => (
          <Stat key={r} label={`${ROLE_LABEL[r]}s`} value={o.roles[r] ?? 0} href="/admin/users" />
        ))}
        <Stat label="Disabled" value={o.disabled} href="/admin/users" />
        <Stat label="Teams" value={o.teams} href="/admin/teams" />
        <Stat label="Active sessions" value={o.activeSessions} />
      </dl>
      <Card title="Pending invites" description="Links that have not been used yet.">
        {o.pendingInvites.length === 0 ? (
          <EmptyState
            title="No pending invites"
            action={<LinkButton href="/admin/users#invite">Invite someone</LinkButton>}
          >
            Invite people by email; they choose their own name and password.
          </EmptyState>
        ) : (
          <Table caption="Pending invites" head={["Email", "Role", "Invited by", "Expires"]}>
            {o.pendingInvites.map((i) => (
              <Tr key={i.id}>
                <Th>{i.email}</Th>
                <Td>
                  <RoleBadge role={i.role} />
                </Td>
                <Td>{i.invitedBy.name}</Td>
                <Td>{formatDate(i.expiresAt)}</Td>
              </Tr>
            ))}
          </Table>
        )}
      </Card>
    </AppShell>
  );
}
