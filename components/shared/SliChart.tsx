/**
 * The mock client's success rate and p95 latency over time, as plain SVG: the
 * success line on a 0–100 % axis with the healthy threshold marked, latency as
 * a lighter line on its own scale. The success line is coloured by its value
 * (green above the healthy threshold, red below) wherever it is, so a recovery
 * does not paint the outage green. `replay` labels the axis with the replay's
 * clock instead of the live room's "now".
 */
import type { SliSample } from "@/lib/contracts/orchestrator-api";
import { HEALTHY_AT } from "@/lib/timeline/sli";

const W = 600;
const H = 150;
const PAD = { l: 34, r: 44, t: 8, b: 18 };

function path(points: [number, number][]): string {
  return points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`).join(" ");
}

/** The gradient's id: one definition per page is enough (every chart's is the same). */
const BY_VALUE = "sli-rate-by-value";
/** The mock client's rolling window (orchestrator/mock-client/sli-window.ts). */
const WINDOW_SECONDS = 10;

function clock(t: number): string {
  return new Date(t).toISOString().slice(11, 19);
}

export function SliChart({
  samples,
  replay = false,
  settling = false,
}: {
  samples: SliSample[];
  replay?: boolean;
  /** The fix check passed but the rolling window still holds failures from before it. */
  settling?: boolean;
}) {
  const last = samples.at(-1);
  const times = samples.map((s) => Date.parse(s.at));
  const t0 = times[0] ?? 0;
  const t1 = Math.max(times.at(-1) ?? 1, t0 + 60_000);
  const x = (t: number) => PAD.l + ((t - t0) / (t1 - t0)) * (W - PAD.l - PAD.r);
  const yRate = (r: number) => PAD.t + (1 - r) * (H - PAD.t - PAD.b);
  const maxMs = Math.max(100, ...samples.map((s) => s.p95Ms ?? 0));
  const niceMax = maxMs <= 500 ? 500 : maxMs <= 1000 ? 1000 : Math.ceil(maxMs / 1000) * 1000;
  const yMs = (ms: number) => PAD.t + (1 - Math.min(ms, niceMax) / niceMax) * (H - PAD.t - PAD.b);
  const rate = samples.flatMap((s, i) =>
    s.successRate === null ? [] : [[x(times[i]!), yRate(s.successRate)] as [number, number]],
  );
  const latency = samples.flatMap((s, i) =>
    s.p95Ms === null ? [] : [[x(times[i]!), yMs(s.p95Ms)] as [number, number]],
  );
  const healthy = last?.successRate != null && last.successRate >= HEALTHY_AT;
  const minutes = Math.round((t1 - t0) / 60_000);
  const healthyAt = yRate(HEALTHY_AT);
  const leftLabel = replay
    ? samples.length === 0
      ? "no traffic recorded yet"
      : `${clock(t0)} UTC`
    : samples.length === 0
      ? "waiting for traffic…"
      : `last ${minutes} min`;
  const rightLabel = replay ? (samples.length === 0 ? "" : `${clock(t1)} UTC`) : "now";

  return (
    <figure className="space-y-2" data-testid="sli-chart" data-success-rate={last?.successRate ?? ""}>
      <figcaption className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm">
        <span className="font-medium text-slate-800">{replay ? "What users saw" : "What users see"}</span>
        <span className={healthy ? "text-green-700" : last?.successRate == null ? "text-slate-500" : "text-red-700"}>
          <span className="text-lg font-semibold tabular-nums" data-testid="sli-success">
            {last?.successRate == null ? "—" : `${(last.successRate * 100).toFixed(1)} %`}
          </span>{" "}
          success
        </span>
        <span className="text-slate-600">
          <span className="font-semibold tabular-nums">
            {last?.p95Ms == null ? "—" : `${Math.round(last.p95Ms)} ms`}
          </span>{" "}
          p95
        </span>
        {last?.lastError && !healthy && !settling && (
          <span className="truncate text-xs text-red-700">{last.lastError}</span>
        )}
        {settling && !healthy && (
          <span className="text-xs text-emerald-800" data-testid="sli-settling">
            Fix verified. The rate covers the last {WINDOW_SECONDS} s of traffic (and the check may have restarted
            machines), so it catches up within seconds.
          </span>
        )}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-36 w-full" role="img" aria-label="Success rate and latency over time">
        <defs>
          {/* Coloured by value, in the chart's own coordinates: a hard stop at the healthy threshold. */}
          <linearGradient id={BY_VALUE} gradientUnits="userSpaceOnUse" x1="0" y1={yRate(1)} x2="0" y2={yRate(0)}>
            <stop offset={(healthyAt - yRate(1)) / (yRate(0) - yRate(1))} stopColor="#16a34a" />
            <stop offset={(healthyAt - yRate(1)) / (yRate(0) - yRate(1))} stopColor="#dc2626" />
          </linearGradient>
        </defs>
        <rect x={PAD.l} y={PAD.t} width={W - PAD.l - PAD.r} height={H - PAD.t - PAD.b} fill="#f8fafc" />
        {[0, 0.5, 1].map((r) => (
          <g key={r}>
            <line x1={PAD.l} x2={W - PAD.r} y1={yRate(r)} y2={yRate(r)} stroke="#e2e8f0" />
            <text x={PAD.l - 4} y={yRate(r) + 3} textAnchor="end" fontSize="10" fill="#64748b">
              {r * 100}%
            </text>
          </g>
        ))}
        <line
          x1={PAD.l}
          x2={W - PAD.r}
          y1={yRate(HEALTHY_AT)}
          y2={yRate(HEALTHY_AT)}
          stroke="#16a34a"
          strokeDasharray="4 3"
          opacity="0.6"
        />
        <text x={W - PAD.r + 4} y={PAD.t + 8} fontSize="10" fill="#94a3b8">
          {niceMax >= 1000 ? `${niceMax / 1000} s` : `${niceMax} ms`}
        </text>
        <text x={W - PAD.r + 4} y={H - PAD.b} fontSize="10" fill="#94a3b8">
          0
        </text>
        {latency.length > 1 && <path d={path(latency)} fill="none" stroke="#94a3b8" strokeWidth="1.5" />}
        {rate.length > 1 && (
          <path
            d={path(rate)}
            fill="none"
            stroke={`url(#${BY_VALUE})`}
            data-testid="sli-rate-line"
            strokeWidth="2.5"
            strokeLinejoin="round"
          />
        )}
        {rate.length === 1 && <circle cx={rate[0]![0]} cy={rate[0]![1]} r="3" fill={healthy ? "#16a34a" : "#dc2626"} />}
        <text x={PAD.l} y={H - 4} fontSize="10" fill="#64748b">
          {leftLabel}
        </text>
        <text x={W - PAD.r} y={H - 4} fontSize="10" fill="#64748b" textAnchor="end">
          {rightLabel}
        </text>
      </svg>
      <p className="flex gap-4 text-xs text-slate-500">
        <span>
          <span className="mr-1 inline-block h-0.5 w-2 bg-green-600 align-middle" />
          <span className="mr-1 inline-block h-0.5 w-2 bg-red-600 align-middle" />
          success rate (green when healthy)
        </span>
        <span>
          <span className="mr-1 inline-block h-0.5 w-4 bg-slate-400 align-middle" />
          p95 latency
        </span>
        <span>
          <span className="mr-1 inline-block h-0 w-4 border-t border-dashed border-green-600 align-middle" />
          healthy ({HEALTHY_AT * 100} %)
        </span>
      </p>
    </figure>
  );
}
