"use client";
/** Calls `onSubmitted` when someone hands in this attempt's report or postmortem (a teammate, or another tab). */
import { useLiveEvent } from "./use-live";

export function useDocSubmitted(attemptId: string, doc: "report" | "postmortem", onSubmitted: () => void): void {
  useLiveEvent("doc-submitted", (p) => {
    const msg = p as { attemptId?: unknown; doc?: unknown };
    if (msg.attemptId === attemptId && msg.doc === doc) onSubmitted();
  });
}
