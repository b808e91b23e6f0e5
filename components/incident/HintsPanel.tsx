"use client";
/** Tiered hints: each one is revealed on request and costs the points it says. */
import { useState } from "react";
import { Button } from "@/components/Button";
import { api } from "@/components/shared/api";

export interface TakenHint {
  index: number;
  text: string;
  cost: number;
}

export function HintsPanel({
  attemptId,
  initial,
  costs,
  canTake,
}: {
  attemptId: string;
  initial: TakenHint[];
  costs: number[];
  canTake: boolean;
}) {
  const [taken, setTaken] = useState(initial);
  const total = costs.length;
  const nextCost = costs[taken.length] ?? null;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const left = total - taken.length;

  async function take() {
    setBusy(true);
    setError(null);
    const r = await api<TakenHint>(`/api/attempts/${attemptId}/hints`, { method: "POST" });
    setBusy(false);
    setConfirming(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setTaken((t) => [...t, r.data]);
  }

  return (
    <div className="space-y-3" data-testid="hints">
      <p className="text-sm text-slate-600">
        Stuck? Hints go from a nudge to the answer. Each costs points from your score.
      </p>
      <ol className="space-y-2">
        {taken.map((h) => (
          <li key={h.index} className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            <p className="mb-0.5 text-xs font-medium text-amber-800">
              Hint {h.index + 1} · −{h.cost} points
            </p>
            {h.text}
          </li>
        ))}
      </ol>
      {error && <p className="text-sm text-red-700">{error}</p>}
      {left > 0 && canTake ? (
        confirming ? (
          <div className="flex flex-wrap items-center gap-2 rounded-md border border-slate-200 p-2 text-sm">
            <span>
              Take hint {taken.length + 1} of {total}
              {nextCost !== null ? ` for −${nextCost} points` : ""}?
            </span>
            <Button size="sm" onClick={() => void take()} disabled={busy}>
              Yes, show it
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
              Not yet
            </Button>
          </div>
        ) : (
          <Button variant="secondary" size="sm" onClick={() => setConfirming(true)}>
            Take hint {taken.length + 1} of {total}
            {nextCost !== null ? ` (−${nextCost})` : ""}
          </Button>
        )
      ) : (
        <p className="text-xs text-slate-500">
          {left === 0 ? "No more hints." : "Hints are available while the incident is open."}
        </p>
      )}
    </div>
  );
}
