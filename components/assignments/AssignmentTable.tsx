/** Assignments as a table: who, what, due (overdue marked), state, and a way to withdraw an open one. */
import Link from "next/link";
import { ActionButton, type FormAction } from "@/components/ActionButton";
import { Badge, type Tone } from "@/components/Badge";
import { Table, Td, Th, Tr } from "@/components/Table";
import type { AssignmentState } from "@/lib/assignments/assignment-status";
import type { AssignmentView } from "@/lib/assignments/list-assignments";
import { formatDate } from "@/lib/format";

export const STATE: Record<AssignmentState, { label: string; tone: Tone }> = {
  overdue: { label: "Overdue", tone: "red" },
  "due-soon": { label: "Due soon", tone: "ember" },
  open: { label: "Open", tone: "blue" },
  done: { label: "Done", tone: "green" },
};

export function AssignmentTable({
  rows,
  cancel,
  showPerson = true,
}: {
  rows: AssignmentView[];
  cancel?: FormAction;
  showPerson?: boolean;
}) {
  return (
    <Table caption="Assignments" head={[...(showPerson ? ["Person"] : []), "What", "Due", "State", "From", ""]}>
      {rows.map((a) => (
        <Tr key={a.id} data-testid={`assignment-${a.id}`} data-state={a.state}>
          {showPerson && (
            <Th>
              {a.assignee ? (
                <Link href={`/people/${a.assignee.id}`} className="text-ember-700 hover:underline">
                  {a.assignee.name}
                </Link>
              ) : (
                "—"
              )}
              {a.team && <span className="ml-1 text-xs font-normal text-slate-500">{a.team}</span>}
            </Th>
          )}
          <Td>
            {a.label}
            {a.note && <span className="block text-xs text-slate-500">{a.note}</span>}
          </Td>
          <Td className="whitespace-nowrap">{a.dueAt ? formatDate(new Date(a.dueAt)) : "—"}</Td>
          <Td>
            <Badge tone={STATE[a.state].tone}>{STATE[a.state].label}</Badge>
            {a.attempt && (
              <Link href={`/attempts/${a.attempt.id}`} className="ml-2 text-xs text-ember-700 hover:underline">
                attempt ({a.attempt.status.toLowerCase()})
              </Link>
            )}
          </Td>
          <Td className="text-slate-600">{a.assignedBy}</Td>
          <Td className="text-right">
            {cancel && a.state !== "done" && (
              <ActionButton
                action={cancel}
                fields={{ assignmentId: a.id }}
                label="Withdraw"
                variant="ghost"
                confirm={`Withdraw “${a.label}”${a.assignee ? ` from ${a.assignee.name}` : ""}?`}
                ariaLabel={`Withdraw ${a.label}${a.assignee ? ` from ${a.assignee.name}` : ""}`}
              />
            )}
          </Td>
        </Tr>
      ))}
    </Table>
  );
}
