"use client";
/**
 * Live log lines from every instance (the proxy's access and error logs, the
 * app's log, the database's), filterable by instance, following the tail
 * unless scrolled up. Long lines wrap, so the end of an error is never cut off.
 */
import { useEffect, useRef, useState } from "react";
import type { LogLine } from "./use-live-feed";

export function LogsPanel({ logs, instances }: { logs: LogLine[]; instances: string[] }) {
  const [filter, setFilter] = useState<string>("all");
  const box = useRef<HTMLPreElement>(null);
  const follow = useRef(true);
  const shown = filter === "all" ? logs : logs.filter((l) => l.instance === filter);
  useEffect(() => {
    const el = box.current;
    if (el && follow.current) el.scrollTop = el.scrollHeight;
  }, [shown.length]);
  return (
    <div className="flex h-full min-h-0 flex-col gap-2">
      <div className="flex flex-wrap gap-1" role="group" aria-label="Filter logs by instance">
        {["all", ...instances].map((i) => (
          <button
            key={i}
            type="button"
            onClick={() => setFilter(i)}
            aria-pressed={filter === i}
            className={`rounded px-2 py-0.5 text-xs ${filter === i ? "bg-slate-800 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}
          >
            {i}
          </button>
        ))}
      </div>
      <pre
        ref={box}
        onScroll={(e) => {
          const el = e.currentTarget;
          follow.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
        className="min-h-48 flex-1 overflow-auto rounded bg-slate-900 p-2 text-[11px] leading-4 text-slate-200"
        data-testid="logs"
        tabIndex={0}
        aria-label="Log lines"
      >
        {shown.length === 0
          ? "No log lines yet."
          : shown.map((l) => (
              <div key={l.id} className="whitespace-pre-wrap break-all" data-instance={l.instance}>
                <span className="text-sky-300">{l.instance}</span> {l.line}
              </div>
            ))}
      </pre>
    </div>
  );
}
