import Link from "next/link";
import { ActionButton } from "@/components/ActionButton";
import { AppShell, PageHeader } from "@/components/AppShell";
import { Badge, type Tone } from "@/components/Badge";
import { buttonClass } from "@/components/Button";
import { Card } from "@/components/Card";
import { EmptyState } from "@/components/EmptyState";
import { GameDayRefresh } from "@/components/game-days/GameDayRefresh";
import { Table, Td, Th, Tr } from "@/components/Table";
import { guardPage } from "@/server/auth/guard";
import { formatDateTime } from "@/lib/format";
import { listGameDayOptions } from "@/lib/game-days/list-game-day-options";
import { listGameDays, type GameDayView } from "@/lib/game-days/list-game-days";
import { cancelGameDayAction, endGameDayAction, startGameDayAction } from "./actions";
import { ScheduleGameDayForm } from "./ScheduleGameDayForm";

export const metadata = { title: "Game days" };
export const dynamic = "force-dynamic";

const STATUS: Record<GameDayView["status"], { label: string; tone: Tone }> = {
  SCHEDULED: { label: "Scheduled", tone: "blue" },
  RUNNING: { label: "Running", tone: "red" },
  ENDED: { label: "Ended", tone: "slate" },
  CANCELLED: { label: "Cancelled", tone: "slate" },
};

function RowActions({ g }: { g: GameDayView }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      {g.status === "SCHEDULED" && (
        <>
          <ActionButton
            action={startGameDayAction}
            fields={{ gameDayId: g.id }}
            label="Start now"
            pendingLabel="Starting…"
            variant="primary"
            ariaLabel={`Start ${g.title} now`}
          />
          <ActionButton
            action={cancelGameDayAction}
            fields={{ gameDayId: g.id }}
            label="Cancel"
            variant="ghost"
            confirm={`Cancel the game day “${g.title}”?`}
            ariaLabel={`Cancel ${g.title}`}
          />
        </>
      )}
      {g.attempt && (
        <Link
          href={`/attempts/${g.attempt.id}`}
          className={buttonClass("secondary", "sm")}
          data-testid={`open-room-${g.id}`}
        >
          {g.status === "RUNNING" ? "Open room" : "Open attempt"}
        </Link>
      )}
      {g.status === "RUNNING" && (
        <ActionButton
          action={endGameDayAction}
          fields={{ gameDayId: g.id }}
          label="End"
          variant="ghost"
          confirm={`End “${g.title}”? An incident not yet mitigated is closed and its machines torn down.`}
          ariaLabel={`End ${g.title}`}
        />
      )}
    </div>
  );
}

export default async function GameDaysPage() {
  const user = await guardPage("/facilitate/game-days");
  const [gameDays, options] = await Promise.all([listGameDays(user), listGameDayOptions(user)]);
  const teams = options.teams.map((t) => ({
    value: t.id,
    label: `${t.name} (${t.members} member${t.members === 1 ? "" : "s"})`,
  }));
  const levels = options.levels.map((l) => ({ value: l.id, label: `${l.title} — ${l.category}, ${l.difficulty}` }));
  return (
    <AppShell user={user}>
      <GameDayRefresh everyMs={15_000} />
      <PageHeader
        title="Game days"
        description="A team works one incident together: shared terminals, roles, an incident channel, and your injects."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Game days" className="lg:col-span-2">
          {gameDays.length === 0 ? (
            <EmptyState title="No game days yet">
              Schedule one for a team: everyone in it joins the same incident when it starts.
            </EmptyState>
          ) : (
            <Table caption="Game days" head={["Game day", "Team", "Level", "Starts", "Status", ""]}>
              {gameDays.map((g) => (
                <Tr key={g.id} data-testid={`game-day-${g.id}`} data-title={g.title} data-status={g.status}>
                  <Th>{g.title}</Th>
                  <Td>{g.team.name}</Td>
                  <Td>{g.attempt?.level ?? g.level?.title ?? <span className="text-slate-500">Random</span>}</Td>
                  <Td className="whitespace-nowrap">
                    {formatDateTime(new Date(g.scheduledAt))}
                    {g.due && <span className="ml-1 text-xs text-amber-700">(due)</span>}
                  </Td>
                  <Td>
                    <Badge tone={STATUS[g.status].tone}>{STATUS[g.status].label}</Badge>
                    {g.attempt && g.status !== "RUNNING" && (
                      <span className="ml-1 text-xs text-slate-500">{g.attempt.status.toLowerCase()}</span>
                    )}
                  </Td>
                  <Td>
                    <RowActions g={g} />
                  </Td>
                </Tr>
              ))}
            </Table>
          )}
        </Card>
        <Card title="Schedule a game day" className="self-start">
          {teams.length === 0 ? (
            <EmptyState title="No teams yet">An admin creates teams and adds people to them first.</EmptyState>
          ) : (
            <ScheduleGameDayForm teams={teams} levels={levels} />
          )}
        </Card>
      </div>
    </AppShell>
  );
}
