"use client";
/**
 * Autosave for a versioned document (the report, the postmortem), which a team
 * may write together: every change is copied to localStorage at once (a crash
 * loses nothing typed) and saved to the server a second after typing stops,
 * naming the version it edited and the content it started from. If a teammate
 * saved in between, the server merges and answers with the merged document;
 * when a teammate's save is heard live, the latest is fetched and merged with
 * what is being typed (lib/collab). Either way the form shows the merged text,
 * the caret stays put, and the local copy is kept until it is saved. A 409 is
 * left for what cannot merge: the writer keeps theirs or loads the latest. On
 * load, a local copy the server does not have yet comes back (merged onto newer
 * saves when it can be).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { deepEqual } from "@/lib/collab/merge-content";
import type { CollabDoc } from "@/lib/collab/merge-docs";
import { api } from "./api";
import { captureCaret } from "./keep-caret";
import { useDocSync, type Person, type RemoteSave } from "./use-doc-sync";

export type SaveStatus = "saved" | "dirty" | "saving" | "conflict" | "offline" | "error" | "readonly";

interface Backup<T> {
  content: T;
  version: number;
  /** The server's content at `version`, which `content` was edited from (absent in copies from older pages). */
  base?: T;
  at: number;
}

interface SaveReply<T> {
  version: number;
  content?: T;
  merged?: boolean;
}

export interface Collab<T> {
  attemptId: string;
  doc: CollabDoc;
  merge: (base: T, mine: T, theirs: T) => T;
  /** The attempt's members, to name whose edits were merged in. */
  people?: readonly Person[] | undefined;
}

const TEAMMATE = "a teammate";

