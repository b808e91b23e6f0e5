"use client";
/**
 * The room's view of its attempt: the state the server reports (environment, SLI, budget), the
 * status and the clock's start and stop. Polled: while preparing, each poll is held by the server
 * until the environment's next change, so "ready" shows when it happens; else every 10 s. Re-read
 * at once when the attempt changes (a teammate's check, a facilitator's change). Also the SLI
 * history the chart starts from, and a problem to show.
 */
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { useLiveEvent } from "@/components/live/use-live";
import { api } from "@/components/shared/api";
import type { RoomView } from "@/lib/attempts/get-room";
import type { RoomState } from "@/lib/attempts/refresh-attempt";
import { IN_ROOM, isIn } from "@/lib/core/attempt-status";
import type { SliSample } from "@/lib/contracts/orchestrator-api";

/** While preparing, polls start at most this often (each is held by the server until a change). */
const PREPARING_EVERY_MS = 250;

export function useRoomState(room: RoomView) {
  const router = useRouter();
  const { attemptId } = room;
  const [state, setState] = useState<RoomState | null>(null);
  const [status, setStatus] = useState(room.status);
  const [mitigatedAt, setMitigatedAt] = useState(room.mitigatedAt);
  const [startedAt, setStartedAt] = useState(room.startedAt);
  const [history, setHistory] = useState<SliSample[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const poll = useCallback(
    async (withHistory: boolean, wait = false): Promise<boolean> => {
      const query = [withHistory ? "history=1" : "", wait ? "wait=1" : ""].filter(Boolean).join("&");
      const r = await api<RoomState>(`/api/attempts/${attemptId}/state${query ? `?${query}` : ""}`);
      if (!r.ok) {
        setProblem(r.error.message);
        return false;
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
      return true;
    },
    [attemptId],
  );

  useEffect(() => {
    void poll(true);
  }, [poll]);
  useEffect(() => {
    if (status === "ABANDONED" || status === "FAILED") return;
    // While preparing, each poll is held by the server until the environment's next change (a stage, ready),
    // and one held that long is followed at once: changes come in bursts (the fault's end, then ready a few
    // ms later). Polls still start at most every PREPARING_EVERY_MS, whatever answers them at once.
    const preparing = status === "PROVISIONING";
    // The next poll is timed from the end of the last, so a slow answer never stacks requests up.
    let stopped = false;
    let t: ReturnType<typeof setTimeout> | undefined;
    const tick = (delay: number) => {
      t = setTimeout(() => {
        const started = Date.now();
        const next = (ok: boolean) =>
          preparing ? (ok ? Math.max(0, PREPARING_EVERY_MS - (Date.now() - started)) : 1000) : 10_000;
        void poll(false, preparing).then(
          (ok) => stopped || tick(next(ok)),
          () => stopped || tick(next(false)),
        );
      }, delay);
    };
    tick(preparing ? 0 : 10_000);
    return () => {
      stopped = true;
      clearTimeout(t);
    };
  }, [status, poll]);
  useEffect(() => {
    if (status === "ACTIVE" && room.status === "PROVISIONING") router.refresh();
  }, [status, room.status, router]);
  // A teammate's check, a facilitator's change: re-read at once rather than at the next poll.
  useLiveEvent("attempt-changed", (p) => {
    if ((p as { attemptId?: string } | null)?.attemptId === attemptId) void poll(false);
  });
  // Handed in (by a teammate, in another tab) or graded: the attempt page takes over.
  useEffect(() => {
    // The room is this page only while the incident is in play; after that the attempt page takes over.
    if (!isIn(IN_ROOM, status)) router.refresh();
  }, [status, router]);

  /** Marks the incident mitigated here at once (a passed check), before the server's next answer confirms it. */
  const mitigate = useCallback((at: string, force = false) => {
    setStatus((prev) => (force || prev === "ACTIVE" ? "MITIGATED" : prev));
    setMitigatedAt((prev) => (force ? at : (prev ?? at)));
  }, []);

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

  return { state, status, mitigatedAt, startedAt, history, problem, mitigate, abandon, retry };
}
