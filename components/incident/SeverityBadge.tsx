/** The incident's severity in the room's header, or that none has been declared yet. */
import { SEVERITY_LABEL, type SEVERITIES } from "@/lib/reports/report-schema";

export function SeverityBadge({ severity, declaredYet }: { severity: string | null; declaredYet: boolean }) {
  if (severity)
    return (
      <span
        className="rounded-md bg-red-600 px-2.5 py-1 text-sm font-bold tracking-wide text-white ring-2 ring-red-300"
        title={SEVERITY_LABEL[severity as (typeof SEVERITIES)[number]] ?? "The incident's severity"}
      >
        <span className="sr-only">Severity </span>
        <span data-testid="room-severity">{severity}</span>
      </span>
    );
  if (!declaredYet) return null;
  return (
    <span className="rounded-md px-2 py-1 text-xs text-slate-300 ring-1 ring-slate-600">Severity not declared</span>
  );
}
