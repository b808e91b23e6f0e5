import { Badge } from "@/components/Badge";
import { LinkButton } from "@/components/Button";
import { Card } from "@/components/Card";
import { EmptyState } from "@/components/EmptyState";
import { Table, Td, Th, Tr } from "@/components/Table";
import { formatDateTime } from "@/lib/format";
import type { PoolRow, PoolsPageView } from "@/lib/pools/load-pools-view";

/** The pre-broken pools as the orchestrator sizes them: memory against the budget, then one row per level. */
export function PoolsOverview({ view }: { view: PoolsPageView }) {
  if (view.state === "unavailable")
    return (
      <Card>
        <EmptyState
          title="The pools cannot be shown right now"
          action={<LinkButton href="/admin/pools">Try again</LinkButton>}
        >
          {view.message}
        </EmptyState>
      </Card>
    );
  const pooled = view.levels.some((l) => l.target + l.ready + l.filling > 0);
  return (
    <div className="space-y-6">
      <Card id="pools-memory" title="Memory" description="What the pooled environments use of the budget they share.">
        <MemoryMeter usedMb={view.usedMb} budgetMb={view.budgetMb} />
        <p className="mt-3 text-sm text-slate-600">
          Last claim:{" "}
          {view.lastClaimAt ? (
            <time dateTime={view.lastClaimAt.toISOString()}>{formatDateTime(view.lastClaimAt)}</time>
          ) : (
            "none recently"
          )}
        </p>
      </Card>
      <Card
        id="pools-levels"
        title="Levels"
        description="Each level's target follows the expected starts (assignments due, game days, recent starts), within the floor, the ceiling and the budget."
      >
        {view.levels.length === 0 ? (
          <EmptyState title="No levels to pool">The environment service has no levels loaded.</EmptyState>
        ) : (
          <>
            {!pooled && (
              <div className="mb-4">
                <EmptyState title="Nothing is pooled right now">
                  No level is wanted and the floor is 0, or the ceiling or the budget leaves no room. Each level&apos;s
                  reason says which.
                </EmptyState>
              </div>
            )}
            <PoolTable levels={view.levels} />
          </>
        )}
      </Card>
    </div>
  );
}

function MemoryMeter({ usedMb, budgetMb }: { usedMb: number; budgetMb: number }) {
  const pct = budgetMb > 0 ? Math.min(100, Math.round((100 * usedMb) / budgetMb)) : 0;
  const text = budgetMb > 0 ? `${usedMb} MB of ${budgetMb} MB` : `${usedMb} MB, no budget: nothing is pooled`;
  return (
    <div>
      <div className="mb-1 flex items-center justify-between text-sm">
        <span id="pool-memory-label" className="font-medium text-slate-800">
          Pool memory used
        </span>
        <span className="tabular-nums text-slate-600">{budgetMb > 0 ? `${text} (${pct} %)` : text}</span>
      </div>
      <div
        role="meter"
        aria-labelledby="pool-memory-label"
        aria-valuemin={0}
        aria-valuemax={Math.max(budgetMb, 1)}
        aria-valuenow={Math.min(usedMb, Math.max(budgetMb, 1))}
        aria-valuetext={text}
        className="h-2 overflow-hidden rounded bg-slate-200"
      >
        <div className={pct >= 90 ? "h-full bg-red-600" : "h-full bg-ember-600"} style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

function PoolTable({ levels }: { levels: PoolRow[] }) {
  const num = "tabular-nums";
  return (
    <Table
      caption="Pre-broken pools per level"
      head={["Level", "Stack", "Ready", "Filling", "Target", "Floor–ceiling", "Why"]}
    >
      {levels.map((l) => (
        <Tr key={l.levelId}>
          <Th>
            <span className="flex flex-wrap items-center gap-2">
              {l.title}
              {l.ceiling === 0 && <Badge>not pooled</Badge>}
            </span>
            {l.title !== l.levelId && <span className="block text-xs font-normal text-slate-500">{l.levelId}</span>}
          </Th>
          <Td>{l.stack}</Td>
          <Td className={num}>{l.ready}</Td>
          <Td className={num}>{l.filling}</Td>
          <Td className={num}>{l.target}</Td>
          <Td className={num}>
            {l.floor}–{l.ceiling}
          </Td>
          <Td className="max-w-md">{l.reason}</Td>
        </Tr>
      ))}
    </Table>
  );
}
