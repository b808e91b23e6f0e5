"use client";
/**
 * The room's terminals: a tab and a shell per machine (shared per machine in a
 * team game day), coaching messages over their top corner; while there is no
 * shell, how the environment is being prepared, or why it cannot be.
 */
import { useEffect, useState } from "react";
import { Button } from "@/components/Button";
import { CoachMessages } from "@/components/live/CoachMessages";
import type { RoomView } from "@/lib/attempts/get-room";
import type { RoomState } from "@/lib/attempts/refresh-attempt";
import { ProvisioningProgress } from "./ProvisioningProgress";
import { TerminalPane } from "./TerminalPane";
import type { AccessToken } from "./use-access-token";
import type { LiveFeed } from "./use-live-feed";

const HIDDEN_SHELLS_AFTER_MS = 3000;

export function TerminalsSection({
  room,
  status,
  state,
  token,
  fresh,
  feed,
  onCommand,
  onRetry,
  gone,
  ready,
}: {
  room: RoomView;
  status: string;
  state: RoomState | null;
  /** The environment is ready: the page's word until the first poll answers, then the poll's. */
  ready: boolean;
  token: AccessToken | null;
  fresh: () => Promise<AccessToken | null>;
  feed: Pick<LiveFeed, "machines">;
  onCommand: (instance: string, command: string) => void;
  onRetry: () => void;
  gone: boolean;
}) {
  const { attemptId, level, mode } = room;
  const team = room.kind === "TEAM";
  const [shell, setShell] = useState(level.shells[0] ?? "");
  const playing = status === "ACTIVE" || status === "MITIGATED";
  // The shell in view connects first; the hidden ones once it is up (or after a moment, whatever happens),
  // so their handshakes and login shells do not compete with the one the player is about to type in.
  const [others, setOthers] = useState(false);
  const open = ready && token !== null && playing;
  useEffect(() => {
    if (!open || others) return;
    const timer = setTimeout(() => setOthers(true), HIDDEN_SHELLS_AFTER_MS);
    return () => clearTimeout(timer);
  }, [open, others]);
  return (
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
      {open ? (
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
                connect={others || shell === s}
                onConnected={() => setOthers(true)}
                fresh={fresh}
                onCommand={onCommand}
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
              {mode === "rw" && <Button onClick={onRetry}>Try again</Button>}
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
  );
}
