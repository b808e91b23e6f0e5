import { FilterSelect } from "@/components/FilterSelect";
import { AppShell, PageHeader } from "@/components/AppShell";
import { AssignForm } from "@/components/assignments/AssignForm";
import { AssignmentTable } from "@/components/assignments/AssignmentTable";
import { buttonClass } from "@/components/Button";
import { Card } from "@/components/Card";
import { EmptyState } from "@/components/EmptyState";
import { presetFromAttempt } from "@/lib/assignments/preset-from-attempt";
import { weekAhead } from "@/lib/assignments/assignment-status";
import { listAssignOptions } from "@/lib/assignments/list-assign-options";
import { listAssignments, type AssignmentFilters } from "@/lib/assignments/list-assignments";
import { guardPage } from "@/server/auth/guard";
import { assignLevelAction, cancelAssignmentAction } from "./actions";

export const metadata = { title: "Assignments" };
export const dynamic = "force-dynamic";

const STATES = ["open", "overdue", "done"] as const;

export default async function AssignmentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await guardPage("/assignments");
  const q = await searchParams;
  const one = (k: string) => (typeof q[k] === "string" ? q[k] : undefined);
  const state = STATES.find((s) => s === one("state"));
  const filters: AssignmentFilters = {
    ...(state ? { state } : {}),
    ...(one("teamId") ? { teamId: one("teamId") } : {}),
  };
  const [rows, options] = await Promise.all([listAssignments(user, filters), listAssignOptions(user)]);
  const to = one("to");
  const fromAttempt = one("attempt") ? await presetFromAttempt(user, one("attempt")!) : [];
  const presetPeople = [...(to ? [to] : []), ...fromAttempt];
  return (
    <AppShell user={user}>
      <PageHeader
        title="Assignments"
        description="Give people a level to play by a date. It completes when their attempt gets its final grade."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card
          title="Assigned"
          className="lg:col-span-2"
          actions={
            <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Filter assignments">
              <FilterSelect
                label="State"
                name="state"
                value={state}
                choices={[
                  { value: "open", label: "Open" },
                  { value: "overdue", label: "Overdue" },
                  { value: "done", label: "Done" },
                ]}
              />
              <FilterSelect
                label="Team"
                name="teamId"
                value={one("teamId")}
                choices={options.teams.map((t) => ({ value: t.id, label: t.name }))}
              />
              <button type="submit" className={buttonClass("secondary", "sm")}>
                Filter
              </button>
            </form>
          }
        >
          {rows.length === 0 ? (
            <EmptyState title={state || filters.teamId ? "Nothing matches these filters" : "Nothing assigned yet"}>
              {state || filters.teamId
                ? "Try another state or team."
                : "Use the form to give someone a level, a category or a random level to play by a date."}
            </EmptyState>
          ) : (
            <AssignmentTable rows={rows} cancel={cancelAssignmentAction} />
          )}
        </Card>
        <Card title="Assign" className="self-start" id="assign">
          {options.levels.length === 0 ? (
            <EmptyState title="No levels yet">Levels appear once the catalogue is synced.</EmptyState>
          ) : (
            <AssignForm
              action={assignLevelAction}
              options={options}
              preset={{ userIds: presetPeople, ...(one("team") ? { teamId: one("team") } : {}) }}
              defaultDue={weekAhead(new Date())}
            />
          )}
        </Card>
      </div>
    </AppShell>
  );
}
