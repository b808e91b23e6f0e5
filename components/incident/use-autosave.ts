"use client";
/**
 * Autosave for a versioned document (the report, the postmortem): every change
 * is copied to localStorage at once (a crash loses nothing typed) and saved to
 * the server a second after typing stops, naming the version it edited. A 409
 * means another tab saved since: the writer chooses to keep theirs or load the
 * latest. On load, a local copy newer than the server's is restored.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "./api";

export type SaveStatus = "saved" | "dirty" | "saving" | "conflict" | "offline" | "error" | "readonly";

interface Backup<T> {
  content: T;
  version: number;
  at: number;
}

export function useAutosave<T>(opts: {
  url: string;
  storageKey: string;
  initial: { content: T; version: number; updatedAt: string | null };
  editable: boolean;
  delayMs?: number;
}) {
  const { url, storageKey, editable } = opts;
  const delay = opts.delayMs ?? 1000;
  const [content, setContentState] = useState<T>(opts.initial.content);
  const [status, setStatus] = useState<SaveStatus>(editable ? "saved" : "readonly");
  const [error, setError] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(opts.initial.updatedAt);
  const version = useRef(opts.initial.version);
  const latest = useRef(content);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saving = useRef(false);
  // Timers call the latest save through this ref (save schedules itself).
  const saveRef = useRef<() => Promise<boolean>>(() => Promise.resolve(false));

  const backup = useCallback(
    (value: T) => {
      try {
        localStorage.setItem(
          storageKey,
          JSON.stringify({ content: value, version: version.current, at: Date.now() } satisfies Backup<T>),
        );
      } catch {
        /* storage full or disabled: the server copy still saves */
      }
    },
    [storageKey],
  );

  const save = useCallback(async (): Promise<boolean> => {
    if (!editable || !dirty.current) return !dirty.current;
    if (saving.current) {
      // A save is in flight: try again once it has had time to land.
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveRef.current(), delay);
      return false;
    }
    saving.current = true;
    setStatus("saving");
    const sent = latest.current;
    const r = await api<{ version: number }>(url, { method: "PUT", body: { version: version.current, content: sent } });
    saving.current = false;
    if (r.ok) {
      version.current = r.data.version;
      setSavedAt(new Date().toISOString());
      setError(null);
      if (latest.current === sent) {
        dirty.current = false;
        setStatus("saved");
        try {
          localStorage.removeItem(storageKey);
        } catch {
          /* ignore */
        }
      } else {
        backup(latest.current);
        timer.current = setTimeout(() => void saveRef.current(), delay);
      }
      return true;
    }
    if (r.status === 409 && r.error.code === "CONFLICT") {
      // Often our own last save (a flush as the page closed) landed after this page loaded:
      // if the server already holds exactly this content, adopt its version and carry on.
      const server = await api<{ version: number; content: T }>(url);
      if (server.ok && JSON.stringify(server.data.content) === JSON.stringify(sent)) {
        version.current = server.data.version;
        if (latest.current === sent) {
          dirty.current = false;
          setStatus("saved");
          setError(null);
          try {
            localStorage.removeItem(storageKey);
          } catch {
            /* ignore */
          }
        } else {
          timer.current = setTimeout(() => void saveRef.current(), delay);
        }
        return latest.current === sent;
      }
    }
    setError(r.error.message);
    if (r.status === 409 && r.error.code === "CONFLICT" && r.error.fields?.version) setStatus("conflict");
    else setStatus(r.status === 0 ? "offline" : "error");
    if (r.status === 0) timer.current = setTimeout(() => void saveRef.current(), 5000);
    return false;
  }, [editable, url, storageKey, backup, delay]);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const setContent = useCallback(
    (next: T | ((prev: T) => T)) => {
      if (!editable) return;
      const value = typeof next === "function" ? (next as (prev: T) => T)(latest.current) : next;
      latest.current = value;
      dirty.current = true;
      setContentState(value);
      backup(value);
      setStatus((s) => (s === "conflict" ? s : "dirty"));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveRef.current(), delay);
    },
    [editable, backup, delay],
  );

  /** After a conflict: keep what this tab has, over the other save. */
  const keepMine = useCallback(async () => {
    const r = await api<{ version: number }>(url);
    if (r.ok) version.current = r.data.version;
    dirty.current = true;
    await save();
  }, [url, save]);

  /** After a conflict: take the other save, dropping this tab's edits. */
  const loadLatest = useCallback(async () => {
    const r = await api<{ version: number; content: T }>(url);
    if (!r.ok) return;
    version.current = r.data.version;
    latest.current = r.data.content;
    dirty.current = false;
    setContentState(r.data.content);
    setStatus("saved");
    setError(null);
    try {
      localStorage.removeItem(storageKey);
    } catch {
      /* ignore */
    }
  }, [url, storageKey]);

  // A local copy newer than what the server had (a crash or a lost connection) comes back.
  useEffect(() => {
    if (!editable) return;
    let raw: string | null = null;
    try {
      raw = localStorage.getItem(storageKey);
    } catch {
      return;
    }
    if (!raw) return;
    try {
      const b = JSON.parse(raw) as Backup<T>;
      const serverAt = opts.initial.updatedAt ? Date.parse(opts.initial.updatedAt) : 0;
      if (
        b.version >= opts.initial.version &&
        b.at > serverAt &&
        JSON.stringify(b.content) !== JSON.stringify(opts.initial.content)
      ) {
        latest.current = b.content;
        dirty.current = true;
        // eslint-disable-next-line react-hooks/set-state-in-effect -- restoring from storage is a one-off on mount
        setContentState(b.content);
        setRestored(true);
        setStatus("dirty");
        timer.current = setTimeout(() => void saveRef.current(), 200);
      } else {
        localStorage.removeItem(storageKey);
      }
    } catch {
      localStorage.removeItem(storageKey);
    }
    // Only on mount: the initial server copy is fixed for this page view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Leaving the page with unsaved typing: one last save that outlives the page.
  useEffect(() => {
    if (!editable) return;
    const flush = () => {
      if (!dirty.current) return;
      void api(url, { method: "PUT", body: { version: version.current, content: latest.current }, keepalive: true });
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [editable, url]);

  /** The version the next save will name (a submit that saved reports it). */
  const currentVersion = useCallback(() => version.current, []);
  const setVersion = useCallback((v: number) => {
    version.current = v;
  }, []);

  return {
    content,
    setContent,
    status,
    error,
    restored,
    savedAt,
    save,
    keepMine,
    loadLatest,
    currentVersion,
    setVersion,
  };
}
