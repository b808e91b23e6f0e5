import { AppShell, PageHeader } from "@/components/AppShell";
import { PoolsOverview } from "@/components/pools/PoolsOverview";
import { guardPage } from "@/server/auth/guard";
import { loadPoolsView } from "@/lib/pools/load-pools-view";
import { AdminTabs } from "../AdminTabs";

export const metadata = { title: "Pools" };

export default async function PoolsPage() {
  const user = await guardPage("/admin/pools");
  const view = await loadPoolsView(user);
  return (
    <AppShell user={user}>
      <PageHeader
        title="Pools"
        description="Pre-broken environments kept ready per level, so a start takes a second instead of minutes."
      />
      <AdminTabs />
      <PoolsOverview view={view} />
    </AppShell>
  );
}
