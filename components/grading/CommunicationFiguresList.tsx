/** How a team communicated (team game days): status updates, command held, stakeholders answered in time. */
import { Card } from "@/components/Card";
import { formatMinutes } from "@/lib/grading/attempt-figures";
import type { CommunicationFigures } from "@/lib/grading/communication-figures";

function seconds(s: number): string {
  return formatMinutes(s / 60);
}

export function CommunicationFiguresList({ figures: f }: { figures: CommunicationFigures }) {
  const items: [string, string, string][] = [
    ["Status updates", String(f.statusUpdates), `in ${formatMinutes(f.incidentMinutes)} of incident`],
    ["Median interval", formatMinutes(f.medianUpdateIntervalMinutes), "between status updates"],
    ["Longest silence", formatMinutes(f.longestGapMinutes), "without a status update"],
    ["Commander held", `${Math.round(f.commanderShare * 100)} %`, "of the incident's time"],
    [
      "Stakeholders answered",
      f.stakeholder.asked === 0 ? "—" : `${f.stakeholder.answeredInTime} of ${f.stakeholder.asked}`,
      "within their deadline",
    ],
  ];
  return (
    <Card title="Communication" description="From the incident channel, until the incident was mitigated or ended.">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="communication-figures">
        {items.map(([label, value, hint]) => (
          <div key={label} className="rounded-md border border-slate-200 bg-white px-3 py-2">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums text-slate-900">{value}</dd>
            <dd className="text-xs text-slate-500">{hint}</dd>
          </div>
        ))}
      </dl>
      {f.stakeholder.responses.length > 0 && (
        <ul className="mt-3 space-y-1 text-sm text-slate-700" data-testid="stakeholder-responses">
          {f.stakeholder.responses.map((r) => (
            <li key={r.injectId}>
              <span className="font-medium">{r.from}</span>:{" "}
              {r.responseSeconds === null ? (
                <span className="text-red-700">not answered</span>
              ) : (
                <span className={r.inTime ? "text-emerald-700" : "text-amber-700"}>
                  answered after {seconds(r.responseSeconds)}
                  {r.inTime ? " (in time)" : " (late)"}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
