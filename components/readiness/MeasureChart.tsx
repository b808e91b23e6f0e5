"use client";
/**
 * One measure over time (uPlot): a series per person, a point per attempt, and
 * the weekly median of everyone in view as a dashed line. Clicking anywhere in
 * the plot opens the attempt nearest the pointer. Below it, the same points as
 * a list of links (keyboard and screen readers).
 */
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef } from "react";
import uPlot, { type AlignedData, type Options } from "uplot";
import "uplot/dist/uPlot.min.css";

export interface ChartPoint {
  at: number;
  value: number;
  attemptId: string;
}
export interface MeasureChartProps {
  measure: string;
  title: string;
  unit: string;
  people: { id: string; name: string; points: ChartPoint[] }[];
  median: { at: number; value: number }[];
}

const PALETTE = ["#2563eb", "#db2777", "#059669", "#d97706", "#7c3aed", "#0891b2", "#dc2626", "#4b5563"];

function align(props: MeasureChartProps) {
  const xs = [
    ...new Set([...props.people.flatMap((p) => p.points.map((q) => q.at)), ...props.median.map((m) => m.at)]),
  ];
  xs.sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const ids: (string | null)[][] = [];
  const series: (number | null)[][] = props.people.map((p) => {
    const ys: (number | null)[] = xs.map(() => null);
    const at: (string | null)[] = xs.map(() => null);
    for (const q of p.points) {
      ys[index.get(q.at)!] = q.value;
      at[index.get(q.at)!] = q.attemptId;
    }
    ids.push(at);
    return ys;
  });
  const med: (number | null)[] = xs.map(() => null);
  for (const m of props.median) med[index.get(m.at)!] = m.value;
  return { data: [xs, ...series, med] as AlignedData, ids };
}

export function MeasureChart(props: MeasureChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const { data, ids } = useMemo(() => align(props), [props]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const opts: Options = {
      width: Math.max(280, el.clientWidth),
      height: 200,
      scales: { x: { time: true }, y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] } },
      axes: [{}, { label: props.unit || undefined, size: 50 }],
      legend: { live: false },
      cursor: { points: { size: 10 } },
      series: [
        {},
        ...props.people.map((p, i) => ({
          label: p.name,
          stroke: PALETTE[i % PALETTE.length],
          width: 1.5,
          spanGaps: true,
          points: { show: true, size: 7, fill: PALETTE[i % PALETTE.length] },
        })),
        { label: "Median (week)", stroke: "#0f172a", width: 2, dash: [6, 4], spanGaps: true, points: { show: false } },
      ],
    };
    const u = new uPlot(opts, data, el);
    // Drill-down: the attempt nearest the pointer, by x first, then by the series closest in y.
    const open = () => {
      const idx = u.cursor.idx;
      const top = u.cursor.top ?? 0;
      if (idx === null || idx === undefined) return;
      let best: { id: string; d: number } | null = null;
      for (let dx = 0; dx < ids[0]!.length && !best; dx++)
        for (const i of [idx - dx, idx + dx]) {
          ids.forEach((row, s) => {
            const id = row[i];
            const v = (data[s + 1] as (number | null)[])[i];
            if (!id || v === null || v === undefined) return;
            const d = Math.abs(u.valToPos(v, "y") - top) + dx * 1000;
            if (!best || d < best.d) best = { id, d };
          });
        }
      if (best) router.push(`/attempts/${(best as { id: string }).id}`);
    };
    u.over.addEventListener("click", open);
    u.over.style.cursor = "pointer";
    const resize = new ResizeObserver(() => u.setSize({ width: Math.max(280, el.clientWidth), height: 200 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
    };
  }, [data, ids, props.people, props.unit, router]);

  const points = props.people.flatMap((p) => p.points.map((q) => ({ ...q, name: p.name })));
  return (
    <figure className="min-w-0" data-testid={`chart-${props.measure}`} data-points={points.length}>
      <figcaption className="mb-1 text-sm font-semibold text-slate-800">
        {props.title}
        {props.unit && <span className="font-normal text-slate-500"> ({props.unit})</span>}
      </figcaption>
      <div ref={box} className="w-full" />
      <details className="mt-1 text-xs text-slate-500">
        <summary className="cursor-pointer">The {points.length} points as a list</summary>
        <ul className="mt-1 max-h-40 space-y-0.5 overflow-auto">
          {points
            .sort((a, b) => a.at - b.at)
            .map((q) => (
              <li key={`${q.attemptId}-${q.name}`}>
                <a className="hover:underline" href={`/attempts/${q.attemptId}`}>
                  {new Date(q.at * 1000).toISOString().slice(0, 10)} · {q.name} · {Math.round(q.value * 10) / 10}
                </a>
              </li>
            ))}
        </ul>
      </details>
    </figure>
  );
}
