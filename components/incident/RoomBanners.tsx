"use client";
/**
 * What the room says above its panels: the machines' latest events (down,
 * back), "Mitigated." with the way to the postmortem, the latest check's
 * verdict (a teammate's names them), a problem, the live feed's warning, and
 * an environment that was shut down.
 */
import Link from "next/link";
import { buttonClass } from "@/components/Button";
import { formatTime } from "@/lib/format";
import type { CheckView } from "./use-check";
import type { LiveFeed } from "./use-live-feed";

export function RoomBanners({
  attemptId,
  mode,
  status,
  feed,
  check,
  trouble,
  gone,
}: {
  attemptId: string;
  mode: "rw" | "ro";
  status: string;
  feed: Pick<LiveFeed, "machineEvents" | "warning">;
  check: CheckView | null;
  /** The first problem to show (the room's, the access token's, the live room's), if any. */
  trouble: string | null;
  /** The environment was shut down while the incident was open. */
  gone: boolean;
}) {
  return (
    <>
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
      {(check || trouble || feed.warning || gone || status === "MITIGATED") && (
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
          {trouble && <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{trouble}</p>}
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
    </>
  );
}
