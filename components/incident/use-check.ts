"use client";
/**
 * "Check my fix" in the room: run it, show the verdict, and show everyone's
 * checks the moment they are recorded (a teammate's verdict names them). A
 * pass mitigates the room at once (the attempt-changed re-read confirms it).
 */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useLiveEvent } from "@/components/live/use-live";
import { api } from "@/components/shared/api";
import type { TimelineEventView } from "@/lib/timeline/event-view";

export interface CheckView {
  passed: boolean;
  unjudged?: boolean;
  message: string;
  /** Who ran it, when it was a teammate. */
  by?: string;
}

export function useCheck(opts: {
  attemptId: string;
  viewerId: string;
  initial: CheckView | null;
  /** The room's mitigation: `force` for this viewer's own pass (the server said so). */
  mitigate: (at: string, force?: boolean) => void;
  /** After this viewer's own pass (the room opens the report). */
  onPassed: () => void;
}) {
  const { attemptId, viewerId, mitigate, onPassed } = opts;
  const router = useRouter();
  const [check, setCheck] = useState<CheckView | null>(opts.initial);
  const [checking, setChecking] = useState(false);

  useLiveEvent("timeline", (p) => {
    const e = p as Partial<TimelineEventView> | null;
    if (e?.attemptId !== attemptId || e.kind !== "CHECK" || !e.at) return;
    const d = e.data as { passed?: unknown; unjudged?: unknown; message?: unknown } | null;
    if (typeof d?.passed !== "boolean") return;
    const mine = e.actor?.id === viewerId;
    setCheck({
      passed: d.passed,
      unjudged: d.unjudged === true,
      message: typeof d.message === "string" ? d.message : "",
      ...(mine ? {} : { by: e.actor?.name ?? "A teammate" }),
    });
    if (d.passed && d.unjudged !== true) mitigate(e.at);
  });

  async function runCheck() {
    setChecking(true);
    setCheck(null);
    const r = await api<{ passed: boolean; unjudged: boolean; message: string; mitigated: boolean }>(
      `/api/attempts/${attemptId}/check`,
      { method: "POST" },
    );
    setChecking(false);
    if (!r.ok) {
      setCheck({ passed: false, unjudged: r.error.code === "RATE_LIMITED", message: r.error.message });
      return;
    }
    setCheck(r.data);
    if (r.data.passed) {
      mitigate(new Date().toISOString(), true);
      onPassed();
      router.refresh();
    }
  }

  return { check, checking, runCheck };
}
