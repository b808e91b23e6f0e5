/** The postmortem, read-only and print-friendly. */
import type { PostmortemContent } from "@/lib/postmortems/postmortem-schema";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="break-inside-avoid">
      <h3 className="text-base font-semibold text-slate-900">{title}</h3>
      <div className="mt-1 text-sm whitespace-pre-line text-slate-700">{children}</div>
    </section>
  );
}
const or = (s: string) => (s.trim() ? s : <span className="text-slate-500">—</span>);

export function PostmortemView({ pm }: { pm: PostmortemContent }) {
  return (
    <article className="postmortem space-y-4" data-testid="postmortem-view">
      <Section title="Summary">{or(pm.summary)}</Section>
      <Section title="Impact">{or(pm.impact)}</Section>
      <Section title="Timeline (UTC)">
        <table className="w-full text-sm">
          <tbody>
            {pm.timeline.map((e, i) => (
              <tr key={i} className="align-top">
                <td className="w-28 py-0.5 pr-3 font-mono text-xs text-slate-500">
                  {Number.isNaN(Date.parse(e.at)) ? e.at : new Date(e.at).toISOString().slice(11, 19)}
                </td>
                <td className="py-0.5">{e.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title="Root cause">{or(pm.rootCause)}</Section>
      <Section title="Trigger">{or(pm.trigger)}</Section>
      <Section title="Contributing factors">{or(pm.contributingFactors)}</Section>
      <Section title="Detection">{or(pm.detection)}</Section>
      <Section title="Resolution">{or(pm.resolution)}</Section>
      <div className="grid gap-4 sm:grid-cols-3 print:grid-cols-3">
        <Section title="What went well">{or(pm.wentWell)}</Section>
        <Section title="What went badly">{or(pm.wentBadly)}</Section>
        <Section title="Where we got lucky">{or(pm.gotLucky)}</Section>
      </div>
      <Section title="Action items">
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
              <th className="py-1 pr-3">Kind</th>
              <th className="py-1 pr-3">Owner</th>
              <th className="py-1">Action</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {pm.actionItems.map((a, i) => (
              <tr key={i} className="align-top">
                <td className="py-1 pr-3 capitalize">{a.kind}</td>
                <td className="py-1 pr-3">{a.owner}</td>
                <td className="py-1">{a.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </article>
  );
}
