"use client";
/** Batches the commands typed in the room and posts them for the timeline every few seconds. */
import { useCallback, useEffect, useRef } from "react";
import { api } from "@/components/shared/api";

export function useCommandLog(attemptId: string, enabled: boolean) {
  const queue = useRef<{ instance: string; command: string; at: string }[]>([]);
  const flush = useCallback(
    (keepalive = false) => {
      if (queue.current.length === 0) return;
      const commands = queue.current.splice(0, 50);
      void api(`/api/attempts/${attemptId}/commands`, { method: "POST", body: { commands }, keepalive }).then((r) => {
        // Over the rate limit: keep them for a later flush (bounded, so a stuck room cannot grow without end).
        if (!r.ok && r.status === 429) queue.current = [...commands, ...queue.current].slice(0, 500);
      });
    },
    [attemptId],
  );
  useEffect(() => {
    if (!enabled) return;
    const t = setInterval(() => flush(), 3000);
    const leave = () => flush(true);
    window.addEventListener("pagehide", leave);
    return () => {
      clearInterval(t);
      window.removeEventListener("pagehide", leave);
      flush(true);
    };
  }, [enabled, flush]);
  return useCallback((instance: string, command: string) => {
    queue.current.push({ instance, command: command.slice(0, 2000), at: new Date().toISOString() });
  }, []);
}
