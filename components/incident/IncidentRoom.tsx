"use client";
/**
 * The incident room: briefing and objectives, the clock, a terminal per shell,
 * what users see (SLI chart), machine stats, logs, the code, hints, the
 * incident report, the incident channel, and Check my fix. Facilitators get
 * the same room read-only, plus their injects. In a team game day everyone
 * shares one shell per machine and the roles bar shows who does what.
 *
 * This file wires the parts: the header (RoomHeader), the banners
 * (RoomBanners), the terminals (TerminalsSection), the chart and the side
 * panels (SidePanels); the state lives in use-room-state, use-check and
 * use-side-tabs.
 */
import { useCallback, useMemo, useState } from "react";
import { useAttemptRoom } from "@/components/live/use-live";
import { SliChart } from "@/components/shared/SliChart";
import type { RoomView } from "@/lib/attempts/get-room";
import { currentRoles, currentSeverity, faultsTriggered } from "./room-facts";
import { RoomBanners } from "./RoomBanners";
import { RoomHeader } from "./RoomHeader";
import { RolesBar } from "./RolesBar";
import { SidePanels } from "./SidePanels";
import { TerminalsSection } from "./TerminalsSection";
import { useAccessToken, type AccessToken } from "./use-access-token";
import { useChannel } from "./use-channel";
import { useCheck } from "./use-check";
import { useCommandLog } from "./use-command-log";
import { useLiveFeed } from "./use-live-feed";
import { useRoomState } from "./use-room-state";
import { useSideTabs } from "./use-side-tabs";

export function IncidentRoom({ room, token: pageToken = null }: { room: RoomView; token?: AccessToken | null }) {
  const { attemptId, level, mode } = room;
  const { state, status, mitigatedAt, startedAt, history, problem, mitigate, abandon, retry } = useRoomState(room);

  // Until the first poll answers, the page's own word: a claimed environment's shells connect at first paint.
  const ready = state ? state.environment?.state === "READY" : room.environmentReady;
  const gone = state?.environment?.state === "DESTROYED" && (status === "ACTIVE" || status === "MITIGATED");
  const playing = status === "ACTIVE" || status === "MITIGATED";
  const { token, error: tokenError, fresh } = useAccessToken(attemptId, ready && playing, pageToken);
  const feed = useLiveFeed(token?.publicUrl ?? null, fresh);
  const logCommand = useCommandLog(attemptId, mode === "rw" && playing);
  const facilitating = mode === "ro" && (room.viewer.role === "FACILITATOR" || room.viewer.role === "ADMIN");
  const [reloadKey, setReloadKey] = useState(0);
  const onRejoin = useCallback(() => setReloadKey((k) => k + 1), []);
  const presence = useAttemptRoom(attemptId, onRejoin);
  const channel = useChannel(attemptId, mode, reloadKey);
  const members = useMemo(() => currentRoles(room.members, channel.events), [room.members, channel.events]);
  const severity = useMemo(() => currentSeverity(channel.events, room.severity), [channel.events, room.severity]);
  const triggered = useMemo(() => faultsTriggered(channel.events), [channel.events]);
  const sideTabs = useSideTabs({
    certifying: room.playMode === "CERTIFICATION",
    facilitating,
    channelCount: channel.events.length,
    channelInitialCount: channel.initialCount,
  });
  const { check, checking, runCheck } = useCheck({
    attemptId,
    viewerId: room.viewer.id,
    initial: room.lastCheck,
    mitigate,
    onPassed: () => sideTabs.chooseTab("report"),
  });

  const samples = useMemo(() => {
    const seen = new Set(feed.samples.map((s) => s.at));
    return [...history.filter((s) => !seen.has(s.at)), ...feed.samples].slice(-240);
  }, [history, feed.samples]);

  const appHref = token
    ? `${token.publicUrl}/app/${token.envId}${level.app.path.startsWith("/") ? level.app.path : `/${level.app.path}`}?token=${encodeURIComponent(token.token)}`
    : null;
  const instances = state?.environment?.instances.map((i) => i.name) ?? level.shells;

  return (
    <div
      className="flex h-[calc(100vh-3.5rem)] min-h-[600px] flex-col bg-slate-100"
      data-testid="incident-room"
      data-status={status}
      data-play-mode={room.playMode}
    >
      <RoomHeader
        room={room}
        status={status}
        severity={severity}
        startedAt={startedAt}
        mitigatedAt={mitigatedAt}
        detectedAt={state?.detectedAt ?? room.detectedAt}
        budgetBurned={state?.budgetBurned ?? room.budgetBurned}
        channelEvents={channel.events}
        appHref={appHref}
        ready={ready}
        checking={checking}
        onOpenChannel={() => sideTabs.chooseTab("channel")}
        onCheck={() => void runCheck()}
        onAbandon={() => void abandon()}
      />

      {room.kind === "TEAM" && (
        <RolesBar
          attemptId={attemptId}
          members={members}
          people={presence.people}
          viewerId={room.viewer.id}
          canClaim={mode === "rw" && (playing || status === "PROVISIONING")}
        />
      )}

      <RoomBanners
        attemptId={attemptId}
        mode={mode}
        status={status}
        feed={feed}
        check={check}
        trouble={problem ?? tokenError ?? presence.error}
        gone={gone}
      />

      <div className="grid min-h-0 flex-1 grid-cols-1 gap-3 p-3 lg:grid-cols-[minmax(0,1fr)_minmax(380px,36%)]">
        <TerminalsSection
          room={room}
          status={status}
          state={state}
          token={token}
          fresh={fresh}
          feed={feed}
          onCommand={logCommand}
          onRetry={() => void retry()}
          gone={gone}
          ready={ready}
        />

        <aside className="flex min-h-0 flex-col gap-3" aria-label="Incident details">
          <section className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
            <SliChart
              samples={samples.length > 0 ? samples : state?.sli ? [state.sli] : []}
              settling={status === "MITIGATED"}
            />
            {!feed.connected && ready && playing && (
              <p className="mt-1 text-xs text-slate-500">Connecting to the live feed…</p>
            )}
          </section>
          <SidePanels
            room={room}
            status={status}
            ready={ready}
            sideTabs={sideTabs}
            channel={channel}
            severity={severity}
            triggered={triggered}
            feed={feed}
            instances={instances}
          />
        </aside>
      </div>
    </div>
  );
}
