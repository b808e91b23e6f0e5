/**
 * People × categories: each cell the best score and when, coloured by recency,
 * linking to that attempt; categories nobody in view has covered stand out.
 * Per level in the expandable table below.
 */
import Link from "next/link";
import { Table, Td, Th, Tr } from "@/components/Table";
import { formatDate } from "@/lib/format";
import type { Coverage, CoverageCell } from "@/lib/readiness/coverage";
import type { ReadinessPerson } from "@/lib/readiness/readiness-row";
import { recencyOf, RECENCY_LABEL, type Recency } from "@/lib/readiness/recency";

const TONE: Record<Recency, string> = {
  fresh: "bg-green-100 text-green-900 ring-green-300",
  aging: "bg-amber-100 text-amber-900 ring-amber-300",
  stale: "bg-slate-200 text-slate-700 ring-slate-300",
};

function Cell({ cell, now, bar, of }: { cell: CoverageCell | undefined; now: Date; bar: number; of?: number }) {
  if (!cell)
    return (
      <span className="text-slate-400" data-recency="none">
        —
      </span>
    );
  const recency = recencyOf(cell.at, now);
  return (
    <Link
      href={`/attempts/${cell.attemptId}`}
      data-recency={recency}
      data-testid="coverage-cell"
      data-below-bar={cell.score < bar || undefined}
      title={`Best score ${cell.score} / 100${cell.score < bar ? ` (below the bar of ${bar})` : ""}, graded ${formatDate(cell.at)} (${RECENCY_LABEL[recency]}). Open the attempt.`}
      className={`inline-flex flex-col rounded px-2 py-1 leading-tight ring-1 ring-inset hover:underline ${TONE[recency]}`}
    >
      <span className="font-semibold tabular-nums">
        {cell.score}
        {cell.score < bar && <span className="ml-1 text-[11px] font-medium text-red-700">below {bar}</span>}
      </span>
      <span className="text-[11px]">
        {formatDate(cell.at)}
        {of !== undefined && ` · ${cell.levelsDone}/${of}`}
      </span>
    </Link>
  );
}

export function RecencyLegend() {
  return (
    <p className="flex flex-wrap items-center gap-3 text-xs text-slate-600">
      Best score and when it was graded:
      {(Object.keys(TONE) as Recency[]).map((r) => (
        <span key={r} className={`rounded px-1.5 py-0.5 ring-1 ring-inset ${TONE[r]}`}>
          {RECENCY_LABEL[r]}
        </span>
      ))}
      <span className="rounded bg-red-50 px-1.5 py-0.5 text-red-800 ring-1 ring-red-300 ring-inset">
        uncovered category: nobody here has a graded attempt
      </span>
    </p>
  );
}

export function CoverageTable({
  people,
  coverage,
  now,
  bar,
}: {
  people: ReadinessPerson[];
  coverage: Coverage;
  now: Date;
  /** The certification's pass mark: a best score under it is marked. */
  bar: number;
}) {
  const head = (name: string, covered: boolean) =>
    covered ? (
      name
    ) : (
      <span className="rounded bg-red-50 px-1 text-red-800 ring-1 ring-red-300 ring-inset" data-testid="uncovered">
        {name} · uncovered
      </span>
    );
  return (
    <div className="space-y-4">
      <Table
        caption="Coverage by category"
        head={["Person", ...coverage.categories.map((c) => head(c.name, c.covered))]}
      >
        {people.map((p) => (
          <Tr key={p.id}>
            <Th>
              {p.name}
              <span className="block text-xs font-normal text-slate-500">{p.teamName ?? "No team"}</span>
            </Th>
            {coverage.categories.map((c) => (
              <Td key={c.name} className={c.covered ? undefined : "bg-red-50/60"}>
                <Cell cell={coverage.byCategory.get(p.id)?.get(c.name)} now={now} bar={bar} of={c.levels.length} />
              </Td>
            ))}
          </Tr>
        ))}
      </Table>
      <details>
        <summary className="cursor-pointer text-sm font-medium text-slate-700">Coverage by level</summary>
        <div className="mt-2">
          <Table
            caption="Coverage by level"
            head={["Person", ...coverage.categories.flatMap((c) => c.levels.map((l) => `${l.title} (${c.name})`))]}
          >
            {people.map((p) => (
              <Tr key={p.id}>
                <Th>{p.name}</Th>
                {coverage.categories.flatMap((c) =>
                  c.levels.map((l) => (
                    <Td key={l.id}>
                      <Cell cell={coverage.byLevel.get(p.id)?.get(l.id)} now={now} bar={bar} />
                    </Td>
                  )),
                )}
              </Tr>
            ))}
          </Table>
        </div>
      </details>
    </div>
  );
}