export function useAutosave<T>(opts: {
  url: string;
  storageKey: string;
  initial: { content: T; version: number; updatedAt: string | null };
  editable: boolean;
  delayMs?: number;
  /** Shared editing: follow others' saves live and merge; without it a late save is a conflict, as before. */
  collab?: Collab<T>;
}) {
  const { url, storageKey, editable, collab } = opts;
  const merge = collab?.merge;
  const shared = collab !== undefined;
  const delay = opts.delayMs ?? 1000;
  const [content, setContentState] = useState<T>(opts.initial.content);
  const [status, setStatus] = useState<SaveStatus>(editable ? "saved" : "readonly");
  const [error, setError] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(opts.initial.updatedAt);
  /** Whose edits were last merged into this page ("Updated with X's edits"), for a little while. */
  const [mergedFrom, setMergedFrom] = useState<string | null>(null);
  const version = useRef(opts.initial.version);
  /** The server's content at `version`: the base the next save and the next merge start from. */
  const synced = useRef(opts.initial.content);
  const latest = useRef(content);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The save or fetch of the latest in flight, if any: one at a time, so each starts from what the last one left. */
  const inflight = useRef<Promise<unknown> | null>(null);
  const pullAfter = useRef(false);
  /** Who saved which version, as heard live: names the teammate whose edits a merged save took in. */
  const savedBy = useRef(new Map<number, string | null>());
  const restoreCaret = useRef<(() => void) | null>(null);
  // Timers call the latest save through this ref (save schedules itself).
  const saveRef = useRef<() => Promise<boolean>>(() => Promise.resolve(false));
  const pullRef = useRef<(remote: RemoteSave | null) => Promise<void>>(() => Promise.resolve());

  const schedule = useCallback((ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), ms);
  }, []);

  const backup = useCallback(
    (value: T) => {
      try {
        const b: Backup<T> = { content: value, version: version.current, base: synced.current, at: Date.now() };
        localStorage.setItem(storageKey, JSON.stringify(b));
      } catch {
        /* storage full or disabled: the server copy still saves */
      }
    },
    [storageKey],
  );
  const dropBackup = useCallback(() => {
    try {
      localStorage.removeItem(storageKey);
    } catch {
      /* ignore */
    }
  }, [storageKey]);

  /** After the server's copy moved on: clean if this page holds exactly it, else keep the local copy and save again. */
  const settle = useCallback(() => {
    if (deepEqual(latest.current, synced.current)) {
      dirty.current = false;
      setStatus("saved");
      dropBackup();
    } else {
      dirty.current = true;
      backup(latest.current);
      setStatus("dirty");
      schedule(delay);
    }
  }, [backup, dropBackup, schedule, delay]);

  /** Takes a newer server copy, merging this page's unsaved edits (made since `synced`) onto it. */
  const adopt = useCallback(
    (server: T, serverVersion: number, by: string | null) => {
      const mine = latest.current;
      const next = dirty.current && merge ? merge(synced.current, mine, server) : server;
      synced.current = server;
      version.current = serverVersion;
      if (!deepEqual(next, mine)) {
        restoreCaret.current = captureCaret();
        latest.current = next;
        setContentState(next);
        setMergedFrom(by ?? TEAMMATE);
      }
      if (editable) settle();
    },
    [merge, editable, settle],
  );

  /** A name heard for a save after version `from`, up to `to`. */
  const nameBetween = useCallback((from: number, to: number): string | null => {
    for (const [v, name] of savedBy.current) if (v > from && v <= to && name) return name;
    return null;
  }, []);

  const afterRequest = useCallback(() => {
    if (!pullAfter.current) return;
    pullAfter.current = false;
    void pullRef.current(null);
  }, []);

  const exclusive = useCallback(<R>(request: () => Promise<R>): Promise<R> => {
    const p = request().finally(() => {
      if (inflight.current === p) inflight.current = null;
    });
    inflight.current = p;
    return p;
  }, []);

  const saveBody = useCallback(
    (sent: T) =>
      shared
        ? { baseVersion: version.current, base: synced.current, content: sent }
        : { version: version.current, content: sent },
    [shared],
  );

  const save = useCallback(async (): Promise<boolean> => {
    if (!editable || !dirty.current) return !dirty.current;
    if (inflight.current) {
      // A save or fetch is in flight: go once it has landed (a submit waiting on this save still gets its answer).
      await inflight.current.catch(() => undefined);
      return saveRef.current();
    }
    setStatus("saving");
    const sent = latest.current;
    const from = version.current;
    const r = await exclusive(() => api<SaveReply<T>>(url, { method: "PUT", body: saveBody(sent) }));
    if (r.ok) {
      setSavedAt(new Date().toISOString());
      setError(null);
      synced.current = sent;
      version.current = r.data.version;
      if (r.data.merged && r.data.content !== undefined) {
        adopt(r.data.content, r.data.version, nameBetween(from, r.data.version - 1));
      } else settle();
      afterRequest();
      return true;
    }
    afterRequest();
    if (r.status === 409 && r.error.code === "CONFLICT") {
      // Often our own last save (a flush as the page closed) landed after this page loaded:
      // if the server already holds exactly this content, adopt its version and carry on.
      const server = await api<{ version: number; content: T }>(url);
      if (server.ok && deepEqual(server.data.content, sent)) {
        version.current = server.data.version;
        synced.current = server.data.content;
        setError(null);
        settle();
        return latest.current === sent;
      }
    }
    setError(r.error.message);
    if (r.status === 409 && r.error.code === "CONFLICT" && r.error.fields?.version) setStatus("conflict");
    else setStatus(r.status === 0 ? "offline" : "error");
    if (r.status === 0) schedule(5000);
    return false;
  }, [editable, url, schedule, exclusive, saveBody, adopt, settle, afterRequest, nameBetween]);

  /** Someone saved (or the connection came back): fetch the latest and merge it in. */
  const pull = useCallback(
    async (remote: RemoteSave | null) => {
      if (remote) {
        savedBy.current.set(remote.version, remote.byName);
        if (remote.version <= version.current) return;
      }
      if (inflight.current) {
        pullAfter.current = true;
        return;
      }
      const r = await exclusive(() => api<{ version: number; content: T }>(url));
      if (r.ok && r.data.version > version.current)
        adopt(r.data.content, r.data.version, nameBetween(version.current, r.data.version));
      afterRequest();
    },
    [url, exclusive, adopt, afterRequest, nameBetween],
  );

  useEffect(() => {
    saveRef.current = save;
    pullRef.current = pull;
  }, [save, pull]);

  const onRemote = useCallback((remote: RemoteSave | null) => void pullRef.current(remote), []);
  useDocSync(collab ? { attemptId: collab.attemptId, doc: collab.doc, people: collab.people } : undefined, onRemote);

  // The caret goes back beside the words it was next to, once React has written the merged value.
  useLayoutEffect(() => {
    restoreCaret.current?.();
    restoreCaret.current = null;
  }, [content]);

  useEffect(() => {
    if (!mergedFrom) return;
    const t = setTimeout(() => setMergedFrom(null), 20_000);
    return () => clearTimeout(t);
  }, [mergedFrom]);

  const setContent = useCallback(
    (next: T | ((prev: T) => T)) => {
      if (!editable) return;
      const value = typeof next === "function" ? (next as (prev: T) => T)(latest.current) : next;
      latest.current = value;
      dirty.current = true;
      setContentState(value);
      backup(value);
      setStatus((s) => (s === "conflict" ? s : "dirty"));
      schedule(delay);
    },
    [editable, backup, delay, schedule],
  );

  /** After a conflict: keep what this tab has, over the other save. */
  const keepMine = useCallback(async () => {
    const r = await api<{ version: number; content: T }>(url);
    if (r.ok) {
      version.current = r.data.version;
      synced.current = r.data.content;
    }
    dirty.current = true;
    await save();
  }, [url, save]);

  /** After a conflict: take the other save, dropping this tab's edits. */
  const loadLatest = useCallback(async () => {
    const r = await api<{ version: number; content: T }>(url);
    if (!r.ok) return;
    version.current = r.data.version;
    synced.current = r.data.content;
    latest.current = r.data.content;
    dirty.current = false;
    setContentState(r.data.content);
    setStatus("saved");
    setError(null);
    dropBackup();
  }, [url, dropBackup]);

  // A local copy the server does not have yet (a crash or a lost connection) comes back.
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
      const server = opts.initial;
      const serverAt = server.updatedAt ? Date.parse(server.updatedAt) : 0;
      let back: T | null = null;
      if (b.version >= server.version && b.at > serverAt) back = b.content;
      else if (b.version < server.version && b.base !== undefined && merge) {
        // Teammates saved since: this browser's unsaved edits go on top of theirs.
        back = merge(b.base, b.content, server.content);
      }
      if (back !== null && !deepEqual(back, server.content)) {
        latest.current = back;
        dirty.current = true;
        // eslint-disable-next-line react-hooks/set-state-in-effect -- restoring from storage is a one-off on mount
        setContentState(back);
        setRestored(true);
        setStatus("dirty");
        schedule(200);
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
      void api(url, { method: "PUT", body: saveBody(latest.current), keepalive: true });
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [editable, url, saveBody]);

  /** The version the next save will name (a submit that saved reports it). */
  const currentVersion = useCallback(() => version.current, []);
  /** What is in the form now, including typing not yet saved (a closure's `content` may be older). */
  const currentContent = useCallback(() => latest.current, []);
  /** Fetches the latest now (after a refused submit), merging what is typed. */
  const refresh = useCallback(() => pullRef.current(null), []);
  /** Something else (a submit) saved exactly `saved` as version `v`. */
  const markSaved = useCallback(
    (saved: T, v: number) => {
      synced.current = saved;
      version.current = v;
      if (editable) settle();
    },
    [editable, settle],
  );

  return {
    content,
    setContent,
    status,
    error,
    restored,
    savedAt,
    mergedFrom,
    save,
    keepMine,
    loadLatest,
    currentVersion,
    currentContent,
    markSaved,
    refresh,
  };
}
