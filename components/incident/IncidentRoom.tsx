"use client";
/**
 * The incident room: briefing and objectives, the clock, a terminal per shell,
 * what users see (SLI chart), machine stats, logs, the code, hints, the
 * incident report, the incident channel, and Check my fix. Facilitators get
 * the same room read-only, plus their injects. In a team game day everyone
 * shares one shell per machine and the roles bar shows who does what.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { CoachForm } from "@/components/board/CoachForm";
import { Button, buttonClass } from "@/components/Button";
import { CoachMessages } from "@/components/live/CoachMessages";
import { useAttemptRoom, useLiveEvent } from "@/components/live/use-live";
import type { RoomMember, RoomView } from "@/lib/attempts/get-room";
import type { RoomState } from "@/lib/attempts/refresh-attempt";
import type { SliSample } from "@/lib/contracts/orchestrator-api";
import { SEVERITY_LABEL, type SEVERITIES } from "@/lib/reports/report-schema";
import type { TimelineEventView } from "@/lib/timeline/event-view";
import { api } from "@/components/shared/api";
import { ChannelPanel } from "./ChannelPanel";
import { CodePanel } from "./CodePanel";
import { HintsPanel } from "./HintsPanel";
import { InjectPanel } from "./InjectPanel";
import { LogsPanel } from "./LogsPanel";
import { ProvisioningProgress } from "./ProvisioningProgress";
import { ReportForm } from "./ReportForm";
import { RolesBar } from "./RolesBar";
import { SliChart } from "@/components/shared/SliChart";
import { StakeholderDeadline } from "./StakeholderDeadline";
import { StatsPanel } from "./StatsPanel";
import { TerminalPane } from "./TerminalPane";
import { AcknowledgeControl } from "./AcknowledgeControl";
import { Timer } from "./Timer";
import { useAccessToken } from "./use-access-token";
import { useChannel } from "./use-channel";
import { useCommandLog } from "./use-command-log";
import { useLiveFeed } from "./use-live-feed";
import { formatTime } from "@/lib/format";

type SideTab = "brief" | "channel" | "report" | "hints" | "logs" | "stats" | "code" | "injects" | "coach";
const TABS: { id: SideTab; label: string }[] = [
  { id: "brief", label: "Briefing" },
  { id: "channel", label: "Channel" },
  { id: "report", label: "Report" },
  { id: "hints", label: "Hints" },
  { id: "logs", label: "Logs" },
  { id: "stats", label: "Machines" },
  { id: "code", label: "Code" },
];

/** The room is this page only while the incident is in play; after that the attempt page takes over. */
const IN_PLAY = new Set(["PROVISIONING", "ACTIVE", "MITIGATED", "FAILED"]);

interface CheckView {
  passed: boolean;
  unjudged?: boolean;
  message: string;
  /** Who ran it, when it was a teammate. */
  by?: string;
}

const STATUS_LABEL: Record<string, string> = {
  PROVISIONING: "Preparing",
  ACTIVE: "Incident open",
  MITIGATED: "Mitigated",
  FAILED: "Environment failed",
  ABANDONED: "Abandoned",
};

/** The members' roles now: as the page was rendered, then every ROLE event in order. */
function currentRoles(members: RoomMember[], events: TimelineEventView[]): RoomMember[] {
  const roles = new Map(members.map((m) => [m.userId, m.role]));
  for (const e of events) {
    if (e.kind !== "ROLE") continue;
    const d = e.data as { userId?: unknown; role?: unknown };
    if (typeof d.userId === "string" && typeof d.role === "string" && roles.has(d.userId)) roles.set(d.userId, d.role);
  }
  return members.map((m) => ({ ...m, role: roles.get(m.userId) ?? m.role }));
}

