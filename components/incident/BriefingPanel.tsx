/** The level's briefing and objectives, with its par time and shells. */
import type { RoomView } from "@/lib/attempts/get-room";

export function BriefingPanel({ level }: { level: RoomView["level"] }) {
  return (
    <div className="space-y-3 text-sm text-slate-700">
      <p className="whitespace-pre-line">{level.briefing}</p>
      <h3 className="font-medium text-slate-900">Objectives</h3>
      <ul className="list-disc space-y-1 pl-5">
        {level.objectives.map((o) => (
          <li key={o}>{o}</li>
        ))}
      </ul>
      <p className="text-xs text-slate-500">
        Par: {level.parMinutes} minutes. Shells: {level.shells.join(", ")}.
      </p>
    </div>
  );
}
