"use client";
/** React hooks over the live socket: connection state, one event, and an attempt's room. */
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { liveRequest, liveSocket } from "./live-socket";

function subscribeConnection(onChange: () => void): () => void {
  const s = liveSocket();
  s.on("connect", onChange);
  s.on("disconnect", onChange);
  return () => {
    s.off("connect", onChange);
    s.off("disconnect", onChange);
  };
}

export function useLiveConnected(): boolean {
  return useSyncExternalStore(
    subscribeConnection,
    () => liveSocket().connected,
    () => false,
  );
}

/** Calls `handler` for every `event`; the latest handler is used without re-subscribing. */
export function useLiveEvent(event: string, handler: (payload: unknown) => void): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  }, [handler]);
  useEffect(() => {
    const s = liveSocket();
    const fn = (p: unknown) => ref.current(p);
    s.on(event, fn);
    return () => {
      s.off(event, fn);
    };
  }, [event]);
}

export interface PresencePerson {
  userId: string;
  name: string;
  watching: boolean;
}

/**
 * Joins the attempt's room now and after every reconnect; `onRejoin` runs
 * after a reconnect so the page can re-read what it may have missed.
 */
export function useAttemptRoom(
  attemptId: string,
  onRejoin?: () => void,
): { joined: boolean; error: string | null; people: PresencePerson[] } {
  const [joined, setJoined] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [people, setPeople] = useState<PresencePerson[]>([]);
  const rejoin = useRef(onRejoin);
  useEffect(() => {
    rejoin.current = onRejoin;
  }, [onRejoin]);

  useEffect(() => {
    const s = liveSocket();
    let first = true;
    const join = () => {
      void liveRequest("attempt:join", { attemptId }).then((r) => {
        setJoined(r.ok);
        setError(r.ok ? null : r.error.message);
        if (r.ok && !first) rejoin.current?.();
        first = false;
      });
    };
    const left = () => setJoined(false);
    const closed = (p: { attemptId?: string; message?: string }) => {
      if (p.attemptId !== attemptId) return;
      setJoined(false);
      setError(p.message ?? "You no longer have access to this incident.");
    };
    const presence = (p: { attemptId?: string; people?: PresencePerson[] }) => {
      if (p.attemptId === attemptId && Array.isArray(p.people)) setPeople(p.people);
    };
    s.on("connect", join);
    s.on("disconnect", left);
    s.on("presence", presence);
    s.on("attempt:closed", closed);
    if (s.connected) join();
    return () => {
      s.off("connect", join);
      s.off("disconnect", left);
      s.off("presence", presence);
      s.off("attempt:closed", closed);
      if (s.connected) void liveRequest("attempt:leave", { attemptId });
    };
  }, [attemptId]);
  return { joined, error, people };
}
