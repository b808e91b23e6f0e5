/**
 * The player's assignments: due date, who assigned it, a one-click start. On the player's home it leads
 * the page when anything is assigned (it is what they were asked to do), and sits quietly lower when not.
 */
import Link from "next/link";
import { Badge } from "@/components/Badge";
import { Card } from "@/components/Card";
import { EmptyState } from "@/components/EmptyState";
import { StartLevelButton } from "@/components/incident/StartLevelButton";
import { STATE as ASSIGNMENT_STATE } from "@/components/assignments/AssignmentTable";
import type { getPlayerProgress } from "@/lib/certification/get-player-progress";
import { formatDate } from "@/lib/format";

type MyAssignment = Awaited<ReturnType<typeof getPlayerProgress>>["assignments"][number];

export function MyAssignments({
  assignments,
  className = "lg:col-span-1",
}: {
  assignments: MyAssignment[];
  className?: string;
}) {
  return (
    <Card title="Assigned to you" className={className}>
      {assignments.length === 0 ? (
        <EmptyState title="Nothing assigned">
          When your facilitator or lead assigns you a level, it shows here with its due date.
        </EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="assignments">
          {assignments.map((a) => (
            <li
              key={a.id}
              className="flex items-start justify-between gap-2 text-sm"
              data-testid={`my-assignment-${a.id}`}
              data-state={a.state}
            >
              <div>
                <p className="font-medium text-slate-900">{a.label}</p>
                <p className="text-xs text-slate-500">
                  from {a.assignedBy}
                  {a.dueAt ? (
                    <>
                      {" · "}
                      <span className={a.state === "overdue" ? "font-semibold text-red-700" : undefined}>
                        due {formatDate(new Date(a.dueAt))}
                      </span>
                    </>
                  ) : (
                    " · no due date"
                  )}
                </p>
                {a.state !== "open" && (
                  <span className="mt-1 inline-block">
                    <Badge tone={ASSIGNMENT_STATE[a.state].tone}>{ASSIGNMENT_STATE[a.state].label}</Badge>
                  </span>
                )}
                {a.note && <p className="mt-0.5 text-slate-600">{a.note}</p>}
              </div>
              {a.state === "done" ? null : a.awaitingGrade ? (
                <Link href={`/attempts/${a.awaitingGrade}`} className="text-xs text-ember-700 hover:underline">
                  Waiting for a grade →
                </Link>
              ) : (
                <StartLevelButton assignmentId={a.id} label="Start" size="sm" />
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
