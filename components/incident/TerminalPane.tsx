"use client";
/**
 * One shell into one instance: xterm.js over the orchestrator's /terminal
 * namespace. The first connection sends no session key and takes the shell the
 * orchestrator opened ahead (or a new one); the key it is given ("ready") lives
 * in sessionStorage so a reload reattaches to the same shell (a team passes one fixed key, so its members and watchers
 * share one shell and see each other's typing); Ctrl+Shift+C / Ctrl+Shift+V and selecting copy and paste;
 * the fit addon sizes the terminal and the size is sent as "resize".
 */
import { FitAddon } from "@xterm/addon-fit";
import { Terminal } from "@xterm/xterm";
import "@xterm/xterm/css/xterm.css";
import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { z } from "zod";
import { CommandCapture } from "./command-capture";
import { keepTokenFresh } from "./keep-token-fresh";
import type { AccessToken } from "./use-access-token";

const ReadySchema = z.object({ session: z.string().min(1) });
const ExitSchema = z.object({ code: z.number().nullable().optional() });

type Status = "connecting" | "connected" | "reconnecting" | "exited" | "error";

const storageKey = (attemptId: string, instance: string) => `firedrill:term:${attemptId}:${instance}`;

export function TerminalPane({
  attemptId,
  instance,
  publicUrl,
  mode,
  visible,
  connect = true,
  onConnected,
  fresh,
  onCommand,
  sessionKey,
}: {
  attemptId: string;
  instance: string;
  publicUrl: string;
  mode: "rw" | "ro";
  visible: boolean;
  /** Open the shell now; false holds it until the room says so (hidden tabs wait for the visible shell). */
  connect?: boolean;
  onConnected?: () => void;
  fresh: () => Promise<AccessToken | null>;
  onCommand: (instance: string, command: string) => void;
  /** A fixed session shared by everyone (team game days); absent: this browser's own session. */
  sessionKey?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const fitRef = useRef<FitAddon | null>(null);
  const socketRef = useRef<Socket | null>(null);
  const [status, setStatus] = useState<Status>("connecting");
  const [message, setMessage] = useState<string | null>(null);
  const onCommandRef = useRef(onCommand);
  const onConnectedRef = useRef(onConnected);
  const connectRef = useRef(connect);
  useEffect(() => {
    onCommandRef.current = onCommand;
    onConnectedRef.current = onConnected;
  }, [onCommand, onConnected]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const term = new Terminal({
      cursorBlink: true,
      convertEol: false,
      disableStdin: mode !== "rw",
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
      fontSize: 13,
      scrollback: 5000,
      theme: { background: "#0f172a", foreground: "#e2e8f0", cursor: "#f97316", selectionBackground: "#334155" },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    fitRef.current = fit;
    const capture = new CommandCapture();
    // Players own a session key (the shell survives reloads); watchers follow the player's latest shell.
    // A team's one shared key is used by everyone, watchers included.
    const fixed = sessionKey !== undefined;
    // Read at each connection: the first one learns its key from "ready".
    const session = () =>
      fixed
        ? sessionKey
        : mode === "rw"
          ? (sessionStorage.getItem(storageKey(attemptId, instance)) ?? undefined)
          : undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;

    const socket = io(`${publicUrl}/terminal`, {
      transports: ["websocket"],
      reconnectionDelayMax: 5000,
      autoConnect: connectRef.current,
      auth: (cb) => {
        void fresh().then((t) => {
          const key = session();
          cb({ token: t?.token ?? "", instance, ...(key ? { session: key } : {}) });
        });
      },
    });
    socketRef.current = socket;
    const stopRenewing = keepTokenFresh(socket, fresh);
    const sendSize = () => {
      if (socket.connected) socket.emit("resize", { cols: term.cols, rows: term.rows });
    };
    socket.on("connect", () => {
      setStatus("connected");
      setMessage(null);
      onConnectedRef.current?.();
      try {
        fit.fit();
      } catch {
        /* hidden tab: sized when shown */
      }
      sendSize();
    });
    socket.on("ready", (raw: unknown) => {
      const r = ReadySchema.safeParse(raw);
      if (!fixed && mode === "rw" && r.success && r.data.session !== session())
        sessionStorage.setItem(storageKey(attemptId, instance), r.data.session);
    });
    socket.on("output", (data: unknown) => {
      if (typeof data === "string") term.write(data);
      else if (data instanceof ArrayBuffer) term.write(new Uint8Array(data));
    });
    socket.on("exit", (raw: unknown) => {
      const e = ExitSchema.safeParse(raw);
      setStatus("exited");
      term.write(
        `\r\n\x1b[33m[shell exited${e.success && e.data.code != null ? ` with ${e.data.code}` : ""}; reconnecting opens a new one]\x1b[0m\r\n`,
      );
      if (!fixed && mode === "rw") sessionStorage.removeItem(storageKey(attemptId, instance));
    });
    socket.on("disconnect", (reason) => {
      setStatus((s) => (s === "exited" ? s : "reconnecting"));
      if (reason === "io server disconnect") socket.connect();
    });
    socket.on("connect_error", (err) => {
      setStatus("error");
      setMessage(
        mode === "ro" && /no session/.test(err.message) ? "waiting for a player to open this shell" : err.message,
      );
      // Refusals by the server's handshake are not retried by socket.io itself: try again shortly
      // (a fresh token is fetched on each try; a watcher waits for the player's shell to exist).
      clearTimeout(retry);
      retry = setTimeout(() => socket.connect(), 4000);
    });

    const input = term.onData((data) => {
      if (mode !== "rw") return;
      socket.emit("input", data);
      for (const cmd of capture.feed(data)) onCommandRef.current(instance, cmd);
    });
    const resize = term.onResize(() => sendSize());
    const selection = term.onSelectionChange(() => {
      const text = term.getSelection();
      if (text) void navigator.clipboard?.writeText(text).catch(() => undefined);
    });
    term.attachCustomKeyEventHandler((e) => {
      if (e.type !== "keydown" || !e.ctrlKey || !e.shiftKey) return true;
      const key = e.key.toLowerCase();
      if (key === "c") {
        const text = term.getSelection();
        if (text) void navigator.clipboard?.writeText(text).catch(() => undefined);
        e.preventDefault();
        return false;
      }
      if (key === "v") {
        e.preventDefault();
        if (mode === "rw")
          void navigator.clipboard
            ?.readText()
            .then((text) => term.paste(text))
            .catch(() => undefined);
        return false;
      }
      return true;
    });
    const observer = new ResizeObserver(() => {
      if (el.offsetParent === null) return;
      try {
        fit.fit();
      } catch {
        /* not laid out yet */
      }
    });
    observer.observe(el);

    return () => {
      stopRenewing();
      clearTimeout(retry);
      observer.disconnect();
      input.dispose();
      resize.dispose();
      selection.dispose();
      socket.removeAllListeners();
      socket.disconnect();
      term.dispose();
      socketRef.current = null;
      fitRef.current = null;
    };
  }, [attemptId, instance, publicUrl, mode, fresh, sessionKey]);

  useEffect(() => {
    connectRef.current = connect;
    const socket = socketRef.current;
    if (connect && socket && !socket.active) socket.connect();
  }, [connect]);

  useEffect(() => {
    if (!visible) return;
    const id = requestAnimationFrame(() => {
      try {
        fitRef.current?.fit();
      } catch {
        /* not laid out yet */
      }
    });
    return () => cancelAnimationFrame(id);
  }, [visible]);

  return (
    <div
      className={visible ? "flex h-full min-h-0 flex-col" : "hidden"}
      data-testid={`terminal-${instance}`}
      data-status={status}
    >
      <div className="flex items-center justify-between border-b border-slate-800 bg-slate-900 px-3 py-1 text-xs text-slate-400">
        <span>
          root@{instance}
          {mode === "ro" && (
            <span className="ml-2 rounded bg-slate-700 px-1.5 py-0.5 text-slate-200">watching (read-only)</span>
          )}
        </span>
        <span aria-live="polite">
          {status === "connected"
            ? "connected"
            : status === "reconnecting"
              ? "reconnecting…"
              : status === "exited"
                ? "shell exited"
                : status === "error"
                  ? `cannot connect${message ? `: ${message}` : ""}`
                  : "connecting…"}
          <span className="ml-3 hidden text-slate-400 xl:inline">Ctrl+Shift+C / Ctrl+Shift+V to copy / paste</span>
        </span>
      </div>
      <div ref={host} className="min-h-0 flex-1 bg-slate-900 p-1" />
    </div>
  );
}
