"use client";
/**
 * Fetches and parses each recording's asciicast once, placing it on the
 * attempt's time axis. Each recording is loading, ready (header + track) or
 * failed with a message saying why.
 */
import { useEffect, useState } from "react";
import type { CastHeader } from "@/lib/contracts/asciicast";
import { isAppError } from "@/lib/errors";
import type { AttemptRecording } from "@/lib/replay/list-attempt-recordings";
import { parseCast } from "@/lib/replay/parse-cast";
import { toTrack, type Track } from "@/lib/replay/seek";

export type CastState =
  | { status: "loading" }
  | { status: "ready"; header: CastHeader; track: Track; truncated: boolean }
  | { status: "error"; message: string };

async function load(rec: AttemptRecording, startMs: number): Promise<CastState> {
  let res: Response;
  try {
    res = await fetch(rec.url, { cache: "no-store", credentials: "same-origin" });
  } catch {
    return { status: "error", message: "Cannot reach Firedrill to fetch this recording." };
  }
  const text = await res.text();
  if (!res.ok) {
    let message = `The server answered ${res.status}.`;
    try {
      message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      /* not JSON */
    }
    return { status: "error", message };
  }
  try {
    const cast = parseCast(text);
    return {
      status: "ready",
      header: cast.header,
      track: toTrack(cast.events, Date.parse(rec.startedAt) - startMs),
      truncated: cast.truncated,
    };
  } catch (err) {
    return { status: "error", message: isAppError(err) ? err.message : "The recording could not be read." };
  }
}

export function useCasts(recordings: AttemptRecording[], startMs: number): Record<string, CastState> {
  const [casts, setCasts] = useState<Record<string, CastState>>({});
  useEffect(() => {
    let live = true;
    for (const rec of recordings) {
      void load(rec, startMs).then((state) => {
        if (live) setCasts((prev) => ({ ...prev, [rec.session]: state }));
      });
    }
    return () => {
      live = false;
    };
  }, [recordings, startMs]);
  return casts;
}
