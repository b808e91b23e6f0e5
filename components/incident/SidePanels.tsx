"use client";
/**
 * The room's side panels and their tab strip: the briefing, the channel (with
 * its unread count), the report, hints, logs, machines and code; for a
 * facilitator also injects and coaching. Hidden panels stay mounted, so what
 * was typed or scrolled survives switching tabs.
 */
import { CoachForm } from "@/components/board/CoachForm";
import type { RoomView } from "@/lib/attempts/get-room";
import type { TimelineEventView } from "@/lib/timeline/event-view";
import { BriefingPanel } from "./BriefingPanel";
import { ChannelPanel } from "./ChannelPanel";
import { CodePanel } from "./CodePanel";
import { HintsPanel } from "./HintsPanel";
import { InjectPanel } from "./InjectPanel";
import { LogsPanel } from "./LogsPanel";
import { ReportForm } from "./ReportForm";
import { StatsPanel } from "./StatsPanel";
import type { LiveFeed } from "./use-live-feed";
import type { useSideTabs } from "./use-side-tabs";

export function SidePanels({
  room,
  status,
  ready,
  sideTabs,
  channel,
  severity,
  triggered,
  feed,
  instances,
}: {
  room: RoomView;
  status: string;
  ready: boolean;
  sideTabs: ReturnType<typeof useSideTabs>;
  channel: { events: TimelineEventView[]; error: string | null; loaded: boolean };
  severity: string | null;
  /** The second faults already fired (their Trigger is disabled). */
  triggered: string[];
  feed: Pick<LiveFeed, "logs" | "stats">;
  instances: string[];
}) {
  const { attemptId, level, mode } = room;
  const { tab, tabs, chooseTab, unread, unreadFrom } = sideTabs;
  const playing = status === "ACTIVE" || status === "MITIGATED";
  const certifying = room.playMode === "CERTIFICATION";
  const facilitating = mode === "ro" && (room.viewer.role === "FACILITATOR" || room.viewer.role === "ADMIN");
  return (
    <section className="flex min-h-0 flex-1 flex-col rounded-lg border border-slate-200 bg-white shadow-sm">
      {/* The tabs wrap onto a second row rather than scroll: a count on one never hides another. */}
      <div
        className="flex flex-wrap gap-x-0.5 gap-y-1 border-b border-slate-100 px-2 pt-2"
        role="tablist"
        aria-label="Panels"
        data-testid="panel-tabs"
      >
        {tabs.map((t) => (
          <button
            key={t.id}
            role="tab"
            type="button"
            aria-selected={tab === t.id}
            onClick={() => chooseTab(t.id)}
            className={`whitespace-nowrap rounded-t px-2 py-1.5 text-sm ${tab === t.id ? "border-b-2 border-ember-600 font-medium text-slate-900" : "text-slate-500 hover:text-slate-800"}`}
          >
            {t.label}
            {t.id === "hints" && room.hints.taken.length > 0 ? ` (${room.hints.taken.length})` : ""}
            {t.id === "channel" && unread > 0 ? ` (${unread})` : ""}
          </button>
        ))}
      </div>
      {/* Focusable, so a keyboard can scroll a long briefing or report. */}
      <div
        className="min-h-0 flex-1 overflow-auto p-3"
        role="tabpanel"
        aria-label={tabs.find((t) => t.id === tab)?.label}
        tabIndex={0}
      >
        <div hidden={tab !== "brief"}>
          <BriefingPanel level={level} />
        </div>
        <div hidden={tab !== "channel"} className="h-full">
          <ChannelPanel
            attemptId={attemptId}
            events={channel.events}
            error={channel.error}
            loaded={channel.loaded}
            canPost={mode === "rw" && (playing || status === "PROVISIONING")}
            watching={mode === "ro"}
            visible={tab === "channel"}
            firstUnread={unreadFrom}
          />
        </div>
        {facilitating && (
          <div hidden={tab !== "injects"}>
            <InjectPanel
              attemptId={attemptId}
              severity={severity}
              live={playing}
              injects={room.injects}
              triggered={triggered}
            />
          </div>
        )}
        {facilitating && (
          <div hidden={tab !== "coach"} data-testid="room-coach">
            {playing || status === "PROVISIONING" ? (
              <CoachForm attemptId={attemptId} />
            ) : (
              <p className="text-sm text-slate-500">Coaching is possible while the incident is in play.</p>
            )}
          </div>
        )}
        <div hidden={tab !== "report"}>
          <ReportForm
            attemptId={attemptId}
            initial={{
              content: room.report.content,
              version: room.report.version,
              updatedAt: room.report.updatedAt,
            }}
            editable={mode === "rw"}
            canSubmit={status === "MITIGATED"}
            submittedAt={room.report.submittedAt}
            people={room.members}
          />
        </div>
        {!certifying && (
          <div hidden={tab !== "hints"}>
            <HintsPanel
              attemptId={attemptId}
              initial={room.hints.taken}
              costs={room.hints.costs}
              canTake={mode === "rw" && status === "ACTIVE"}
            />
          </div>
        )}
        <div hidden={tab !== "logs"} className="h-full">
          <LogsPanel logs={feed.logs} instances={instances} />
        </div>
        <div hidden={tab !== "stats"}>
          <StatsPanel stats={feed.stats} />
        </div>
        <div hidden={tab !== "code"} className="h-full">
          {ready && playing ? (
            <CodePanel attemptId={attemptId} active={tab === "code"} />
          ) : (
            <p className="text-sm text-slate-500">The code can be read while the environment runs.</p>
          )}
        </div>
      </div>
    </section>
  );
}
