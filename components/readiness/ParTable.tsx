/** Per level played in view: the median against the level's par. */
import { Badge } from "@/components/Badge";
import { Table, Td, Th, Tr } from "@/components/Table";
import { formatMinutes } from "@/lib/grading/attempt-figures";
import type { ParRow } from "@/lib/readiness/trends";

export function ParTable({ rows }: { rows: ParRow[] }) {
  return (
    <Table
      caption="Median against par, per level"
      head={["Level", "Attempts", "Median time to detect", "Median time to mitigate", "Par", "Median score"]}
    >
      {rows.map((r) => (
        <Tr key={r.levelId} data-testid="par-row">
          <Th>{r.title}</Th>
          <Td className="tabular-nums">{r.attempts}</Td>
          <Td className="tabular-nums">{formatMinutes(r.medianMinutesToDetect)}</Td>
          <Td className="tabular-nums">
            {formatMinutes(r.medianMinutesToMitigate)}{" "}
            {r.withinPar === null ? null : r.withinPar ? (
              <Badge tone="green">within par</Badge>
            ) : (
              <Badge tone="ember">over par</Badge>
            )}
          </Td>
          <Td className="tabular-nums">{r.parMinutes} min</Td>
          <Td className="tabular-nums">{r.medianScore === null ? "—" : `${r.medianScore} / 100`}</Td>
        </Tr>
      ))}
    </Table>
  );
}
