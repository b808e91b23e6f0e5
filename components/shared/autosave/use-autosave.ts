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
import { useCallback, useEffect, useRef, useState } from "react";
import { deepEqual } from "@/lib/collab/merge-content";
import { api } from "../api";
import { dropBackup, writeBackup } from "./local-backup";
import { OneRequestAtATime } from "./one-request-at-a-time";
import { isPassingFailure, saveRetryDelayMs } from "./save-retry";
import { SaveAuthors } from "./save-authors";
import { useDocSync, type RemoteSave } from "./use-doc-sync";
import { useFlushOnLeave } from "./use-flush-on-leave";
import { useKeepCaret } from "./use-keep-caret";
import { useMergedNote } from "./use-merged-note";
import { useRestoreBackup } from "./use-restore-backup";
import type { Collab, SaveReply, SaveStatus } from "./autosave-types";
import { useConflictChoices } from "./use-conflict-choices";

export type { Collab, SaveStatus } from "./autosave-types";

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
  const [mergedFrom, setMergedFrom] = useMergedNote();
  const keepCaret = useKeepCaret(content);
  const version = useRef(opts.initial.version);
  /** The server's content at `version`: the base the next save and the next merge start from. */
  const synced = useRef(opts.initial.content);
  const latest = useRef(content);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const requests = useRef(new OneRequestAtATime());
  /** Failed saves in a row (network or server errors): the retry backs off with it. */
  const failures = useRef(0);
  /** A fetch of the latest was asked for while a request was in flight: it goes once that one lands. */
  const pullAfter = useRef(false);
  const savedBy = useRef(new SaveAuthors());
  // Timers call the latest save through this ref (save schedules itself).
  const saveRef = useRef<() => Promise<boolean>>(() => Promise.resolve(false));
  const pullRef = useRef<(remote: RemoteSave | null) => Promise<void>>(() => Promise.resolve());

  const schedule = useCallback((ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), ms);
  }, []);

  const backup = useCallback(
    (value: T) =>
      writeBackup(storageKey, { content: value, version: version.current, base: synced.current, at: Date.now() }),
    [storageKey],
  );

  /** After the server's copy moved on: clean if this page holds exactly it, else keep the local copy and save again. */
  const settle = useCallback(() => {
    if (deepEqual(latest.current, synced.current)) {
      dirty.current = false;
      setStatus("saved");
      dropBackup(storageKey);
    } else {
      dirty.current = true;
      backup(latest.current);
      setStatus("dirty");
      schedule(delay);
    }
  }, [backup, storageKey, schedule, delay]);

  /** Takes a newer server copy, merging this page's unsaved edits (made since `synced`) onto it. */
  const adopt = useCallback(
    (server: T, serverVersion: number, by: string | null) => {
      const mine = latest.current;
      const next = dirty.current && merge ? merge(synced.current, mine, server) : server;
      synced.current = server;
      version.current = serverVersion;
      if (!deepEqual(next, mine)) {
        keepCaret();
        latest.current = next;
        setContentState(next);
        setMergedFrom(by ?? TEAMMATE);
      }
      if (editable) settle();
    },
    [merge, editable, settle, setMergedFrom, keepCaret],
  );

  const afterRequest = useCallback(() => {
    if (!pullAfter.current) return;
    pullAfter.current = false;
    void pullRef.current(null);
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
    if (requests.current.busy) {
      // A save or fetch is in flight: go once it has landed (a submit waiting on this save still gets its answer).
      await requests.current.idle();
      return saveRef.current();
    }
    setStatus("saving");
    const sent = latest.current;
    const from = version.current;
    const r = await requests.current.run(() => api<SaveReply<T>>(url, { method: "PUT", body: saveBody(sent) }));
    if (r.ok) {
      failures.current = 0;
      setSavedAt(new Date().toISOString());
      setError(null);
      synced.current = sent;
      version.current = r.data.version;
      if (r.data.merged && r.data.content !== undefined) {
        adopt(r.data.content, r.data.version, savedBy.current.between(from, r.data.version - 1));
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
    // A passing failure (network, 5xx) reads "offline: kept in this browser, retrying".
    else setStatus(isPassingFailure(r.status) ? "offline" : "error");
    // A lost connection or a server error (database restarting) passes: try again with backoff.
    const retryIn = saveRetryDelayMs(r.status, ++failures.current);
    if (retryIn !== null) schedule(retryIn);
    else failures.current = 0;
    return false;
  }, [editable, url, schedule, saveBody, adopt, settle, afterRequest]);

  /** Someone saved (or the connection came back): fetch the latest and merge it in. */
  const pull = useCallback(
    async (remote: RemoteSave | null) => {
      if (remote) {
        savedBy.current.note(remote.version, remote.byName);
        if (remote.version <= version.current) return;
      }
      if (requests.current.busy) {
        pullAfter.current = true;
        return;
      }
      const r = await requests.current.run(() => api<{ version: number; content: T }>(url));
      if (r.ok && r.data.version > version.current)
        adopt(r.data.content, r.data.version, savedBy.current.between(version.current, r.data.version));
      afterRequest();
    },
    [url, adopt, afterRequest],
  );

  useEffect(() => {
    saveRef.current = save;
    pullRef.current = pull;
  }, [save, pull]);

  const onRemote = useCallback((remote: RemoteSave | null) => void pullRef.current(remote), []);
  useDocSync(collab ? { attemptId: collab.attemptId, doc: collab.doc, people: collab.people } : undefined, onRemote);

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

  const { keepMine, loadLatest } = useConflictChoices<T>({
    url,
    storageKey,
    refs: { versionRef: version, syncedRef: synced, latestRef: latest, dirtyRef: dirty },
    save,
    show: (value) => {
      setContentState(value);
      setStatus("saved");
      setError(null);
    },
  });

  // A local copy the server does not have yet (a crash or a lost connection) comes back.
  useRestoreBackup<T>({
    storageKey,
    editable,
    initial: opts.initial,
    merge,
    restore: (back) => {
      latest.current = back;
      dirty.current = true;
      setContentState(back);
      setRestored(true);
      setStatus("dirty");
      schedule(200);
    },
  });

  // Leaving the page with unsaved typing: one last save that outlives the page.
  const flush = useCallback(() => {
    if (!dirty.current) return;
    void api(url, { method: "PUT", body: saveBody(latest.current), keepalive: true });
  }, [url, saveBody]);
  const stopTimer = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  useFlushOnLeave(editable, flush, stopTimer);

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
