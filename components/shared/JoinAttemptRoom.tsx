"use client";
/**
 * Joins the attempt's live room on a page that does not otherwise (the
 * postmortem, a returned attempt's report), so teammates' saves are heard.
 * Render it once per page: leaving on unmount leaves for the whole page.
 */
import { useAttemptRoom } from "@/components/live/use-live";

export function JoinAttemptRoom({ attemptId }: { attemptId: string }) {
  useAttemptRoom(attemptId);
  return null;
}
