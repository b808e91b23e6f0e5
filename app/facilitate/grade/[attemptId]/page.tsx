import Link from "next/link";
import { AppShell, PageHeader } from "@/components/AppShell";
import { buttonClass } from "@/components/Button";
import { Card } from "@/components/Card";
import { CommunicationFiguresList } from "@/components/grading/CommunicationFiguresList";
import { FiguresList } from "@/components/grading/FiguresList";
import { GradeForm } from "@/components/grading/GradeForm";
import { GradeSummary } from "@/components/grading/GradeSummary";
import { TimelineList } from "@/components/grading/TimelineList";
import { ReportView } from "@/components/incident/ReportView";
import { PostmortemView } from "@/components/postmortem/PostmortemView";
import { guardPage } from "@/server/auth/guard";
import { loadAttemptRecord } from "@/lib/grading/load-attempt-record";
import { orPageError } from "@/app/attempts/_lib/load";

export const metadata = { title: "Grade" };
export const dynamic = "force-dynamic";

export default async function GradePage({ params }: { params: Promise<{ attemptId: string }> }) {
  const user = await guardPage("/facilitate/grade/[attemptId]");
  const { attemptId } = await params;
  const record = await orPageError(loadAttemptRecord(user, attemptId));
  const gradable = record.attempt.status === "SUBMITTED" && record.mode === "ro";
  return (
    <AppShell user={user}>
      <PageHeader
        title={`Grade: ${record.level.title}`}
        description={`${record.level.category} · ${record.level.difficulty} · ${record.attempt.players.join(", ")} · severity ${record.attempt.severity ?? "not declared"}`}
        actions={
          <>
            <Link href={`/attempts/${attemptId}/replay`} className={buttonClass("secondary", "sm")}>
              Replay
            </Link>
            <Link href="/facilitate/review" className={buttonClass("secondary", "sm")}>
              Back to the queue
            </Link>
          </>
        }
      />
      <div className="space-y-6">
        <FiguresList figures={record.figures} />
        {record.communication && <CommunicationFiguresList figures={record.communication} />}
        <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="space-y-6">
            <Card title="Incident report">
              {record.report ? (
                <ReportView report={record.report.content} />
              ) : (
                <p className="text-sm text-slate-500">No report.</p>
              )}
            </Card>
            <Card title="Postmortem">
              {record.postmortem ? (
                <PostmortemView pm={record.postmortem.content} />
              ) : (
                <p className="text-sm text-slate-500">No postmortem.</p>
              )}
            </Card>
            <Card title="Recorded timeline" description="Times relative to the start of the incident.">
              <TimelineList events={record.timeline} startedAt={record.attempt.startedAt} />
            </Card>
          </div>
          <div className="space-y-6 xl:sticky xl:top-4 xl:self-start">
            <Card
              title="Rubric"
              description={
                gradable
                  ? "Score each criterion; comments go back to the player."
                  : "This attempt is not waiting for a grade."
              }
            >
              {gradable ? (
                <GradeForm attemptId={attemptId} rubric={record.level.rubric} />
              ) : record.grades[0] ? (
                <GradeSummary grade={record.grades[0]} />
              ) : null}
            </Card>
            {record.solution && (
              <Card title="Facilitator notes">
                <p className="text-sm whitespace-pre-line text-slate-700">{record.solution}</p>
              </Card>
            )}
          </div>
        </div>
      </div>
    </AppShell>
  );
}
