import Link from "next/link";
import { AppShell, PageHeader } from "@/components/AppShell";
import { Badge } from "@/components/Badge";
import { buttonClass } from "@/components/Button";
import { Card } from "@/components/Card";
import { CommunicationFiguresList } from "@/components/grading/CommunicationFiguresList";
import { FiguresList } from "@/components/grading/FiguresList";
import { GradeSummary } from "@/components/grading/GradeSummary";
import { ScoreBreakdown } from "@/components/grading/ScoreBreakdown";
import { TimelineList } from "@/components/grading/TimelineList";
import { IncidentRoom } from "@/components/incident/IncidentRoom";
import { AttemptLiveRefresh } from "@/components/live/AttemptLiveRefresh";
import { ReportForm } from "@/components/incident/ReportForm";
import { ReportView } from "@/components/incident/ReportView";
import { NavBar } from "@/components/NavBar";
import { PostmortemView } from "@/components/postmortem/PostmortemView";
import { getRoom } from "@/lib/attempts/get-room";
import { issueAccessToken } from "@/lib/attempts/issue-access-token";
import { guardPage } from "@/server/auth/guard";
import { loadAttemptRecord } from "@/lib/grading/load-attempt-record";
import { IN_ROOM, isIn, statusView } from "@/lib/core/attempt-status";
import { orPageError } from "../_lib/load";

export const metadata = { title: "Incident" };
export const dynamic = "force-dynamic";

export default async function AttemptPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage("/attempts/[id]");
  const { id } = await params;
  const room = await orPageError(getRoom(user, id));

  if (isIn(IN_ROOM, room.status)) {
    // A ready environment's token comes with the page, so the shells connect without a round trip first.
    const token = room.environmentReady ? await issueAccessToken(user, id).catch(() => null) : null;
    return (
      <>
        <NavBar user={user} />
        <main id="main">
          <IncidentRoom room={room} token={token} />
        </main>
      </>
    );
  }

  const record = await orPageError(loadAttemptRecord(user, id));
  const status = statusView(record.attempt.status);
  const latest = record.grades[0];
  const returned = record.attempt.status === "RETURNED" && record.mode === "rw";
  return (
    <AppShell user={user}>
      <AttemptLiveRefresh attemptId={id} />
      <PageHeader
        title={record.level.title}
        description={
          <>
            {record.level.category} · {record.level.difficulty} · {record.attempt.players.join(", ")} ·{" "}
            <span data-testid="attempt-outcome">
              <Badge tone={status.tone}>{status.label}</Badge>
            </span>
          </>
        }
        actions={
          <>
            <Link href={`/attempts/${id}/replay`} className={buttonClass("secondary", "sm")}>
              Replay
            </Link>
            {record.postmortem && (
              <Link
                href={`/attempts/${id}/postmortem`}
                className={buttonClass(returned ? "primary" : "secondary", "sm")}
              >
                {returned ? "Revise the postmortem" : "Postmortem"}
              </Link>
            )}
            {record.mode === "rw" && (
              <Link href="/play" className={buttonClass("secondary", "sm")}>
                Back to play
              </Link>
            )}
          </>
        }
      />
      <div className="space-y-6">
        {latest && (
          <Card
            title={latest.outcome === "FINAL" ? (record.mode === "rw" ? "Your grade" : "Grade") : "Feedback"}
            description={
              latest.outcome === "FINAL" ? undefined : "Revise the report and postmortem, then submit again."
            }
          >
            <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
              <GradeSummary grade={latest} />
              {record.scoreDetail && latest.outcome === "FINAL" && <ScoreBreakdown detail={record.scoreDetail} />}
            </div>
          </Card>
        )}
        {record.attempt.status === "SUBMITTED" && (
          <Card>
            <p className="text-sm text-slate-700">
              Your postmortem is in the facilitators&apos; queue. You&apos;ll see the grade and their comments here.
            </p>
          </Card>
        )}
        <FiguresList figures={record.figures} />
        {record.communication && <CommunicationFiguresList figures={record.communication} />}
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Incident report">
            {returned ? (
              <ReportForm
                attemptId={id}
                initial={{
                  content: room.report.content,
                  version: room.report.version,
                  updatedAt: room.report.updatedAt,
                }}
                editable
                canSubmit
                submittedAt={room.report.submittedAt}
                joinRoom
                people={room.members}
              />
            ) : record.report ? (
              <ReportView report={record.report.content} />
            ) : (
              <p className="text-sm text-slate-500">No report was written.</p>
            )}
          </Card>
          <Card title="Timeline">
            <TimelineList events={record.timeline} startedAt={record.attempt.startedAt} />
          </Card>
        </div>
        {record.postmortem && !returned && (
          <Card title="Postmortem">
            <PostmortemView pm={record.postmortem.content} />
          </Card>
        )}
        {record.grades.length > 1 && (
          <Card title="Earlier feedback">
            <div className="space-y-6">
              {record.grades.slice(1).map((g) => (
                <GradeSummary key={g.id} grade={g} />
              ))}
            </div>
          </Card>
        )}
      </div>
    </AppShell>
  );
}
