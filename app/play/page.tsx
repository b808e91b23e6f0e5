import { AppShell, PageHeader } from "@/components/AppShell";
import { Badge } from "@/components/Badge";
import { Card } from "@/components/Card";
import { EmptyState } from "@/components/EmptyState";
import { Table, Td, Th, Tr } from "@/components/Table";
import { guardPage } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { getPlayerHome } from "@/lib/homes/get-player-home";
import { formatDate } from "@/lib/format";

export const metadata = { title: "Play" };

export default async function PlayPage() {
  const user = await guardPage("/play");
  const home = await getPlayerHome(db, user);
  const { progress } = home;
  return (
    <AppShell user={user}>
      <PageHeader title={`Welcome, ${user.name.split(" ")[0]}`} description="Fix real broken systems, write it up, get graded." />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Certification" description="Your progress towards being on call." className="lg:col-span-1">
          {progress.certifiedAt ? (
            <p className="text-sm text-slate-700">
              <Badge tone="green">Certified</Badge> <span className="ml-1">since {formatDate(progress.certifiedAt)}</span>
            </p>
          ) : progress.levelsCompleted === 0 ? (
            <EmptyState title="No graded levels yet">
              Finish a level and get your incident report graded to start your certification.
            </EmptyState>
          ) : (
            <dl className="grid grid-cols-2 gap-4 text-sm">
              <div>
                <dt className="text-slate-500">Levels graded</dt>
                <dd className="text-2xl font-semibold text-slate-900">{progress.levelsCompleted}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Categories covered</dt>
                <dd className="text-2xl font-semibold text-slate-900">
                  {progress.categoriesCovered}
                  <span className="text-base font-normal text-slate-400"> / {progress.categories}</span>
                </dd>
              </div>
            </dl>
          )}
        </Card>
        <Card title="Levels" description="Broken systems waiting for you." className="lg:col-span-2">
          {home.levels.length === 0 ? (
            <EmptyState title="Levels are coming">
              No levels are installed yet. Once an admin syncs the level catalogue they will appear here, ready to play.
            </EmptyState>
          ) : (
            <Table caption="Levels" head={["Level", "Category", "Difficulty", "Par", ""]}>
              {home.levels.map((l) => (
                <Tr key={l.id}>
                  <Th>{l.title}</Th>
                  <Td>{l.category}</Td>
                  <Td className="capitalize">{l.difficulty}</Td>
                  <Td>{l.parMinutes} min</Td>
                  <Td>{l.completed ? <Badge tone="green">Graded</Badge> : <Badge>Not played</Badge>}</Td>
                </Tr>
              ))}
            </Table>
          )}
        </Card>
      </div>
    </AppShell>
  );
}
