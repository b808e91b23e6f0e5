import Link from "next/link";
import { AppShell, PageHeader } from "@/components/AppShell";
import { buttonClass } from "@/components/Button";
import { ReplayPlayer } from "@/components/replay/ReplayPlayer";
import { guardPage } from "@/server/auth/guard";
import { formatDateTime } from "@/lib/format";
import { loadReplay } from "@/lib/replay/load-replay";
import { orPageError } from "../../_lib/load";

export const metadata = { title: "Replay" };
export const dynamic = "force-dynamic";

/** The attempt replayed for the debrief: same access as the room (players, facilitators, admins, the team's lead). */
export default async function ReplayPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await guardPage("/attempts/[id]/replay");
  const { id } = await params;
  const replay = await orPageError(loadReplay(user, id));
  const { attempt } = replay;
  return (
    <AppShell user={user}>
      <PageHeader
        title={`Replay: ${attempt.levelTitle}`}
        description={`${attempt.players.join(", ")} · started ${formatDateTime(new Date(attempt.startedAt))}`}
        actions={
          <>
            {(user.role === "FACILITATOR" || user.role === "ADMIN") && attempt.status === "SUBMITTED" && (
              <Link href={`/facilitate/grade/${attempt.id}`} className={buttonClass("secondary", "sm")}>
                Grade
              </Link>
            )}
            <Link href={`/attempts/${attempt.id}`} className={buttonClass("secondary", "sm")}>
              Back to the attempt
            </Link>
          </>
        }
      />
      <ReplayPlayer replay={replay} />
    </AppShell>
  );
}
