/** Who can go on call: certified (and, with expiry, expiring or expired), close to it with what is missing, or not yet. */
import { Badge, type Tone } from "@/components/Badge";
import { Table, Td, Th, Tr } from "@/components/Table";
import { formatDate } from "@/lib/format";
import { ON_CALL_LABEL, type OnCallState, type OnCallStatus } from "@/lib/readiness/on-call";

const TONE: Record<OnCallState, Tone> = {
  certified: "green",
  expiring: "ember",
  expired: "red",
  close: "blue",
  "not-yet": "slate",
};
const ORDER: OnCallState[] = ["certified", "expiring", "close", "expired", "not-yet"];

export function OnCallTable({
  rows,
}: {
  rows: { id: string; name: string; team: string | null; status: OnCallStatus }[];
}) {
  const sorted = [...rows].sort(
    (a, b) => ORDER.indexOf(a.status.state) - ORDER.indexOf(b.status.state) || a.name.localeCompare(b.name),
  );
  return (
    <Table caption="Who can go on call" head={["Person", "Team", "On call", "What is missing"]}>
      {sorted.map((r) => (
        <Tr key={r.id} data-testid="on-call-row" data-state={r.status.state}>
          <Th>{r.name}</Th>
          <Td className="text-slate-600">{r.team ?? "No team"}</Td>
          <Td>
            <Badge tone={TONE[r.status.state]}>
              {ON_CALL_LABEL[r.status.state]}
              {r.status.certifiedAt && ` since ${formatDate(r.status.certifiedAt)}`}
              {r.status.expiresAt && ` · until ${formatDate(r.status.expiresAt)}`}
            </Badge>
          </Td>
          <Td className="text-xs text-slate-600">{r.status.missing.length ? r.status.missing.join(", ") : "—"}</Td>
        </Tr>
      ))}
    </Table>
  );
}
