/** Overdue assignments for the facilitator's and the lead's homes, with the way to assign more. */
import Link from "next/link";
import { Card } from "@/components/Card";
import { EmptyState } from "@/components/EmptyState";
import type { AssignmentView } from "@/lib/assignments/list-assignments";
import { AssignmentTable } from "./AssignmentTable";

export function OverdueCard({ rows, open }: { rows: AssignmentView[]; open: number }) {
  return (
    <Card
      title="Overdue assignments"
      description={`${open} assignment${open === 1 ? "" : "s"} open in all.`}
      actions={
        <Link className="text-sm text-ember-700 hover:underline" href="/assignments#assign" data-testid="assign-link">
          Assign a level →
        </Link>
      }
    >
      {rows.length === 0 ? (
        <EmptyState title="Nothing overdue">Assignments past their due date show up here.</EmptyState>
      ) : (
        <div data-testid="overdue-assignments">
          <AssignmentTable rows={rows} />
        </div>
      )}
    </Card>
  );
}
