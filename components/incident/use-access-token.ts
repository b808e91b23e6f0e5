"use client";
/**
 * Keeps a fresh orchestrator token for the room: the one the page was made
 * with when the environment was already ready (a pooled claim: no round trip
 * before the shells connect), else fetched once it is; renewed a minute before
 * it expires, and handed to sockets on every (re)connect through `fresh()`.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "@/components/shared/api";

export interface AccessToken {
  token: string;
  mode: "rw" | "ro";
  envId: string;
  publicUrl: string;
  expiresAt: string;
}

/** None yet, or within a minute and a half of expiring. */
function dueForRenewal(t: AccessToken | null): boolean {
  return !t || Date.parse(t.expiresAt) - Date.now() < 90_000;
}

export function useAccessToken(attemptId: string, enabled: boolean, initial: AccessToken | null = null) {
  const [token, setToken] = useState<AccessToken | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<AccessToken | null>(initial);
  const inflight = useRef<Promise<AccessToken | null> | null>(null);

  const fetchToken = useCallback(async (): Promise<AccessToken | null> => {
    inflight.current ??= api<AccessToken>(`/api/attempts/${attemptId}/token`, { method: "POST" }).then((r) => {
      inflight.current = null;
      if (!r.ok) {
        setError(r.error.message);
        return null;
      }
      ref.current = r.data;
      setToken(r.data);
      setError(null);
      return r.data;
    });
    return inflight.current;
  }, [attemptId]);

  const fresh = useCallback(async (): Promise<AccessToken | null> => {
    const t = ref.current;
    if (t && Date.parse(t.expiresAt) - Date.now() > 30_000) return t;
    return fetchToken();
  }, [fetchToken]);

  useEffect(() => {
    if (!enabled) return;
    if (dueForRenewal(ref.current)) void fetchToken();
    const timer = setInterval(() => {
      if (dueForRenewal(ref.current)) void fetchToken();
    }, 30_000);
    return () => clearInterval(timer);
  }, [enabled, fetchToken]);

  return { token, error, fresh };
}
