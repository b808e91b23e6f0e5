"use client";
/**
 * Keeps a server-rendered attempt page current without a reload: it joins the
 * attempt's live room and re-renders the page when the attempt changes (a
 * facilitator's grade, a teammate handing in the postmortem).
 */
import { useRouter } from "next/navigation";
import { useAttemptRoom, useLiveEvent } from "./use-live";

export function AttemptLiveRefresh({ attemptId }: { attemptId: string }) {
  const router = useRouter();
  // After a reconnect something may have been missed: re-read then too.
  useAttemptRoom(attemptId, () => router.refresh());
  useLiveEvent("attempt-changed", (p) => {
    if ((p as { attemptId?: unknown } | null)?.attemptId === attemptId) router.refresh();
  });
  return null;
}
