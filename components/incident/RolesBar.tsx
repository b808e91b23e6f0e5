"use client";
/**
 * The team room's roles bar: every member with their incident role and
 * whether they are here now, who else is watching, and (for a member while the
 * incident is live) taking a role. One commander at a time: taking command
 * hands it over.
 */
import { useId, useState } from "react";
import { liveRequest } from "@/components/live/live-socket";
import type { PresencePerson } from "@/components/live/use-live";
import type { RoomMember } from "@/lib/attempts/get-room";
import { INCIDENT_ROLE_TITLE, INCIDENT_ROLES, type IncidentRoleName } from "@/lib/team-play/channel";

const ROLE_TONE: Record<string, string> = {
  COMMANDER: "bg-ember-500/20 text-ember-200 ring-ember-400/40",
  OPERATOR: "bg-blue-500/20 text-blue-200 ring-blue-400/40",
  COMMUNICATIONS: "bg-violet-500/20 text-violet-200 ring-violet-400/40",
  PLAYER: "bg-slate-700 text-slate-200 ring-slate-600",
};
const title = (role: string) => INCIDENT_ROLE_TITLE[role as IncidentRoleName] ?? role;

export function RolesBar({
  attemptId,
  members,
  people,
  viewerId,
  canClaim,
}: {
  attemptId: string;
  members: RoomMember[];
  people: PresencePerson[];
  viewerId: string;
  canClaim: boolean;
}) {
  const mine = members.find((m) => m.userId === viewerId);
  const [choice, setChoice] = useState<IncidentRoleName>("OPERATOR");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const selectId = useId();
  const present = new Set(people.map((p) => p.userId));
  const memberIds = new Set(members.map((m) => m.userId));
  const watchers = people.filter((p) => !memberIds.has(p.userId));

  async function claim(role: IncidentRoleName) {
    setBusy(true);
    setProblem(null);
    const r = await liveRequest("role:claim", { attemptId, role });
    setBusy(false);
    if (!r.ok) setProblem(r.error.message);
  }

  return (
    <div
      className="flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-slate-800 bg-slate-900 px-4 py-1.5 text-xs text-slate-300"
      data-testid="roles-bar"
    >
      <ul className="flex flex-wrap items-center gap-2" aria-label="Team roles">
        {members.map((m) => (
          <li
            key={m.userId}
            className="flex items-center gap-1.5"
            data-testid={`member-${m.userId}`}
            data-role={m.role}
            data-present={present.has(m.userId) ? "true" : "false"}
          >
            <span
              className={`h-2 w-2 rounded-full ${present.has(m.userId) ? "bg-emerald-400" : "bg-slate-600"}`}
              aria-label={present.has(m.userId) ? "here" : "away"}
              role="img"
            />
            <span className="text-slate-100">
              {m.name}
              {m.userId === viewerId ? " (you)" : ""}
            </span>
            <span className={`rounded-full px-2 py-0.5 ring-1 ring-inset ${ROLE_TONE[m.role] ?? ROLE_TONE.PLAYER}`}>
              {title(m.role)}
            </span>
          </li>
        ))}
      </ul>
      {watchers.length > 0 && (
        <span className="text-slate-400">Watching: {watchers.map((w) => w.name).join(", ")}</span>
      )}
      {canClaim && mine && (
        <div className="ml-auto flex items-center gap-2">
          {mine.role !== "COMMANDER" && (
            <button
              type="button"
              disabled={busy}
              onClick={() => void claim("COMMANDER")}
              className="rounded bg-ember-700 px-2 py-1 font-medium text-white hover:bg-ember-600 disabled:opacity-60"
              data-testid="claim-commander"
            >
              Take command
            </button>
          )}
          <label htmlFor={selectId} className="text-slate-400">
            Your role
          </label>
          <select
            id={selectId}
            value={choice}
            onChange={(e) => setChoice(e.target.value as IncidentRoleName)}
            className="rounded border border-slate-600 bg-slate-800 px-1.5 py-1 text-slate-100"
            data-testid="role-choice"
          >
            {INCIDENT_ROLES.map((r) => (
              <option key={r} value={r}>
                {title(r)}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={busy || choice === mine.role}
            onClick={() => void claim(choice)}
            className="rounded px-2 py-1 text-slate-100 ring-1 ring-slate-600 hover:bg-slate-800 disabled:opacity-50"
            data-testid="claim-role"
          >
            Take role
          </button>
          {problem && (
            <span role="alert" className="text-red-300">
              {problem}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
