/** The incident report, read-only (grading, the finished attempt, print). */
import { SEVERITY_LABEL, type ReportContent } from "@/lib/reports/report-schema";
import { formatTime } from "@/lib/format";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="break-inside-avoid">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <div className="mt-0.5 text-sm whitespace-pre-line text-slate-700">{children}</div>
    </section>
  );
}

const or = (s: string) => (s.trim() ? s : <span className="text-slate-500">—</span>);

export function ReportView({ report }: { report: ReportContent }) {
  return (
    <div className="space-y-3" data-testid="report-view">
      <Section title="Severity">{report.severity ? SEVERITY_LABEL[report.severity] : or("")}</Section>
      <Section title="Detected">
        {report.detectedAt ? `${report.detectedAt.replace("T", " ")} — ` : ""}
        {or(report.detectedHow)}
      </Section>
      <Section title="Impact">{or(report.impact)}</Section>
      <Section title="Symptoms">{or(report.symptoms)}</Section>
      <Section title="Hypotheses tried">
        {report.hypotheses.length === 0 ? (
          or("")
        ) : (
          <ul className="list-disc pl-5">
            {report.hypotheses.map((h, i) => (
              <li key={i}>
                {h.text} <span className="text-xs text-slate-500">({h.outcome})</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Actions taken">{or(report.actions)}</Section>
      <Section title="Mitigation">{or(report.mitigation)}</Section>
      <Section title="Status updates">
        {report.statusUpdates.length === 0 ? (
          or("")
        ) : (
          <ol className="space-y-1">
            {report.statusUpdates.map((u, i) => (
              <li key={i}>
                <span className="mr-2 font-mono text-xs text-slate-500">{u.at ? formatTime(u.at) : ""}</span>
                {u.text}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </div>
  );
}
