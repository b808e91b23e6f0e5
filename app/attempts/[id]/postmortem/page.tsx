import Link from "next/link";
import { AppShell, PageHeader } from "@/components/AppShell";
import { buttonClass } from "@/components/Button";
import { Card } from "@/components/Card";
import { AttemptLiveRefresh } from "@/components/live/AttemptLiveRefresh";
import { PostmortemForm } from "@/components/postmortem/PostmortemForm";
import { formatDateTime } from "@/lib/format";
import { getRoom } from "@/lib/attempts/get-room";
import { guardPage } from "@/server/auth/guard";
import { getPostmortem } from "@/lib/postmortems/get-postmortem";
import { orPageError } from "../../_lib/load";
import { isIn, WRITE_UP_OPEN } from "@/lib/core/attempt-status";

export const metadata = { title: "Postmortem" };
export const dynamic = "force-dynamic";

export default async function PostmortemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage("/attempts/[id]/postmortem");
  const { id } = await params;
  const room = await orPageError(getRoom(user, id));
  const pm = await orPageError(getPostmortem(user, id));
  const open = isIn(WRITE_UP_OPEN, room.status);
  const editable = room.mode === "rw" && open && (pm.status === "DRAFT" || pm.status === "RETURNED");
  const reportDone = room.report.submittedAt !== null;
  return (
    <AppShell user={user}>
      <AttemptLiveRefresh attemptId={id} />
      <PageHeader
        title={`Postmortem: ${room.level.title}`}
        description="Blameless: about systems and decisions, never about who. Sections marked optional can stay empty."
        actions={
          <>
            {room.status !== "ACTIVE" && room.status !== "PROVISIONING" && room.status !== "FAILED" && (
              <Link href={`/attempts/${id}/replay`} className={buttonClass("secondary", "sm", "print:hidden")}>
                Replay
              </Link>
            )}
            <Link href={`/attempts/${id}`} className={buttonClass("secondary", "sm", "print:hidden")}>
              {open && room.status === "MITIGATED" ? "Back to the incident room" : "Back to the attempt"}
            </Link>
          </>
        }
      />
      {!open && room.status !== "SUBMITTED" && room.status !== "GRADED" ? (
        <Card>
          <p className="text-sm text-slate-700">The postmortem opens once Check my fix has passed.</p>
        </Card>
      ) : (
        <div className="mx-auto max-w-4xl space-y-4">
          {editable && !reportDone && (
            <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 print:hidden">
              Remember to submit the incident report (Report tab in the{" "}
              <Link className="underline" href={`/attempts/${id}`}>
                incident room
              </Link>
              ) before the postmortem.
            </p>
          )}
          {pm.submittedAt && !editable && (
            <p
              role="status"
              data-testid="postmortem-submitted-by"
              className="rounded-md border border-blue-200 bg-blue-50 px-3 py-2 text-sm text-blue-950 print:hidden"
            >
              <strong>Submitted by {pm.submittedBy ?? "a teammate"}</strong> on{" "}
              {formatDateTime(new Date(pm.submittedAt))}: it is read-only now, in the facilitators&apos; queue.
            </p>
          )}
          {pm.prefilled && editable && (
            <p className="text-sm text-slate-500 print:hidden">
              The timeline and some sections are drafted from your incident record and report. Make them yours.
            </p>
          )}
          <PostmortemForm
            attemptId={id}
            initial={{ content: pm.content, version: pm.version, updatedAt: pm.updatedAt }}
            editable={editable}
            people={room.members}
          />
        </div>
      )}
    </AppShell>
  );
}
