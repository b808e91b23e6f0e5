import { AppShell, PageHeader } from "@/components/AppShell";
import { Badge } from "@/components/Badge";
import { Card } from "@/components/Card";
import { EmptyState } from "@/components/EmptyState";
import { Table, Td, Th, Tr } from "@/components/Table";
import { guardPage } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/format";
import { getTeamReadiness } from "@/lib/homes/get-team-readiness";
import { passedByPerson } from "@/lib/certification/passed-by-person";

export const metadata = { title: "Team readiness" };

export default async function LeadPage() {
  const user = await guardPage("/lead");
  const { teams, categories } = await getTeamReadiness(db, user);
  // Cells count levels *passed* (final grade at the certification bar), by the certification's own rule.
  const { rule, people } = await passedByPerson(
    db,
    teams.flatMap((t) => t.people.map((p) => p.id)),
  );
  return (
    <AppShell user={user}>
      <PageHeader
        title="Team readiness"
        description={`${user.role === "ADMIN" ? "Every team's" : "Your teams'"} levels passed per category. On-call certification: ${rule.levels} levels in ${rule.categories} categories, each graded ${rule.minPercent} % or more.`}
      />
      {teams.length === 0 ? (
        <Card>
          <EmptyState title="You don't lead a team yet">
            An admin can make you the lead of a team under Admin → Teams.
          </EmptyState>
        </Card>
      ) : (
        <div className="space-y-6">
          {teams.map((team) => (
            <Card
              key={team.id}
              title={team.name}
              description={`${team.people.length} ${team.people.length === 1 ? "person" : "people"}`}
            >
              {team.people.length === 0 ? (
                <EmptyState title="No one in this team yet">
                  An admin can add people to it under Admin → Teams.
                </EmptyState>
              ) : categories.length === 0 ? (
                <>
                  <Table caption={`${team.name} members`} head={["Person", "Certified"]}>
                    {team.people.map((p) => (
                      <Tr key={p.id}>
                        <Th>{p.name}</Th>
                        <Td>
                          {p.certifiedAt ? (
                            <Badge tone="green">Since {formatDate(p.certifiedAt)}</Badge>
                          ) : (
                            <Badge>Not yet</Badge>
                          )}
                        </Td>
                      </Tr>
                    ))}
                  </Table>
                  <p className="mt-4 text-sm text-slate-500">
                    No levels are installed yet, so there are no categories to track. Readiness per category appears
                    once levels are synced.
                  </p>
                </>
              ) : (
                <Table
                  caption={`${team.name} readiness`}
                  head={["Person", ...categories.map((c) => c.name), "To certify", "Certified"]}
                >
                  {team.people.map((p) => {
                    const r = people.get(p.id);
                    return (
                      <Tr key={p.id}>
                        <Th>{p.name}</Th>
                        {categories.map((c) => {
                          const done = r?.passedByCategory[c.name] ?? 0;
                          return (
                            <Td key={c.name}>
                              <span className={done > 0 ? "font-medium text-green-700" : "text-slate-500"}>
                                {done > 0 ? "✔ " : ""}
                                {done} / {c.levels}
                              </span>
                            </Td>
                          );
                        })}
                        <Td className="text-xs text-slate-600">
                          {!r || r.met
                            ? "—"
                            : [
                                r.levelsLeft > 0 && `${r.levelsLeft} level${r.levelsLeft === 1 ? "" : "s"}`,
                                r.categoriesLeft > 0 &&
                                  `${r.categoriesLeft} categor${r.categoriesLeft === 1 ? "y" : "ies"}`,
                              ]
                                .filter(Boolean)
                                .join(", ")}
                        </Td>
                        <Td>
                          {p.certifiedAt ? (
                            <Badge tone="green">Since {formatDate(p.certifiedAt)}</Badge>
                          ) : (
                            <Badge>Not yet</Badge>
                          )}
                        </Td>
                      </Tr>
                    );
                  })}
                </Table>
              )}
            </Card>
          ))}
        </div>
      )}
    </AppShell>
  );
}
