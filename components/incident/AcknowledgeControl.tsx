"use client";
/**
 * The time-to-detect clock in the room: it runs from the incident's start until
 * someone acknowledges it (this button), writes the first field of the report,
 * or a facilitator sets the severity (lib/attempts/detection.ts).
 */
import { useState } from "react";
import { Button } from "@/components/Button";
import { api } from "@/components/shared/api";
import { format } from "./Timer";

export function AcknowledgeControl({
  attemptId,
  startedAt,
  detectedAt,
  canAcknowledge,
}: {
  attemptId: string;
  startedAt: string;
  detectedAt: string | null;
  canAcknowledge: boolean;
}) {
  const [mine, setMine] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const at = detectedAt ?? mine;

  if (at)
    return (
      <span
        className="text-xs text-slate-400"
        data-testid="detect-clock"
        data-state="stopped"
        title="Time to detect: from the incident's start until it was acknowledged, the report was first written in, or a facilitator set the severity"
      >
        Detected after{" "}
        <span className="font-mono text-slate-200">{format(Date.parse(at) - Date.parse(startedAt))}</span>
      </span>
    );

  const acknowledge = async () => {
    setBusy(true);
    const r = await api<{ detectedAt: string }>(`/api/attempts/${attemptId}/acknowledge`, { method: "POST" });
    setBusy(false);
    if (r.ok) setMine(r.data.detectedAt);
    else setError(r.error.message);
  };
  return (
    <span
      className="inline-flex items-center gap-2 text-xs text-amber-300"
      data-testid="detect-clock"
      data-state="running"
    >
      <span title="Time to detect runs until you acknowledge the incident or write the first line of the report">
        Time-to-detect clock running
      </span>
      {canAcknowledge && (
        <Button
          size="sm"
          variant="secondary"
          onClick={() => void acknowledge()}
          disabled={busy}
          data-testid="acknowledge"
        >
          {busy ? "Acknowledging…" : "Acknowledge"}
        </Button>
      )}
      {error && <span role="alert">{error}</span>}
    </span>
  );
}
