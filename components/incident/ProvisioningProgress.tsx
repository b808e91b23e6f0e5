/** The environment being built, stage by stage, while the player reads the briefing. */
import type { Stage } from "@/lib/contracts/orchestrator-api";

const LABEL: Record<string, string> = {
  network: "Network",
  volumes: "Volumes",
  containers: "Machines",
  healthy: "Services healthy",
  fault: "Something breaks…",
};

export function ProvisioningProgress({
  stages,
  current,
  error,
}: {
  stages: Stage[];
  current: string | null;
  error: string | null;
}) {
  const done = stages.filter((s) => s.status === "done").length;
  const pct = stages.length > 0 ? Math.round((100 * done) / stages.length) : 5;
  return (
    <div className="space-y-3" data-testid="provisioning">
      <div className="flex items-center justify-between text-sm">
        <span className="font-medium text-slate-100">Preparing your environment</span>
        <span className="tabular-nums text-slate-400">{pct} %</span>
      </div>
      <div
        className="h-1.5 overflow-hidden rounded bg-slate-700"
        role="progressbar"
        aria-valuenow={pct}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <div className="h-full bg-ember-500 transition-all" style={{ width: `${pct}%` }} />
      </div>
      <ol className="space-y-1 text-sm">
        {stages.length === 0 && (
          <li className="text-slate-400">{current ? `Stage: ${current}` : "Asking for machines…"}</li>
        )}
        {stages.map((s) => (
          <li key={s.name} className="flex items-center gap-2">
            <span
              aria-hidden
              className={
                s.status === "done"
                  ? "text-emerald-400"
                  : s.status === "running"
                    ? "animate-pulse text-ember-500"
                    : s.status === "failed"
                      ? "text-red-400"
                      : "text-slate-600"
              }
            >
              {s.status === "done" ? "✓" : s.status === "failed" ? "✕" : "●"}
            </span>
            <span className={s.status === "pending" ? "text-slate-500" : "text-slate-200"}>
              {LABEL[s.name] ?? s.name}
            </span>
            {s.message && <span className="truncate text-xs text-slate-400">{s.message}</span>}
          </li>
        ))}
      </ol>
      {error && <p className="rounded bg-red-950 px-3 py-2 text-sm text-red-200">{error}</p>}
    </div>
  );
}
