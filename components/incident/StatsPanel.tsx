/** Per-instance CPU, memory and disk, from the live feed's "stats". */
import type { InstanceStats } from "@/lib/contracts/orchestrator-api";

const gib = (b: number) => (b >= 1024 ** 3 ? `${(b / 1024 ** 3).toFixed(1)} GiB` : `${Math.round(b / 1024 ** 2)} MiB`);

function Bar({ value, label }: { value: number; label: string }) {
  const pct = Math.max(0, Math.min(100, value));
  const tone = pct >= 90 ? "bg-red-500" : pct >= 70 ? "bg-amber-500" : "bg-emerald-500";
  return (
    <div className="flex items-center gap-2" title={label}>
      <div className="h-1.5 flex-1 overflow-hidden rounded bg-slate-200">
        <div className={`h-full ${tone}`} style={{ width: `${pct}%` }} />
      </div>
      <span className="w-40 shrink-0 truncate text-right text-xs tabular-nums text-slate-600">{label}</span>
    </div>
  );
}

export function StatsPanel({ stats }: { stats: InstanceStats[] }) {
  if (stats.length === 0) return <p className="text-sm text-slate-500">Waiting for the first measurements…</p>;
  return (
    <div className="space-y-4" data-testid="stats">
      {stats.map((s) => (
        <div key={s.instance} className="space-y-1.5">
          <p className="text-sm font-medium text-slate-800">
            {s.instance} <span className="font-normal text-slate-500">· {s.processes} processes</span>
          </p>
          <Bar value={s.cpuPercent} label={`CPU ${s.cpuPercent.toFixed(0)} %`} />
          <Bar
            value={s.memoryLimitBytes > 0 ? (100 * s.memoryBytes) / s.memoryLimitBytes : 0}
            label={`mem ${gib(s.memoryBytes)} / ${gib(s.memoryLimitBytes)}`}
          />
          {s.disks.map((d) => (
            <Bar
              key={d.mount}
              value={d.totalBytes > 0 ? (100 * d.usedBytes) / d.totalBytes : 0}
              label={`${d.mount} ${gib(d.usedBytes)} / ${gib(d.totalBytes)}`}
            />
          ))}
        </div>
      ))}
    </div>
  );
}
