"use client";
/**
 * One recorded shell, replayed in a read-only xterm: at each new time it
 * writes only the new output when moving forward, and resets then rewrites up
 * to that time when moving back. Resizes recorded in the cast are applied in
 * order (through the write queue, so text lands at the size it was written at).
 */
import { Terminal } from "@xterm/xterm";
import "@xterm/xterm/css/xterm.css";
import { useEffect, useRef } from "react";
import type { CastHeader } from "@/lib/contracts/asciicast";
import { seekTrack, type ScreenOp, type Track } from "@/lib/replay/seek";

/** RIS, the terminal's full reset, sent through the write queue so it stays in order with pending writes. */
const FULL_RESET = "\x1bc";
const FONT_MAX = 13;
const FONT_MIN = 7;
/** A monospace cell is about this many font sizes wide (xterm measures; this only picks the size). */
const CELL_WIDTH = 0.62;

/** The font size at which the recorded width fits the panel (a wide shell would otherwise overflow it). */
function fitFont(term: Terminal, panelWidth: number): void {
  const size = Math.floor((panelWidth - 16) / (term.cols * CELL_WIDTH));
  const next = Math.max(FONT_MIN, Math.min(FONT_MAX, size));
  if (term.options.fontSize !== next) term.options.fontSize = next;
}

function apply(term: Terminal, ops: ScreenOp[]): void {
  for (const op of ops) {
    if ("write" in op) term.write(op.write);
    else term.write("", () => term.resize(op.resize.cols, op.resize.rows));
  }
}

export function ReplayTerminal({
  header,
  track,
  t,
  visible,
  label,
}: {
  header: CastHeader;
  track: Track;
  t: number;
  visible: boolean;
  label: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const termRef = useRef<Terminal | null>(null);
  const shown = useRef(0);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const term = new Terminal({
      cols: header.width,
      rows: header.height,
      disableStdin: true,
      cursorBlink: false,
      convertEol: false,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
      fontSize: 13,
      scrollback: 5000,
      theme: { background: "#0f172a", foreground: "#e2e8f0", cursor: "#f97316", selectionBackground: "#334155" },
    });
    term.open(el);
    termRef.current = term;
    shown.current = 0;
    const fit = () => {
      if (panel.current && panel.current.clientWidth > 0) fitFont(term, panel.current.clientWidth);
    };
    const resized = term.onResize(fit);
    const observer = new ResizeObserver(fit);
    if (panel.current) observer.observe(panel.current);
    fit();
    return () => {
      observer.disconnect();
      resized.dispose();
      term.dispose();
      termRef.current = null;
    };
  }, [header, track]);

  useEffect(() => {
    const term = termRef.current;
    if (!term) return;
    const step = seekTrack(track, shown.current, t);
    if (step.reset) {
      term.write(FULL_RESET);
      term.write("", () => term.resize(header.width, header.height));
    }
    apply(term, step.ops);
    shown.current = step.shown;
  }, [t, track, header]);

  return (
    <div
      ref={panel}
      className={visible ? "max-h-[30rem] w-full max-w-full overflow-auto rounded-md bg-slate-900 p-2" : "hidden"}
      data-testid="replay-terminal"
      data-replay-terminal
      aria-label={label}
      role="region"
    >
      <div ref={host} />
    </div>
  );
}
