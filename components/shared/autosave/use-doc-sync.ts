"use client";
/**
 * Hears that a shared document (this attempt's report or postmortem) was saved
 * by someone — a teammate, or this person in another tab — and says which
 * version and who, by name (from the attempt's members, or the room's
 * presence list). Also
 * fires after the live connection comes back, when saves may have been missed.
 * The page must have joined the attempt's room (useAttemptRoom) for the
 * messages to arrive.
 */
import { useEffect, useRef } from "react";
import { liveSocket } from "@/components/live/live-socket";
import { useLiveEvent } from "@/components/live/use-live";
import type { CollabDoc } from "@/lib/collab/merge-docs";

export interface RemoteSave {
  version: number;
  byName: string | null;
}

export interface Person {
  userId: string;
  name: string;
}

export function useDocSync(
  target: { attemptId: string; doc: CollabDoc; people?: readonly Person[] | undefined } | undefined,
  onRemote: (save: RemoteSave | null) => void,
): void {
  const names = useRef(new Map<string, string>());
  const people = target?.people;
  useEffect(() => {
    for (const p of people ?? []) names.current.set(p.userId, p.name);
  }, [people]);
  const handler = useRef(onRemote);
  useEffect(() => {
    handler.current = onRemote;
  }, [onRemote]);

  useLiveEvent("presence", (p) => {
    const msg = p as { attemptId?: unknown; people?: { userId: string; name: string }[] };
    if (!target || msg.attemptId !== target.attemptId || !Array.isArray(msg.people)) return;
    for (const person of msg.people) names.current.set(person.userId, person.name);
  });

  useLiveEvent("doc-saved", (p) => {
    const msg = p as { attemptId?: unknown; doc?: unknown; version?: unknown; byUserId?: unknown };
    if (!target || msg.attemptId !== target.attemptId || msg.doc !== target.doc) return;
    if (typeof msg.version !== "number") return;
    const byName = typeof msg.byUserId === "string" ? (names.current.get(msg.byUserId) ?? null) : null;
    handler.current({ version: msg.version, byName });
  });

  // On (re)connecting, whatever was saved while not connected was not heard: ask for the latest.
  const enabled = target !== undefined;
  useEffect(() => {
    if (!enabled) return;
    const s = liveSocket();
    const onConnect = () => handler.current(null);
    s.on("connect", onConnect);
    return () => {
      s.off("connect", onConnect);
    };
  }, [enabled]);
}
