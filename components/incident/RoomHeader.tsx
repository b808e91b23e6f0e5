"use client";
/**
 * The room's header bar: the level and who plays it, the certification badge,
 * the severity, a stakeholder's deadline, the status, the clock,
 * acknowledging the incident, the error budget burned, and the actions
 * (replay, open the app, Check my fix, abandon).
 */
import Link from "next/link";
import { Button, buttonClass } from "@/components/Button";
import type { RoomView } from "@/lib/attempts/get-room";
import type { TimelineEventView } from "@/lib/timeline/event-view";
import { AcknowledgeControl } from "./AcknowledgeControl";
import { SeverityBadge } from "./SeverityBadge";
import { StakeholderDeadline } from "./StakeholderDeadline";
import { Timer } from "./Timer";

const STATUS_LABEL: Record<string, string> = {
  PROVISIONING: "Preparing",
  ACTIVE: "Incident open",
  MITIGATED: "Mitigated",
  FAILED: "Environment failed",
  ABANDONED: "Abandoned",
};

export function RoomHeader({
  room,
  status,
  severity,
  startedAt,
  mitigatedAt,
  detectedAt,
  budgetBurned,
  channelEvents,
  appHref,
  ready,
  checking,
  onOpenChannel,
  onCheck,
  onAbandon,
}: {
  room: RoomView;
  status: string;
  severity: string | null;
  startedAt: string;
  mitigatedAt: string | null;
  detectedAt: string | null;
  budgetBurned: number;
  channelEvents: TimelineEventView[];
  /** The level's app through the orchestrator, once a token is there. */
  appHref: string | null;
  ready: boolean;
  checking: boolean;
  onOpenChannel: () => void;
  onCheck: () => void;
  onAbandon: () => void;
}) {
  const { attemptId, level, mode } = room;
  const certifying = room.playMode === "CERTIFICATION";
  const playing = status === "ACTIVE" || status === "MITIGATED";
  return (
    <header className="flex flex-wrap items-center gap-x-6 gap-y-2 bg-slate-900 px-4 py-2 text-white">
      <div className="min-w-0">
        <h1 className="truncate text-base font-semibold">{level.title}</h1>
        <p className="text-xs text-slate-400">
          {room.gameDayTitle ? `Game day “${room.gameDayTitle}” · ` : ""}
          {level.category} · {level.difficulty} · {room.players.join(", ")}
          {mode === "ro" && " · watching"}
        </p>
      </div>
      {certifying && (
        <span
          className="rounded-full bg-violet-600/90 px-2 py-0.5 text-xs font-semibold text-white"
          data-testid="certification-badge"
          title="No hints; the objectives do not name the steps; a variant you have not trained on"
        >
          Certification attempt
        </span>
      )}
      <SeverityBadge severity={severity} declaredYet={status !== "PROVISIONING"} />
      {playing && <StakeholderDeadline events={channelEvents} onOpen={onOpenChannel} />}
      <span
        data-testid="attempt-status"
        className={`rounded-full px-2 py-0.5 text-xs font-medium ${status === "MITIGATED" ? "bg-emerald-500/20 text-emerald-300" : status === "ACTIVE" ? "bg-red-500/20 text-red-300" : "bg-slate-700 text-slate-200"}`}
      >
        {STATUS_LABEL[status] ?? status}
      </span>
      {status !== "PROVISIONING" && (
        <Timer
          startedAt={startedAt}
          stoppedAt={mitigatedAt}
          parMinutes={level.parMinutes}
          running={status === "ACTIVE"}
        />
      )}
      {status !== "PROVISIONING" && (
        <AcknowledgeControl
          attemptId={attemptId}
          startedAt={startedAt}
          detectedAt={detectedAt}
          canAcknowledge={mode === "rw" && playing}
        />
      )}
      <span className="text-xs text-slate-400" title="Bad request-minutes: the failing share of traffic × minutes">
        Error budget burned <span className="font-mono text-slate-200">{budgetBurned.toFixed(2)}</span>
      </span>
      <div className="ml-auto flex items-center gap-2">
        {(status === "MITIGATED" || status === "ABANDONED") && (
          <Link
            href={`/attempts/${attemptId}/replay`}
            className={buttonClass("secondary", "sm")}
            data-testid="replay-link"
          >
            Replay
          </Link>
        )}
        {appHref && (
          <a href={appHref} target="_blank" rel="noreferrer" className={buttonClass("secondary", "sm")}>
            Open the app ↗
          </a>
        )}
        {mode === "rw" && status === "ACTIVE" && (
          <Button size="sm" onClick={onCheck} disabled={checking || !ready} data-testid="check-fix">
            {checking ? "Checking…" : "Check my fix"}
          </Button>
        )}
        {mode === "rw" && (status === "ACTIVE" || status === "PROVISIONING" || status === "FAILED") && (
          <Button
            size="sm"
            variant="ghost"
            className="!text-slate-200 ring-1 ring-slate-600 hover:!bg-slate-800"
            onClick={onAbandon}
          >
            Abandon
          </Button>
        )}
      </div>
    </header>
  );
}
