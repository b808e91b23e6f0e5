"use client";
/**
 * Keeps a server-rendered list current: re-renders it when a "game-day" live
 * event arrives (a member's socket is in their team's room) and, when asked,
 * every `everyMs` as well (facilitators are not in the teams' rooms).
 */
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useLiveEvent } from "@/components/live/use-live";

export function GameDayRefresh({ everyMs }: { everyMs?: number }) {
  const router = useRouter();
  useLiveEvent("game-day", () => router.refresh());
  useEffect(() => {
    if (!everyMs) return;
    const t = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(t);
  }, [everyMs, router]);
  return null;
}
