/** Team and period filters: a plain GET form, so a filtered view is a link a lead can bookmark. */
import { buttonClass } from "@/components/Button";
import { PERIODS, type ReadinessFilter } from "@/lib/readiness/period";

export function ReadinessFilters({
  filter,
  teams,
  canSeeTeamless,
  seesEveryone,
}: {
  filter: ReadinessFilter;
  teams: { id: string; name: string }[];
  canSeeTeamless: boolean;
  seesEveryone: boolean;
}) {
  const query = new URLSearchParams({ team: filter.team, period: filter.period }).toString();
  return (
    <form method="get" action="/lead" className="flex flex-wrap items-end gap-3" data-testid="readiness-filters">
      <label className="text-sm text-slate-700">
        <span className="block text-xs font-medium text-slate-500">Team</span>
        <select
          name="team"
          defaultValue={filter.team}
          className="mt-1 min-w-[8rem] rounded-md border border-slate-300 px-2 py-1.5"
        >
          <option value="all">{seesEveryone ? "Everyone" : "All my teams"}</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
          {canSeeTeamless && <option value="none">People without a team</option>}
        </select>
      </label>
      <label className="text-sm text-slate-700">
        <span className="block text-xs font-medium text-slate-500">Period</span>
        <select
          name="period"
          defaultValue={filter.period}
          className="mt-1 min-w-[8rem] rounded-md border border-slate-300 px-2 py-1.5"
        >
          {Object.entries(PERIODS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={buttonClass("primary", "sm")}>
        Apply
      </button>
      <span className="ml-auto flex gap-2">
        <a href={`/api/readiness/coverage?${query}`} className={buttonClass("secondary", "sm")} download>
          Table as CSV
        </a>
        <a href={`/api/readiness/attempts?${query}`} className={buttonClass("secondary", "sm")} download>
          Attempts as CSV
        </a>
      </span>
    </form>
  );
}