export function IncidentRoom({ room }: { room: RoomView }) {
  const router = useRouter();
  const { attemptId, level, mode } = room;
  const [state, setState] = useState<RoomState | null>(null);
  const [status, setStatus] = useState(room.status);
  const [mitigatedAt, setMitigatedAt] = useState(room.mitigatedAt);
  const [startedAt, setStartedAt] = useState(room.startedAt);
  const [shell, setShell] = useState(level.shells[0] ?? "");
  const [tab, setTab] = useState<SideTab>("brief");
  const [history, setHistory] = useState<SliSample[]>([]);
  const [check, setCheck] = useState<CheckView | null>(room.lastCheck);
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const ready = state?.environment?.state === "READY";
  const gone = state?.environment?.state === "DESTROYED" && (status === "ACTIVE" || status === "MITIGATED");
  const playing = status === "ACTIVE" || status === "MITIGATED";
  const { token, error: tokenError, fresh } = useAccessToken(attemptId, ready && playing);
  const feed = useLiveFeed(token?.publicUrl ?? null, fresh);
  const logCommand = useCommandLog(attemptId, mode === "rw" && playing);
  const team = room.kind === "TEAM";
  const facilitating = mode === "ro" && (room.viewer.role === "FACILITATOR" || room.viewer.role === "ADMIN");
  const [reloadKey, setReloadKey] = useState(0);
  const onRejoin = useCallback(() => setReloadKey((k) => k + 1), []);
  const presence = useAttemptRoom(attemptId, onRejoin);
  const channel = useChannel(attemptId, mode, reloadKey);
  const members = useMemo(() => currentRoles(room.members, channel.events), [room.members, channel.events]);
  const severity = useMemo(() => {
    const last = channel.events.findLast((e) => e.kind === "SEVERITY");
    return (last?.data as { severity?: string } | undefined)?.severity ?? room.severity;
  }, [channel.events, room.severity]);
  const faultsTriggered = useMemo(
    () =>
      channel.events.flatMap((e) => {
        const d = e.data as { kind?: string; injectId?: string } | null;
        return e.kind === "INJECT" && d?.kind === "fault" && d.injectId ? [d.injectId] : [];
      }),
    [channel.events],
  );
  const [channelSeen, setChannelSeen] = useState(0);
  const unread =
    tab === "channel" ? 0 : Math.max(0, channel.events.length - Math.max(channelSeen, channel.initialCount));
  // A certification attempt has no hints: the tab is not there at all.
  const certifying = room.playMode === "CERTIFICATION";
  const baseTabs = certifying ? TABS.filter((t) => t.id !== "hints") : TABS;
  const tabs = facilitating
    ? [...baseTabs, { id: "injects" as const, label: "Injects" }, { id: "coach" as const, label: "Coach" }]
    : baseTabs;
  /** Where the unread items began when the channel was opened: it opens scrolled there (or to the newest). */
  const [unreadFrom, setUnreadFrom] = useState<number | null>(null);
  const chooseTab = (next: SideTab) => {
    if (next === "channel" && tab !== "channel") setUnreadFrom(Math.max(channelSeen, channel.initialCount));
    if (tab === "channel" || next === "channel") setChannelSeen(channel.events.length);
    setTab(next);
  };

  const poll = useCallback(
    async (withHistory: boolean) => {
      const r = await api<RoomState>(`/api/attempts/${attemptId}/state${withHistory ? "?history=1" : ""}`);
      if (!r.ok) {
        setProblem(r.error.message);
        return;
      }
      setState(r.data);
      setProblem(r.data.warning);
      if (withHistory && r.data.sliHistory.length > 0) setHistory(r.data.sliHistory);
      setStatus((prev) => {
        if (prev !== r.data.status && r.data.status === "ACTIVE") void poll(true);
        return r.data.status;
      });
      setMitigatedAt(r.data.mitigatedAt);
      setStartedAt(r.data.startedAt);
    },
    [attemptId],
  );

  useEffect(() => {
    void poll(true);
  }, [poll]);
  useEffect(() => {
    if (status === "ABANDONED" || status === "FAILED") return;
    const every = status === "PROVISIONING" ? 2000 : 10_000;
    const t = setInterval(() => void poll(false), every);
    return () => clearInterval(t);
  }, [status, poll]);
  useEffect(() => {
    if (status === "ACTIVE" && room.status === "PROVISIONING") router.refresh();
  }, [status, room.status, router]);
  // A teammate's check, a facilitator's change: re-read at once rather than at the next poll.
  useLiveEvent("attempt-changed", (p) => {
    if ((p as { attemptId?: string } | null)?.attemptId === attemptId) void poll(false);
  });

  // Everyone's checks reach everyone the moment they are recorded: the verdict shows in each room, and a
  // pass mitigates it at once (the attempt-changed re-read confirms it).
  useLiveEvent("timeline", (p) => {
    const e = p as Partial<TimelineEventView> | null;
    if (e?.attemptId !== attemptId || e.kind !== "CHECK" || !e.at) return;
    const d = e.data as { passed?: unknown; unjudged?: unknown; message?: unknown } | null;
    if (typeof d?.passed !== "boolean") return;
    const mine = e.actor?.id === room.viewer.id;
    setCheck({
      passed: d.passed,
      unjudged: d.unjudged === true,
      message: typeof d.message === "string" ? d.message : "",
      ...(mine ? {} : { by: e.actor?.name ?? "A teammate" }),
    });
    if (d.passed && d.unjudged !== true) {
      const at = e.at;
      setStatus((prev) => (prev === "ACTIVE" ? "MITIGATED" : prev));
      setMitigatedAt((prev) => prev ?? at);
    }
  });
  // Handed in (by a teammate, in another tab) or graded: the attempt page takes over.
  useEffect(() => {
    if (!IN_PLAY.has(status)) router.refresh();
  }, [status, router]);

  const samples = useMemo(() => {
    const seen = new Set(feed.samples.map((s) => s.at));
    return [...history.filter((s) => !seen.has(s.at)), ...feed.samples].slice(-240);
  }, [history, feed.samples]);

  async function runCheck() {
    setChecking(true);
    setCheck(null);
    const r = await api<{ passed: boolean; unjudged: boolean; message: string; mitigated: boolean }>(
      `/api/attempts/${attemptId}/check`,
      {
        method: "POST",
      },
    );
    setChecking(false);
    if (!r.ok) {
      setCheck({ passed: false, unjudged: r.error.code === "RATE_LIMITED", message: r.error.message });
      return;
    }
    setCheck(r.data);
    if (r.data.passed) {
      setStatus("MITIGATED");
      setMitigatedAt(new Date().toISOString());
      chooseTab("report");
      router.refresh();
    }
  }

  async function abandon() {
    if (!window.confirm("Abandon this incident? The environment is torn down and the attempt ends ungraded.")) return;
    const r = await api(`/api/attempts/${attemptId}/abandon`, { method: "POST" });
    if (r.ok) router.push("/play");
    else setProblem(r.error.message);
  }

  async function retry() {
    setProblem(null);
    const r = await api(`/api/attempts/${attemptId}/retry`, { method: "POST" });
    if (!r.ok) setProblem(r.error.message);
    setStatus("PROVISIONING");
    void poll(true);
  }

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
        {severity ? (
          <span
            className="rounded-md bg-red-600 px-2.5 py-1 text-sm font-bold tracking-wide text-white ring-2 ring-red-300"
            title={SEVERITY_LABEL[severity as (typeof SEVERITIES)[number]] ?? "The incident's severity"}
          >
            <span className="sr-only">Severity </span>
            <span data-testid="room-severity">{severity}</span>
          </span>
        ) : (
          status !== "PROVISIONING" && (
            <span className="rounded-md px-2 py-1 text-xs text-slate-300 ring-1 ring-slate-600">
              Severity not declared
            </span>
          )
        )}
        {playing && <StakeholderDeadline events={channel.events} onOpen={() => chooseTab("channel")} />}
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
            detectedAt={state?.detectedAt ?? room.detectedAt}
            canAcknowledge={mode === "rw" && playing}
          />
        )}
        <span className="text-xs text-slate-400" title="Bad request-minutes: the failing share of traffic × minutes">
          Error budget burned{" "}
          <span className="font-mono text-slate-200">{(state?.budgetBurned ?? room.budgetBurned).toFixed(2)}</span>
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
            <Button size="sm" onClick={() => void runCheck()} disabled={checking || !ready} data-testid="check-fix">
              {checking ? "Checking…" : "Check my fix"}
            </Button>
          )}
          {mode === "rw" && (status === "ACTIVE" || status === "PROVISIONING" || status === "FAILED") && (
            <Button
              size="sm"
              variant="ghost"
              className="!text-slate-200 ring-1 ring-slate-600 hover:!bg-slate-800"
              onClick={() => void abandon()}
            >
              Abandon
            </Button>
          )}
        </div>
      </header>

      {team && (
        <RolesBar
          attemptId={attemptId}
          members={members}
          people={presence.people}
          viewerId={room.viewer.id}
          canClaim={mode === "rw" && (playing || status === "PROVISIONING")}
        />
      )}

      {feed.machineEvents.length > 0 && !gone && (
        <ol className="space-y-0.5 px-4 pt-2 text-xs" data-testid="machine-events" aria-label="Machine events">
          {feed.machineEvents.slice(-4).map((e) => (
            <li key={e.id} className={e.state === "up" ? "text-emerald-800" : "text-red-800"} role="status">
              <time className="mr-2 tabular-nums text-slate-500">{formatTime(e.at)}</time>
              {e.message}
            </li>
          ))}
        </ol>
      )}
      {(check || problem || tokenError || presence.error || feed.warning || gone || status === "MITIGATED") && (
        <div className="space-y-1 px-4 pt-2">
          {status === "MITIGATED" && mode === "rw" && (
            <div
              className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
              role="status"
            >
              <span>
                <strong>Mitigated.</strong> The clock has stopped. Finish and submit the incident report, then write the
                blameless postmortem.
              </span>
              <Link href={`/attempts/${attemptId}/postmortem`} className={buttonClass("primary", "sm")}>
                Write the postmortem →
              </Link>
            </div>
          )}
          {check && (status !== "MITIGATED" || (check.passed && mode === "ro")) && (
            <p
              role="alert"
              data-testid="check-result"
              data-passed={check.passed}
              data-unjudged={Boolean(check.unjudged)}
              className={`rounded-md px-3 py-2 text-sm ${check.passed ? "bg-emerald-50 text-emerald-900" : check.unjudged ? "bg-slate-100 text-slate-900" : "bg-amber-50 text-amber-950"}`}
            >
              <strong>
                {check.by ? `${check.by}'s check — ` : ""}
                {check.passed ? "Check passed: " : check.unjudged ? "Could not judge — try again: " : "Not fixed yet: "}
              </strong>
              {check.message}
            </p>
          )}
          {(problem || tokenError || presence.error) && (
            <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {problem ?? tokenError ?? presence.error}
            </p>
          )}
          {feed.warning && !gone && (
            <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950">{feed.warning}</p>
          )}
          {gone && (
            <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
              This incident&apos;s environment has been shut down
              {status === "ACTIVE" ? " (it was idle too long). Abandon this attempt and start the level again." : "."}
            </p>
          )}
        </div>
      )}

      <div className="grid min-h-0 flex-1 grid-cols-1 gap-3 p-3 lg:grid-cols-[minmax(0,1fr)_minmax(380px,36%)]">
        <section
          className="relative flex min-h-[420px] flex-col overflow-hidden rounded-lg border border-slate-800 bg-slate-900"
          aria-label="Terminals"
        >
          {mode === "rw" && (
            // Over the terminals' top corner rather than above the room, so a message never pushes the shell down.
            <div className="absolute right-2 top-10 z-10 w-[min(26rem,calc(100%-1rem))]">
              <CoachMessages attemptId={attemptId} />
            </div>
          )}
          {ready && token && playing ? (
            <>
              <div className="flex gap-1 border-b border-slate-800 px-2 pt-2" role="tablist" aria-label="Shells">
                {level.shells.map((s) => (
                  <button
                    key={s}
                    role="tab"
                    type="button"
                    aria-selected={shell === s}
                    onClick={() => setShell(s)}
                    className={`rounded-t px-3 py-1 font-mono text-xs ${shell === s ? "bg-slate-800 text-white" : "text-slate-400 hover:text-slate-200"}`}
                  >
                    {s}
                    {feed.machines[s] && feed.machines[s].state !== "up" && (
                      <span className="ml-1 text-red-400" data-testid={`machine-state-${s}`}>
                        {feed.machines[s].state === "lost" ? "· lost" : "· down — restarting"}
                      </span>
                    )}
                  </button>
                ))}
              </div>
              <div className="min-h-0 flex-1">
                {level.shells.map((s) => (
                  <TerminalPane
                    key={s}
                    attemptId={attemptId}
                    instance={s}
                    publicUrl={token.publicUrl}
                    mode={token.mode}
                    visible={shell === s}
                    fresh={fresh}
                    onCommand={logCommand}
                    {...(team ? { sessionKey: `team-${s}` } : {})}
                  />
                ))}
              </div>
            </>
          ) : (
            <div className="m-auto w-full max-w-md p-6">
              {status === "FAILED" ? (
                <div className="space-y-3 text-slate-200">
                  <p className="font-medium">The environment could not be prepared.</p>
                  <p className="text-sm text-slate-400">
                    {state?.environment?.error ?? "The environment service reported a failure."}
                  </p>
                  {mode === "rw" && <Button onClick={() => void retry()}>Try again</Button>}
                </div>
              ) : status === "ABANDONED" ? (
                <p className="text-slate-300">This incident was abandoned.</p>
              ) : gone ? (
                <p className="text-slate-300">The environment is gone; the terminals are closed.</p>
              ) : (
                <ProvisioningProgress
                  stages={state?.environment?.stages ?? []}
                  current={state?.environment?.stage ?? null}
                  error={state?.environment?.error ?? null}
                />
              )}
            </div>
          )}
        </section>

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
              <div hidden={tab !== "brief"} className="space-y-3 text-sm text-slate-700">
                <p className="whitespace-pre-line">{level.briefing}</p>
                <h3 className="font-medium text-slate-900">Objectives</h3>
                <ul className="list-disc space-y-1 pl-5">
                  {level.objectives.map((o) => (
                    <li key={o}>{o}</li>
                  ))}
                </ul>
                <p className="text-xs text-slate-500">
                  Par: {level.parMinutes} minutes. Shells: {level.shells.join(", ")}.
                </p>
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
                    triggered={faultsTriggered}
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
        </aside>
      </div>
    </div>
  );
}
